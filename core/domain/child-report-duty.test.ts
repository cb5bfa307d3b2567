import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childReportDuties, hasOpenDuty, householdChildren } from './child-report-duty.ts';
import type { FamilyRelation } from './child-report-duty.ts';

const today = '2026-11-22';

describe('householdChildren', () => {
  const births = new Map<string, string | null>([
    ['elsa', '2015-05-08'],
    ['noah', '2016-01-01'],
    ['vuxen', '2001-03-01'],
    ['okand', null],
    ['bonus', '2019-01-02'],
  ]);

  it('finds the subject’s own children and the current partner’s, but not adults', () => {
    const relations: FamilyRelation[] = [
      { personId: 'maria', relatedPersonId: 'elsa', kind: 'parent_of' },
      { personId: 'maria', relatedPersonId: 'vuxen', kind: 'parent_of' },
      { personId: 'johan', relatedPersonId: 'maria', kind: 'partner' },
      { personId: 'johan', relatedPersonId: 'noah', kind: 'parent_of' },
      { personId: 'johan', relatedPersonId: 'elsa', kind: 'parent_of' },
    ];
    expect(householdChildren('maria', relations, births, today)).toEqual([
      { personId: 'elsa', via: 'own' },
      { personId: 'noah', via: 'partner' },
    ]);
  });

  it('counts a child whose birth date is unknown', () => {
    const relations: FamilyRelation[] = [
      { personId: 'maria', relatedPersonId: 'okand', kind: 'parent_of' },
    ];
    expect(householdChildren('maria', relations, births, today)).toEqual([
      { personId: 'okand', via: 'own' },
    ]);
  });

  it('counts a child known only to the year or month while she may still be under 18', () => {
    const partial = new Map<string, string | null>([
      ['year2008', '2008'], // may turn 18 as late as 31 December 2026
      ['nov2008', '2008-11'], // 18 by 30 November 2026 at the latest
      ['year2007', '2007'],
    ]);
    const relations: FamilyRelation[] = [...partial.keys()].map((id) => ({
      personId: 'maria',
      relatedPersonId: id,
      kind: 'parent_of',
    }));
    expect(householdChildren('maria', relations, partial, today)).toEqual([
      { personId: 'year2008', via: 'own' },
      { personId: 'nov2008', via: 'own' },
    ]);
    expect(householdChildren('maria', relations, partial, '2026-11-30')).toEqual([
      { personId: 'year2008', via: 'own' },
    ]);
  });

  it('does not count a former partner’s children', () => {
    const relations: FamilyRelation[] = [
      { personId: 'maria', relatedPersonId: 'ex', kind: 'former_partner' },
      { personId: 'ex', relatedPersonId: 'bonus', kind: 'parent_of' },
    ];
    expect(householdChildren('maria', relations, births, today)).toEqual([]);
  });
});

const childId = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const childrenArb = fc.uniqueArray(
  fc.record({ personId: childId, via: fc.constantFrom('own' as const, 'partner' as const) }),
  { selector: (c) => c.personId, maxLength: 5 },
);
const reportsArb = fc.array(
  fc.record({ childPersonId: childId, registeredOn: fc.constant(today) }),
  { maxLength: 5 },
);
const waiversArb = fc.array(
  fc.record({ childPersonId: childId, reason: fc.string({ maxLength: 20 }) }),
  { maxLength: 5 },
);

describe('childReportDuties', () => {
  it('is open for exactly the children with neither a report nor a recorded reason', () => {
    fc.assert(
      fc.property(childrenArb, reportsArb, waiversArb, (children, reports, waivers) => {
        const duties = childReportDuties(children, reports, waivers);
        expect(duties.map((d) => d.childPersonId)).toEqual(children.map((c) => c.personId));
        for (const duty of duties) {
          const reported = reports.some((r) => r.childPersonId === duty.childPersonId);
          const waived = waivers.some(
            (w) => w.childPersonId === duty.childPersonId && w.reason.trim() !== '',
          );
          expect(duty.status === 'open').toBe(!reported && !waived);
        }
      }),
    );
  });

  it('never closes a duty by a blank reason', () => {
    fc.assert(
      fc.property(childrenArb, (children) => {
        const blank = children.map((c) => ({ childPersonId: c.personId, reason: '   ' }));
        expect(hasOpenDuty(childReportDuties(children, [], blank))).toBe(children.length > 0);
      }),
    );
  });

  it('only ever closes duties as reports and reasons are added (monotone)', () => {
    fc.assert(
      fc.property(
        childrenArb,
        reportsArb,
        reportsArb,
        waiversArb,
        (children, reports, more, waivers) => {
          const before = childReportDuties(children, reports, waivers).filter(
            (d) => d.status === 'open',
          ).length;
          const after = childReportDuties(children, [...reports, ...more], waivers).filter(
            (d) => d.status === 'open',
          ).length;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});
