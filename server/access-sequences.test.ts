// Access is granted, never taken: random sequences of the demo actors' writes and reads
// (server/test/access-sequences.ts). One property per file, so the three run in parallel.
import { attackSequences } from './test/access-sequences.ts';

attackSequences('files');
