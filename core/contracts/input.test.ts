import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configureValidation } from './configure.ts';
import {
  INT32_MAX,
  cursor,
  int32,
  int32FromString,
  isoDate,
  isoDateTime,
  unsafeCharacter,
  version,
} from './input.ts';

configureValidation({ jitless: true });

describe('unsafeCharacter', () => {
  it('finds NUL and lone surrogates, and nothing in well-formed text', () => {
    expect(unsafeCharacter('a\u0000b')).toBe('nul');
    expect(unsafeCharacter('a\ud800b')).toBe('surrogate');
    expect(unsafeCharacter('\udc00')).toBe('surrogate');
    expect(unsafeCharacter('x\ud83d')).toBe('surrogate');
    expect(unsafeCharacter('Åsa 😀 Öberg')).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(unsafeCharacter(s.replaceAll('\u0000', ''))).toBeUndefined();
      }),
    );
  });
});

describe('int32', () => {
  it('accepts what an integer column holds and refuses the rest, in Swedish', () => {
    expect(int32().safeParse(INT32_MAX).success).toBe(true);
    for (const bad of [2 ** 31, -(2 ** 31) - 1, 1e308, 0.5, Number.NaN, Infinity, '1']) {
      const result = int32().safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Ange /);
    }
    expect(version().safeParse(0).success).toBe(false);
    expect(int32FromString({ min: 1 }).safeParse('2147483648').success).toBe(false);
    expect(int32FromString({ min: 1 }).parse('7')).toBe(7);
  });
});

describe('isoDate and isoDateTime', () => {
  it('refuse impossible dates and dates outside 1900–2100', () => {
    for (const bad of [
      '0000-01-01',
      '9999-12-31',
      '9999-99-99',
      '1899-12-31',
      '2101-01-01',
      '2023-02-29',
    ])
      expect(isoDate().safeParse(bad).success, bad).toBe(false);
    expect(isoDate().safeParse('2024-02-29').success).toBe(true);
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T99:99',
      '9999-12-31T23:59:59Z',
      '+275760-09-13T00:00:00.000Z',
      '2024-01-01T00:00:00+99:00',
      '2024-01-01',
    ])
      expect(isoDateTime().safeParse(bad).success, bad).toBe(false);
    expect(isoDateTime().safeParse('2024-01-01T08:00:00+01:00').success).toBe(true);
    expect(isoDateTime().safeParse('2024-01-01T08:00:00.123Z').success).toBe(true);
  });
});

describe('cursor', () => {
  it('takes only base64url of bounded length', () => {
    expect(cursor().safeParse('WzAsIjIwMjQiXQ').success).toBe(true);
    for (const bad of ['not base64!!', '%00', 'a'.repeat(201), 'a+b/c='])
      expect(cursor().safeParse(bad).success, bad).toBe(false);
  });
});
