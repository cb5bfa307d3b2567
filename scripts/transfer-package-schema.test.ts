import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferPackage, transferPackageJsonSchema } from '../core/contracts/transfer-package.ts';

describe('the transfer package’s documented schema', () => {
  it('is the JSON Schema generated from the Zod schema (npm run docs:transfer-schema)', () => {
    const file = path.resolve(import.meta.dirname, '..', 'docs', 'transfer-package.schema.json');
    const documented: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(documented).toEqual(transferPackageJsonSchema());
  });

  it('names every field the Zod schema requires, so a reader outside Värn can rely on it', () => {
    const schema = transferPackageJsonSchema() as { required?: string[] };
    expect(schema.required?.sort()).toEqual(Object.keys(TransferPackage.shape).sort());
  });
});
