import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's boundaries are lint rules; this proves they bite.
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function rulesHit(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint builds the type-aware program of the whole project: tens of seconds on a busy
// two-core machine, more as the project grows.
describe('architecture lint rules', { timeout: 180_000 }, () => {
  it('forbid I/O in core/', async () => {
    // An existing core file's path, so the type-aware parser knows it; the text is what counts.
    const file = 'core/contracts/contract.ts';
    expect(await rulesHit(file, "import fs from 'node:fs';\nexport const x = fs;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await rulesHit(file, "import pg from 'pg';\nexport const y = pg;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await rulesHit(file, 'export const env = process.env.HOME;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('forbid a migration from importing application code', async () => {
    const hits = await rulesHit(
      'server/db/migrations/2026-11-22_001_units.ts',
      "import { x } from '../schema.ts';\nexport const y = x;\n",
    );
    expect(hits).toContain('no-restricted-imports');
  });

  it('forbid a feature from importing another feature, and a kernel from importing any', async () => {
    const crossing =
      "import { takeStep } from '../cases/case-work.service.ts';\nexport const x = takeStep;\n";
    expect(await rulesHit('server/features/case-documents/journal.service.ts', crossing)).toContain(
      'no-restricted-imports',
    );
    const kernel =
      "import { takeStep } from '../../case-kernel/case-steps.ts';\nexport const x = takeStep;\n";
    expect(
      await rulesHit('server/features/case-documents/journal.service.ts', kernel),
    ).not.toContain('no-restricted-imports');
    const own = "import { x } from './decisions.service.ts';\nexport const y = x;\n";
    expect(await rulesHit('server/features/case-documents/journal.service.ts', own)).not.toContain(
      'no-restricted-imports',
    );
    const upward = "import { x } from '../features/cases/cases.service.ts';\nexport const y = x;\n";
    expect(await rulesHit('server/case-kernel/case-access.ts', upward)).toContain(
      'no-restricted-imports',
    );
  });

  it('let only openCase and appendEvents write a case or its events', async () => {
    const code =
      "import type { Trx } from '../../db/database.ts';\nexport const f = (trx: Trx) => trx.insertInto('case_event');\n";
    expect(await rulesHit('server/features/cases/case-work.service.ts', code)).toContain(
      'no-restricted-syntax',
    );
    expect(await rulesHit('server/case-kernel/case-access.ts', code)).not.toContain(
      'no-restricted-syntax',
    );
    const byHand =
      "import type { Trx } from '../../db/database.ts';\nexport const f = (trx: Trx) => trx.updateTable('case');\n";
    expect(await rulesHit('server/features/cases/cases.service.ts', byHand)).toContain(
      'no-restricted-syntax',
    );
  });

  it('let only the command frame write audit rows', async () => {
    const code =
      "import { recordAudit } from '../../audit/audit.ts';\nexport const x = recordAudit;\n";
    expect(await rulesHit('server/features/cases/cases.service.ts', code)).toContain(
      'no-restricted-imports',
    );
    const kernel =
      "import { recordAudit } from '../audit/audit.ts';\nexport const x = recordAudit;\n";
    expect(await rulesHit('server/case-kernel/drafts.ts', kernel)).toContain(
      'no-restricted-imports',
    );
    // The feature rule still bites beside it (one block's patterns replace another's).
    const crossing =
      "import { takeStep } from '../cases/case-work.service.ts';\nexport const x = takeStep;\n";
    expect(await rulesHit('server/features/risk/risk.service.ts', crossing)).toContain(
      'no-restricted-imports',
    );
    // What comes before an actor: logging in, and the frame itself.
    expect(await rulesHit('server/features/auth/auth.service.ts', code)).not.toContain(
      'no-restricted-imports',
    );
    const frame =
      "import { recordAudit } from './audit/audit.ts';\nexport const x = recordAudit;\n";
    expect(await rulesHit('server/command.ts', frame)).not.toContain('no-restricted-imports');
    // Other names from the audit module stay importable.
    const verify =
      "import { verifyAuditChain } from '../../audit/audit.ts';\nexport const x = verifyAuditChain;\n";
    expect(await rulesHit('server/features/cases/cases.service.ts', verify)).not.toContain(
      'no-restricted-imports',
    );
  });

  it('leave the server free to do I/O', async () => {
    const hits = await rulesHit(
      'server/config.ts',
      "import fs from 'node:fs';\nexport const x = fs;\n",
    );
    expect(hits).not.toContain('no-restricted-imports');
  });
});
