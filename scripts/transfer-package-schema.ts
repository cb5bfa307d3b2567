import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { transferPackageJsonSchema } from '../core/contracts/transfer-package.ts';

// Writes the transfer package's JSON Schema, generated from its Zod schema, where the docs keep
// it; scripts/transfer-package-schema.test.ts fails when the two differ.
const target = path.resolve(import.meta.dirname, '..', 'docs', 'transfer-package.schema.json');
writeFileSync(target, `${JSON.stringify(transferPackageJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
