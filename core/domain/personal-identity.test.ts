import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectIdentityKind,
  formatIdentityNumber,
  identityNumberSchema,
  type IdentityKind,
  type IdentityParseResult,
  luhnCheckDigit,
  parseIdentityNumber,
} from './personal-identity.ts';

const TODAY = '2025-06-15';

const MESSAGE = {
  pnrFormat: 'Personnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
  pnrCharacters:
    'Personnumret får bara innehålla siffror och ett bindestreck, till exempel ÅÅÅÅMMDD-NNNN.',
  pnrPlus: 'Skriv bindestreck när personnumret har 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
  pnrIsCoordination:
    'Dagen i numret är 60–91, så det är ett samordningsnummer. Välj samordningsnummer i stället.',
  pnrDate: 'Datumet i personnumret finns inte.',
  snrFormat: 'Samordningsnumret ska ha 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
  snrCharacters:
    'Samordningsnumret får bara innehålla siffror och ett bindestreck, till exempel ÅÅÅÅMMDD-NNNN.',
  snrPlus: 'Skriv bindestreck när samordningsnumret har 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
  snrDay:
    'Samordningsnummer har dag 60–91 (60 när dagen är okänd). Är det ett personnummer? Välj personnummer i stället.',
  snrDate: 'Datumet i samordningsnumret finns inte.',
  future: 'Födelsedatumet kan inte ligga i framtiden.',
  checkDigit: 'Kontrollsiffran stämmer inte. Kontrollera att du har skrivit rätt.',
  serial:
    'De tre siffrorna efter födelsedatumet kan inte vara 000. Kontrollera att du har skrivit rätt.',
  reservLength: 'Reservnumret ska ha 4–20 tecken.',
  reservCharacters: 'Reservnumret får bara innehålla siffror, bokstäverna A–Z och bindestreck.',
} as const;

function ok<K extends IdentityKind>(result: IdentityParseResult<K>) {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

function messageOf<K extends IdentityKind>(result: IdentityParseResult<K>) {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
}

const pnr = (input: string, today = TODAY) => parseIdentityNumber(input, 'personnummer', today);
const snr = (input: string, today = TODAY) =>
  parseIdentityNumber(input, 'samordningsnummer', today);

/** Appends the correct check digit to `YYMMDDNNN` (the 10-digit form without its last digit). */
const withCheck = (nine: string) => `${nine}${luhnCheckDigit(nine)}`;

// ---------------------------------------------------------------------------------------------
// Arbitraries

const DAY_MS = 86_400_000;
const isoFromEpochDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const epochDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** A real calendar date within [from, to], both 'YYYY-MM-DD'. */
const isoDate = (from: string, to: string) =>
  fc.integer({ min: epochDay(from), max: epochDay(to) }).map(isoFromEpochDay);

/**
 * A `today`, and a birth date not after it, possibly more than 100 years before — but less than
 * 200, which the 10-digit forms cannot express.
 */
const todayAndBirth = isoDate('1960-01-01', '2150-12-31').chain((today) =>
  fc.tuple(fc.constant(today), isoDate(`${String(Number(today.slice(0, 4)) - 199)}-01-01`, today)),
);

// The birth number (serial) is 001–999 for both kinds.
const serial = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));

/** A valid normalized 12-digit number for a birth date, with the day shifted for samordningsnummer. */
function buildNormalized(birthDate: string, nnn: string, coordination: boolean) {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  const dd = String(Number(day) + (coordination ? 60 : 0)).padStart(2, '0');
  return `${year.slice(0, 2)}${withCheck(year.slice(2) + month + dd + nnn)}`;
}

/**
 * Whether the `+` separator applies: from the year a person turns 100, not the birthday
 * (18 § folkbokföringslagen).
 */
const isCentenarian = (birthDate: string, today: string) =>
  Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) >= 100;

// ---------------------------------------------------------------------------------------------

describe('luhnCheckDigit', () => {
  it("computes Skatteverket's worked example 640823-323 → 4", () => {
    expect(luhnCheckDigit('640823323')).toBe(4);
  });

  it('computes further known check digits', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('811218987')).toBe(6);
    // A remainder of 0 gives check digit 0, never 10.
    expect(luhnCheckDigit('000000000')).toBe(0);
  });

  it('refuses anything but nine digits', () => {
    expect(() => luhnCheckDigit('64082332')).toThrow(RangeError);
    expect(() => luhnCheckDigit('6408233234')).toThrow(RangeError);
    expect(() => luhnCheckDigit('64082332x')).toThrow(RangeError);
  });
});

