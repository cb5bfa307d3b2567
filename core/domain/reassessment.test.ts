import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import { reassessmentDue, reassessmentPrompts } from './reassessment.ts';
import type { ReassessmentFacts } from './reassessment.ts';

const base: ReassessmentFacts = {
  isVictimCase: true,
  caseOpenedOn: '2026-09-01',
  lastAssessment: { on: '2026-11-01', registeredAt: '2026-11-01T10:00:00.000Z' },
  currentLevel: 'medium',
  incidents: [],
  hasSafetyPlan: true,
};

describe('reassessmentPrompts', () => {
  it('prompts when the interval since the last assessment has passed, not before', () => {
    expect(reassessmentPrompts(base, '2026-11-30')).toEqual([]);
    expect(reassessmentPrompts(base, '2026-12-01')).toEqual([
      { kind: 'interval', since: '2026-11-01', days: 30 },
    ]);
    expect(reassessmentPrompts({ ...base, lastAssessment: null }, '2026-10-01')).toEqual([
      { kind: 'interval', since: '2026-09-01', days: 30 },
    ]);
    expect(reassessmentPrompts({ ...base, isVictimCase: false }, '2027-06-01')).toEqual([]);
  });

  it('prompts for an incident after the last assessment, and for high risk without a plan', () => {
    const facts = {
      ...base,
      incidents: [
        { on: '2026-10-20', registeredAt: '2026-10-20T12:00:00.000Z' },
        // Happened the day of the assessment, registered after it: still new.
        { on: '2026-11-01', registeredAt: '2026-11-01T15:00:00.000Z' },
      ],
      currentLevel: 'high' as const,
      hasSafetyPlan: false,
    };
    expect(reassessmentPrompts(facts, '2026-11-10')).toEqual([
      { kind: 'new_incident', on: '2026-11-01' },
      { kind: 'high_without_safety_plan' },
    ]);
  });

  it('asks to complete the person’s own view with a structured assessment', () => {
    expect(reassessmentPrompts({ ...base, ownViewOnly: true }, '2026-11-02')).toEqual([
      { kind: 'own_view_only' },
    ]);
    expect(reassessmentPrompts({ ...base, ownViewOnly: false }, '2026-11-02')).toEqual([]);
  });

  it('an assessment on or after every incident and within the interval leaves no prompt', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60)), fc.nat(29), (incidentOffsets, sinceAssessment) => {
        const on = '2026-11-01';
        const incidents = incidentOffsets
          .map((d) => addDays('2026-09-02', d))
          .filter((d) => d <= on)
          .map((d) => ({ on: d, registeredAt: `${d}T08:00:00.000Z` }));
        const prompts = reassessmentPrompts(
          { ...base, lastAssessment: { on, registeredAt: `${on}T09:00:00.000Z` }, incidents },
          addDays(on, sinceAssessment),
        );
        expect(prompts).toEqual([]);
      }),
    );
  });
});

describe('reassessmentDue: the clock the deadline engine shows', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));

  it('agrees with the prompts: the interval prompt is there exactly from the day the clock runs out', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 90 }), (last, today, interval) => {
        const facts = {
          ...base,
          lastAssessment: { on: last, registeredAt: `${last}T10:00:00.000Z` },
        };
        const due = reassessmentDue(facts, interval);
        expect(due).toBe(addDays(last, interval));
        const prompted = reassessmentPrompts(facts, today, interval).some(
          (p) => p.kind === 'interval',
        );
        expect(prompted).toBe(today >= (due ?? ''));
      }),
    );
  });

  it('is the incident day when an incident came after the last assessment, and never on a case not reassessed on an interval without one', () => {
    fc.assert(
      fc.property(day, fc.boolean(), (incidentOn, victim) => {
        const withIncident = {
          ...base,
          isVictimCase: victim,
          incidents: [{ on: incidentOn, registeredAt: '2026-12-01T10:00:00.000Z' }],
        };
        const due = reassessmentDue(withIncident);
        const interval = addDays(base.lastAssessment?.on ?? '', 30);
        expect(due).toBe(victim && interval < incidentOn ? interval : incidentOn);
        expect(reassessmentDue({ ...base, isVictimCase: false })).toBeNull();
      }),
    );
  });
});
