import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.ts';
import {
  holdsPlace,
  mismatches,
  occupancy,
  occupancyOf,
  searchShelters,
  securityLevels,
  suggestedTurnedAwayReason,
} from './shelters.ts';
import type { CommissionPeriod, PlaceNeeds, ShelterCandidate } from './shelters.ts';

const FIRST = '2020-01-01';
const LAST = '2030-12-31';
const date = fc.integer({ min: 0, max: daysBetween(FIRST, LAST) }).map((n) => addDays(FIRST, n));
const commission: fc.Arbitrary<CommissionPeriod> = fc
  .tuple(
    fc.constantFrom('sent', 'accepted', 'declined', 'ended'),
    date,
    fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  )
  .map(([status, periodFrom, length]) => ({
    status,
    periodFrom,
    periodTo: length === null ? null : addDays(periodFrom, length),
  }));
const level = fc.constantFrom(...securityLevels);
const languages = fc.subarray(['svenska', 'engelska', 'arabiska', 'somaliska', 'tigrinja']);
const shelter: fc.Arbitrary<ShelterCandidate> = fc
  .record({
    id: fc.uuid(),
    name: fc.string({ minLength: 1, maxLength: 12 }),
    places: fc.integer({ min: 0, max: 12 }),
    running: fc.integer({ min: 0, max: 15 }),
    securityLevel: level,
    takesChildren: fc.boolean(),
    takesTeenageBoys: fc.boolean(),
    takesPets: fc.boolean(),
    wheelchairAccessible: fc.boolean(),
    languages,
  })
  .map((s) => ({ ...s, takesTeenageBoys: s.takesChildren && s.takesTeenageBoys }));
const needs: fc.Arbitrary<PlaceNeeds> = fc
  .record({
    children: fc.integer({ min: 0, max: 5 }),
    teenageBoy: fc.boolean(),
    pets: fc.boolean(),
    wheelchair: fc.boolean(),
    language: fc.option(fc.constantFrom('svenska', 'Arabiska', ' somaliska ', 'finska'), {
      nil: null,
    }),
    minSecurityLevel: level,
  })
  .map((n) => ({ ...n, teenageBoy: n.children > 0 && n.teenageBoy }));

describe('a running uppdrag holds a place', () => {
  it('holds a place exactly when sent or accepted and its period covers today', () => {
    fc.assert(
      fc.property(commission, date, (c, today) => {
        const covers = c.periodFrom <= today && (c.periodTo === null || today <= c.periodTo);
        expect(holdsPlace(c, today)).toBe(
          (c.status === 'sent' || c.status === 'accepted') && covers,
        );
      }),
    );
  });

  it('counts the first and the last day of the period', () => {
    const c = { status: 'accepted', periodFrom: '2026-12-01', periodTo: '2026-12-05' };
    expect(holdsPlace(c, '2026-12-01')).toBe(true);
    expect(holdsPlace(c, '2026-12-05')).toBe(true);
    expect(holdsPlace(c, '2026-12-06')).toBe(false);
    expect(holdsPlace(c, '2026-11-30')).toBe(false);
    expect(holdsPlace({ ...c, status: 'declined' }, '2026-12-02')).toBe(false);
  });

  it('free places are the places less the running uppdrag, never below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(commission, { maxLength: 30 }),
        date,
        (places, commissions, today) => {
          const o = occupancy(places, commissions, today);
          const running = commissions.filter((c) => holdsPlace(c, today)).length;
          expect(o.running).toBe(running);
          expect(o.free).toBe(Math.max(0, places - running));
          expect(o.free).toBeGreaterThanOrEqual(0);
          expect(o.free).toBeLessThanOrEqual(places);
        },
      ),
    );
  });

  it('one more running uppdrag takes one free place, while there is one', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), (places, running) => {
        const before = occupancyOf(places, running).free;
        const after = occupancyOf(places, running + 1).free;
        expect(after).toBe(before > 0 ? before - 1 : 0);
      }),
    );
  });
});

describe('the place search', () => {
  it('returns exactly the fitting shelters, split by whether a place is free', () => {
    fc.assert(
      fc.property(fc.array(shelter, { maxLength: 12 }), needs, (shelters, n) => {
        const { available, full } = searchShelters(shelters, n);
        const fitting = shelters.filter((s) => mismatches(s, n).length === 0);
        expect([...available, ...full].map((s) => s.id).sort()).toEqual(
          fitting.map((s) => s.id).sort(),
        );
        for (const s of available) expect(s.free).toBeGreaterThan(0);
        for (const s of full) expect(s.free).toBe(0);
      }),
    );
  });

  it('never offers a shelter below the level needed, or one that cannot take what is needed', () => {
    fc.assert(
      fc.property(fc.array(shelter, { maxLength: 12 }), needs, (shelters, n) => {
        const { available, full } = searchShelters(shelters, n);
        for (const s of [...available, ...full]) {
          expect(s.securityLevel).toBeGreaterThanOrEqual(n.minSecurityLevel);
          if (n.children > 0) expect(s.takesChildren).toBe(true);
          if (n.teenageBoy) expect(s.takesTeenageBoys).toBe(true);
          if (n.pets) expect(s.takesPets).toBe(true);
          if (n.wheelchair) expect(s.wheelchairAccessible).toBe(true);
        }
      }),
    );
  });

  it('offers the lowest sufficient level first, then the most free places', () => {
    fc.assert(
      fc.property(fc.array(shelter, { maxLength: 12 }), needs, (shelters, n) => {
        const { available } = searchShelters(shelters, n);
        for (let i = 1; i < available.length; i++) {
          const a = available[i - 1];
          const b = available[i];
          if (!a || !b) continue;
          expect(a.securityLevel).toBeLessThanOrEqual(b.securityLevel);
          if (a.securityLevel === b.securityLevel) expect(a.free).toBeGreaterThanOrEqual(b.free);
        }
      }),
    );
  });

  it('matches a language whatever its case or spaces', () => {
    const s = {
      places: 2,
      securityLevel: 2 as const,
      takesChildren: true,
      takesTeenageBoys: false,
      takesPets: false,
      wheelchairAccessible: true,
      languages: ['Svenska', 'Arabiska'],
    };
    const n: PlaceNeeds = {
      children: 2,
      teenageBoy: false,
      pets: false,
      wheelchair: false,
      language: ' arabiska',
      minSecurityLevel: 1,
    };
    expect(mismatches(s, n)).toEqual([]);
    expect(mismatches(s, { ...n, teenageBoy: true, pets: true, language: 'somaliska' })).toEqual([
      'teenage_boy',
      'pets',
      'language',
    ]);
    expect(mismatches(s, { ...n, minSecurityLevel: 3 })).toEqual(['security_level']);
  });

  it('suggests "no free place" when shelters fit but are full, else "no matching shelter"', () => {
    fc.assert(
      fc.property(fc.array(shelter, { maxLength: 12 }), needs, (shelters, n) => {
        const result = searchShelters(shelters, n);
        expect(suggestedTurnedAwayReason(result)).toBe(
          result.full.length > 0 ? 'no_free_place' : 'no_matching_shelter',
        );
      }),
    );
  });
});