describe('parseIdentityNumber: personnummer forms', () => {
  const expected = {
    kind: 'personnummer',
    normalized: '196408233234',
    display: '19640823-3234',
    birthDate: '1964-08-23',
  };

  it.each([
    ['YYMMDD-NNNC', '640823-3234'],
    ['YYMMDDNNNC', '6408233234'],
    ['YYYYMMDDNNNC', '196408233234'],
    ['YYYYMMDD-NNNC', '19640823-3234'],
    ['surrounding whitespace', ' \t 19640823-3234 \n'],
  ])('accepts %s', (_, input) => {
    expect(ok(pnr(input))).toEqual(expected);
  });

  it('accepts YYMMDD+NNNC for a person 100 or older', () => {
    expect(ok(pnr('121212+1212'))).toEqual({
      kind: 'personnummer',
      normalized: '191212121212',
      display: '19121212-1212',
      birthDate: '1912-12-12',
    });
  });

  it("accepts numbers from Skatteverket's published test list", () => {
    expect(ok(pnr('201701012393')).birthDate).toBe('2017-01-01');
    expect(ok(pnr('189607199818')).birthDate).toBe('1896-07-19');
  });
});

describe('parseIdentityNumber: century of a 10-digit number', () => {
  // TODAY is 2025-06-15.
  const on = (yymmdd: string, sep: '-' | '+' | '') => {
    const nine = `${yymmdd}123`;
    return `${yymmdd}${sep}${withCheck(nine).slice(6)}`;
  };

  it('with "-" picks the most recent century that is not in the future', () => {
    expect(ok(pnr(on('250615', '-'))).birthDate).toBe('2025-06-15'); // born today
    expect(ok(pnr(on('250616', '-'))).birthDate).toBe('1925-06-16'); // 99 years old
    expect(ok(pnr(on('991231', '-'))).birthDate).toBe('1999-12-31');
    expect(ok(pnr(on('000101', '-'))).birthDate).toBe('2000-01-01');
  });

  it('without a separator reads like "-"', () => {
    expect(ok(pnr(on('250616', ''))).birthDate).toBe('1925-06-16');
    expect(ok(pnr(on('100101', ''))).birthDate).toBe('2010-01-01');
  });

  it('with "+" means turning 100 this year or older: the year decides, not the birthday', () => {
    expect(ok(pnr(on('250614', '+'))).birthDate).toBe('1925-06-14'); // 100 yesterday
    expect(ok(pnr(on('250615', '+'))).birthDate).toBe('1925-06-15'); // 100 today
    expect(ok(pnr(on('250616', '+'))).birthDate).toBe('1925-06-16'); // 100 tomorrow, this year
    expect(ok(pnr(on('251231', '+'))).birthDate).toBe('1925-12-31');
    expect(ok(pnr(on('260101', '+'))).birthDate).toBe('1826-01-01'); // 1926: 100 only next year
  });

  it('regression: on 2026-12-01, 261204+9029 is born 1926-12-04, not 1826', () => {
    const plus = ok(pnr(on('261204', '+'), '2026-12-01'));
    expect(plus.birthDate).toBe('1926-12-04');
    expect(plus.normalized.slice(0, 4)).toBe('1926');
    // The dash form of the same digits that day is the most recent 1926-12-04 too.
    expect(ok(pnr(on('261204', '-'), '2026-12-01')).normalized).toBe(plus.normalized);
  });

  it('gives "-" and "+" one century apart for the same digits', () => {
    const minus = ok(pnr(on('470101', '-')));
    const plus = ok(pnr(on('470101', '+')));
    expect(minus.normalized.slice(0, 2)).toBe('19');
    expect(plus.normalized.slice(0, 2)).toBe('18');
    expect(minus.normalized.slice(2)).toBe(plus.normalized.slice(2));
  });

  it('moves on with today', () => {
    const input = on('250616', '-');
    expect(ok(pnr(input, '2025-06-15')).birthDate).toBe('1925-06-16');
    expect(ok(pnr(input, '2025-06-16')).birthDate).toBe('2025-06-16');
  });
});

