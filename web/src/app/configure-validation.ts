// Imported first by main.tsx: Zod decides whether to compile parsers when a schema is built,
// which happens as the contracts are imported, so this must run before any of them.
import { configureValidation } from '../../../core/contracts/configure.ts';

configureValidation({ jitless: true });
