import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPath } from './contract.ts';
import { errorCatalogue } from './errors.ts';

describe('buildPath', () => {
  it('fills each placeholder', () => {
    expect(buildPath('/api/cases/:caseId/journal/:entryId', { caseId: 'a1', entryId: 7 })).toBe(
      '/api/cases/a1/journal/7',
    );
  });

  it('refuses a missing parameter rather than calling the wrong URL', () => {
    expect(() => buildPath('/api/persons/:id', {})).toThrow(/id/);
  });

  it('keeps any value inside its own path segment', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const built = buildPath('/api/x/:id/y', { id: value });
        const segments = built.split('/');
        expect(segments).toHaveLength(5);
        expect(decodeURIComponent(segments[3]!)).toBe(value);
      }),
    );
  });
});

describe('error catalogue', () => {
  it('gives every code an HTTP error status and a Swedish sentence', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.message, code).toMatch(/^[A-ZÅÄÖ].*\.$/);
    }
  });
});