describe('parseIdentityNumber: leap days', () => {
  const leap = (yyyymmdd: string) => {
    const nine = `${yyyymmdd.slice(2)}321`;
    return `${yyyymmdd.slice(0, 2)}${withCheck(nine)}`;
  };

  it('accepts 29 February in leap years', () => {
    expect(ok(pnr(leap('20240229'))).birthDate).toBe('2024-02-29');
    expect(ok(pnr(leap('20000229'))).birthDate).toBe('2000-02-29'); // divisible by 400
    expect(ok(pnr(leap('19960229'))).birthDate).toBe('1996-02-29');
  });

  it('refuses 29 February in other years', () => {
    expect(messageOf(pnr(leap('20230229')))).toBe(MESSAGE.pnrDate);
    expect(messageOf(pnr(leap('19000229')))).toBe(MESSAGE.pnrDate); // divisible by 100
  });

  it('decides a leap day of a 10-digit number on the derived century', () => {
    const digits = withCheck('000229321');
    expect(ok(pnr(`${digits.slice(0, 6)}-${digits.slice(6)}`)).birthDate).toBe('2000-02-29');
    // With "+" the year is 1900, which was not a leap year.
    expect(messageOf(pnr(`${digits.slice(0, 6)}+${digits.slice(6)}`))).toBe(MESSAGE.pnrDate);
  });

  it('falls back a century for a leap day that has not come yet this year', () => {
    const digits = withCheck('240229321');
    const result = pnr(`${digits.slice(0, 6)}-${digits.slice(6)}`, '2024-02-28');
    expect(ok(result).birthDate).toBe('1924-02-29');
  });
});

describe('parseIdentityNumber: samordningsnummer', () => {
  it('reads the day as day + 60 and reports the real birth date', () => {
    expect(ok(snr('701063-2391'))).toEqual({
      kind: 'samordningsnummer',
      normalized: '197010632391',
      display: '19701063-2391',
      birthDate: '1970-10-03',
    });
    expect(ok(snr('197010632391')).birthDate).toBe('1970-10-03');
    expect(messageOf(snr('701063-2392'))).toBe(MESSAGE.checkDigit);
  });

  it('accepts days 61 and 91', () => {
    expect(ok(snr(withCheck('900161123'))).birthDate).toBe('1990-01-01');
    expect(ok(snr(withCheck('900191123'))).birthDate).toBe('1990-01-31');
  });

  it('refuses a day outside 60–91', () => {
    expect(messageOf(snr(withCheck('900101123')))).toBe(MESSAGE.snrDay);
    expect(messageOf(snr(withCheck('900159123')))).toBe(MESSAGE.snrDay);
    expect(messageOf(snr(withCheck('900192123')))).toBe(MESSAGE.snrDay);
  });

  it('regression: accepts what Skatteverket issues with a birth date it does not know in full', () => {
    // Day 60 is day "00": the month is known, the day not.
    expect(ok(snr(withCheck('900160123'))).birthDate).toBe('1990-01');
    // Month 00: only the year is known.
    expect(ok(snr(withCheck('900072123'))).birthDate).toBe('1990');
    expect(ok(snr(withCheck('900060123'))).birthDate).toBe('1990');
    // A date not in the calendar (31 April, 29 February 2023): known to the month.
    expect(ok(snr(withCheck('900491123'))).birthDate).toBe('1990-04');
    expect(ok(snr(withCheck('230289123'))).birthDate).toBe('2023-02');
    expect(ok(snr(withCheck('240289123'))).birthDate).toBe('2024-02-29');
    // A month that does not exist is still refused, and a personnummer needs a real date.
    expect(messageOf(snr(withCheck('901372123')))).toBe(MESSAGE.snrDate);
    expect(messageOf(pnr(withCheck('900431123')))).toBe(MESSAGE.pnrDate);
    expect(messageOf(pnr(withCheck('900001123')))).toBe(MESSAGE.pnrDate);
  });

  it('reads the century of a partial date from its earliest day, and refuses it in the future', () => {
    // On 2025-06-15, "25" with month 00 can be 2025 (January at the earliest): not in the future.
    expect(ok(snr(withCheck('250060123'))).normalized.slice(0, 4)).toBe('2025');
    // "25", July, day unknown: 1 July 2025 at the earliest is after today, so 1925.
    expect(ok(snr(withCheck('250760123'))).normalized.slice(0, 4)).toBe('1925');
    expect(messageOf(snr(`20250760${withCheck('250760123').slice(6)}`))).toBe(MESSAGE.future);
  });

  it('points a samordningsnummer entered as a personnummer to the right kind', () => {
    expect(messageOf(pnr(withCheck('701063239')))).toBe(MESSAGE.pnrIsCoordination);
    expect(messageOf(pnr(withCheck('701060239')))).toBe(MESSAGE.pnrIsCoordination);
  });

  it('has its own wording for format and date errors', () => {
    expect(messageOf(snr('70106'))).toBe(MESSAGE.snrFormat);
  });
});

describe('parseIdentityNumber: refusals', () => {
  it('regression: refuses birth number 000, for both kinds', () => {
    expect(messageOf(pnr('150916-0006'))).toBe(MESSAGE.serial);
    expect(messageOf(pnr(withCheck('150916000')))).toBe(MESSAGE.serial);
    expect(messageOf(snr(withCheck('150976000')))).toBe(MESSAGE.serial);
    expect(ok(pnr(withCheck('150916001'))).birthDate).toBe('2015-09-16');
  });

  it('refuses a wrong check digit', () => {
    expect(messageOf(pnr('640823-3235'))).toBe(MESSAGE.checkDigit);
    expect(messageOf(pnr('196408233230'))).toBe(MESSAGE.checkDigit);
  });

  it('refuses a birth date after today, but accepts today itself', () => {
    const tomorrow = `20250616${withCheck('250616123').slice(6)}`;
    const today = `20250615${withCheck('250615123').slice(6)}`;
    expect(messageOf(pnr(tomorrow))).toBe(MESSAGE.future);
    expect(ok(pnr(today)).birthDate).toBe('2025-06-15');
    expect(messageOf(snr(`20300161${withCheck('300161123').slice(6)}`))).toBe(MESSAGE.future);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', '   '],
    ['too short', '640823-323'],
    ['9 digits', '640823323'],
    ['11 digits', '96408233234'],
    ['too long', '19640823-32345'],
    ['13 digits', '1196408233234'],
    ['separator in the wrong place', '6408-233234'],
    ['two separators', '640823--3234'],
  ])('refuses %s with the format message', (_, input) => {
    expect(messageOf(pnr(input))).toBe(MESSAGE.pnrFormat);
  });

  it('refuses letters and other characters', () => {
    expect(messageOf(pnr('64O823-3234'))).toBe(MESSAGE.pnrCharacters);
    expect(messageOf(pnr('640823 3234'))).toBe(MESSAGE.pnrCharacters);
    expect(messageOf(pnr('640823–3234'))).toBe(MESSAGE.pnrCharacters); // en dash
  });

  it('refuses "+" with the century written out', () => {
    expect(messageOf(pnr('19121212+1212'))).toBe(MESSAGE.pnrPlus);
  });

  it('refuses a month or day that does not exist', () => {
    expect(messageOf(pnr(withCheck('641323323')))).toBe(MESSAGE.pnrDate);
    expect(messageOf(pnr(withCheck('640023323')))).toBe(MESSAGE.pnrDate);
    expect(messageOf(pnr(withCheck('640800323')))).toBe(MESSAGE.pnrDate);
    expect(messageOf(pnr(withCheck('640431323')))).toBe(MESSAGE.pnrDate);
  });

  it('never repeats the input in a message', () => {
    const inputs = [
      '640823-3235',
      '196408233230',
      '19640823-32345',
      '640823-323',
      '20991231-1234',
      '19000229-1234',
      '641323-3234',
      '64O823-3234',
      '19121212+1212',
    ];
    for (const input of inputs) {
      for (const kind of ['personnummer', 'samordningsnummer', 'reservnummer'] as const) {
        const result = parseIdentityNumber(input, kind, TODAY);
        if (result.ok) continue;
        for (const chunk of input.match(/\d{4,}/g) ?? []) {
          expect(result.message).not.toContain(chunk.slice(0, 4));
        }
        expect(result.message).not.toMatch(/\d{3,}/);
      }
    }
  });

  it('treats a malformed today as a programming error', () => {
    expect(() => pnr('640823-3234', '2025-6-15')).toThrow(RangeError);
    expect(() => pnr('640823-3234', '2025-02-30')).toThrow(RangeError);
  });
});

describe('parseIdentityNumber: reservnummer', () => {
  const reserv = (input: string) => parseIdentityNumber(input, 'reservnummer', TODAY);

  it('trims and upper-cases', () => {
    expect(ok(reserv('  ab-12c9 '))).toEqual({
      kind: 'reservnummer',
      normalized: 'AB-12C9',
      display: 'AB-12C9',
    });
  });

  it('accepts 4 to 20 characters', () => {
    expect(ok(reserv('1234')).normalized).toBe('1234');
    expect(ok(reserv('A'.repeat(20))).normalized).toBe('A'.repeat(20));
    expect(messageOf(reserv('123'))).toBe(MESSAGE.reservLength);
    expect(messageOf(reserv('A'.repeat(21)))).toBe(MESSAGE.reservLength);
    expect(messageOf(reserv('   '))).toBe(MESSAGE.reservLength);
  });

  it('accepts only digits, A–Z and hyphens', () => {
    expect(messageOf(reserv('ÅÄÖ123'))).toBe(MESSAGE.reservCharacters);
    expect(messageOf(reserv('AB 123'))).toBe(MESSAGE.reservCharacters);
    expect(messageOf(reserv('AB+123'))).toBe(MESSAGE.reservCharacters);
    // ß upper-cases to SS; it is still not one of A–Z.
    expect(messageOf(reserv('ß123'))).toBe(MESSAGE.reservCharacters);
  });
});

describe('detectIdentityKind', () => {
  it('tells the kinds apart by the day', () => {
    expect(detectIdentityKind('640823-3234')).toBe('personnummer');
    expect(detectIdentityKind('19640823-3234')).toBe('personnummer');
    expect(detectIdentityKind(' 701063-2391 ')).toBe('samordningsnummer');
    expect(detectIdentityKind('197010632391')).toBe('samordningsnummer');
    expect(detectIdentityKind('121212+1212')).toBe('personnummer');
  });

  it('answers null when the input has neither shape', () => {
    expect(detectIdentityKind('')).toBeNull();
    expect(detectIdentityKind('AB-1234')).toBeNull();
    expect(detectIdentityKind('6408233')).toBeNull();
  });
});

describe('formatIdentityNumber', () => {
  it('writes YYYYMMDD-NNNC for dated kinds', () => {
    expect(formatIdentityNumber('196408233234', 'personnummer')).toBe('19640823-3234');
    expect(formatIdentityNumber('197010632391', 'samordningsnummer')).toBe('19701063-2391');
  });

  it('leaves a reservnummer as it is', () => {
    expect(formatIdentityNumber('AB-12C9', 'reservnummer')).toBe('AB-12C9');
  });

  it('refuses a dated number that is not normalized', () => {
    expect(() => formatIdentityNumber('640823-3234', 'personnummer')).toThrow(RangeError);
  });
});

describe('identityNumberSchema', () => {
  const schema = identityNumberSchema(TODAY);

  it('transforms a valid number to its parsed value', () => {
    expect(schema.parse({ kind: 'personnummer', number: '640823-3234' })).toEqual({
      kind: 'personnummer',
      normalized: '196408233234',
      display: '19640823-3234',
      birthDate: '1964-08-23',
    });
    expect(schema.parse({ kind: 'reservnummer', number: 'ab-123' }).normalized).toBe('AB-123');
  });

  it('puts the Swedish message on the number path without echoing the input', () => {
    const result = schema.safeParse({ kind: 'personnummer', number: '640823-3235' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['number'], message: MESSAGE.checkDigit }),
    ]);
    expect(JSON.stringify(result.error?.issues)).not.toContain('3235');
    expect(JSON.stringify(result.error?.issues)).not.toContain('640823');
  });

  it('refuses an unknown kind, a missing number and unknown fields', () => {
    const badKind = schema.safeParse({ kind: 'passnummer', number: '640823-3234' });
    expect(badKind.error?.issues[0]?.path).toEqual(['kind']);
    expect(badKind.error?.issues[0]?.message).toBe(
      'Välj personnummer, samordningsnummer eller reservnummer.',
    );

    const missing = schema.safeParse({ kind: 'personnummer' });
    expect(missing.error?.issues[0]?.path).toEqual(['number']);
    expect(missing.error?.issues[0]?.message).toBe('Fyll i numret.');

    const extra = schema.safeParse({ kind: 'personnummer', number: '640823-3234', name: 'x' });
    expect(extra.success).toBe(false);
  });

  it('uses the today it was made with', () => {
    const bornOn16June = `20250616${withCheck('250616123').slice(6)}`;
    const request = { kind: 'personnummer', number: bornOn16June };
    expect(identityNumberSchema('2025-06-15').safeParse(request).success).toBe(false);
    expect(identityNumberSchema('2025-06-16').safeParse(request).success).toBe(true);
  });

  it('refuses a malformed today when the schema is made', () => {
    expect(() => identityNumberSchema('15/6/2025')).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('(a) any real date and birth number with its check digit parses and round-trips', () => {
    fc.assert(
      fc.property(todayAndBirth, serial, fc.boolean(), ([today, birth], nnn, coordination) => {
        const kind: IdentityKind = coordination ? 'samordningsnummer' : 'personnummer';
        const normalized = buildNormalized(birth, nnn, coordination);

        const parsed = ok(parseIdentityNumber(normalized, kind, today));
        expect(parsed).toEqual({
          kind,
          normalized,
          display: formatIdentityNumber(normalized, kind),
          birthDate: birth,
        });

        // normalized → display → parse gives the same number back.
        const again = ok(parseIdentityNumber(parsed.display, kind, today));
        expect(again.normalized).toBe(normalized);

        // So does the 10-digit form with the separator that fits the age.
        const sep = isCentenarian(birth, today) ? '+' : '-';
        const short = `${normalized.slice(2, 8)}${sep}${normalized.slice(8)}`;
        expect(ok(parseIdentityNumber(short, kind, today)).normalized).toBe(normalized);
        expect(detectIdentityKind(short)).toBe(kind);
      }),
    );
  });

  it('(b) changing any single digit breaks the check digit', () => {
    fc.assert(
      fc.property(
        todayAndBirth,
        serial,
        fc.boolean(),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        ([today, birth], nnn, coordination, position, shift) => {
          const kind: IdentityKind = coordination ? 'samordningsnummer' : 'personnummer';
          const normalized = buildNormalized(birth, nnn, coordination);
          const digit = (Number(normalized[position]) + shift) % 10;
          const mutated = `${normalized.slice(0, position)}${String(digit)}${normalized.slice(position + 1)}`;

          const result = parseIdentityNumber(mutated, kind, today);
          if (position < 2) {
            // The century is outside the Luhn sum: the change is refused (future or invalid
            // date) or yields a different number — never the original one.
            if (result.ok) expect(result.value.normalized).not.toBe(normalized);
          } else {
            // Luhn: one changed digit of YYMMDDNNNC never keeps the check digit valid.
            const ten = mutated.slice(2);
            expect(luhnCheckDigit(ten.slice(0, 9))).not.toBe(Number(ten[9]));
            expect(result.ok).toBe(false);
          }
        },
      ),
    );
  });

  const identityLike = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom(...'0123456789-+ '.split('')), maxLength: 16 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 9, maxLength: 13 }),
    fc
      .tuple(todayAndBirth, serial, fc.boolean())
      .map(([[, birth], nnn, c]) => buildNormalized(birth, nnn, c)),
  );

  it('(d) no error message ever contains a run of 4+ digits from the input', () => {
    fc.assert(
      fc.property(
        identityLike,
        fc.constantFrom<IdentityKind>('personnummer', 'samordningsnummer', 'reservnummer'),
        isoDate('1950-01-01', '2100-12-31'),
        (input, kind, today) => {
          const result = parseIdentityNumber(input, kind, today);
          if (result.ok) return;
          expect(result.message).not.toMatch(/\d{4}/);
          const runs = input.match(/\d{4,}/g) ?? [];
          for (const run of runs) {
            for (let i = 0; i + 4 <= run.length; i++) {
              expect(result.message).not.toContain(run.slice(i, i + 4));
            }
          }
          expect(Object.values(MESSAGE)).toContain(result.message);
        },
      ),
    );
  });
});
