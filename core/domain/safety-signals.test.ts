import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.ts';
import { interventions } from './decisions.ts';
import {
  handledPrompts,
  openPrompts,
  reviewPrompts,
  reviewSubjects,
  reviewedTexts,
  signalCatalogue,
  signalDueOn,
  signalKinds,
  signalTargets,
  signalsFor,
  signalsHandledBy,
} from './safety-signals.ts';
import type { SignalLink, StoredSignal } from './safety-signals.ts';
import { isWorkingDay } from './working-days.ts';

const FIRST = '2020-01-01';
const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays(FIRST, n));
const personId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'source');
const link: fc.Arbitrary<SignalLink> = fc.record({
  personId,
  usesViolenceAgainst: fc.boolean(),
  subjectedByPerson: fc.boolean(),
});
const review = fc.constantFrom(...reviewSubjects);
const signal: fc.Arbitrary<StoredSignal> = fc
  .record({
    id: fc.uuid(),
    review,
    raisedOn: day,
    minute: fc.integer({ min: 0, max: 1439 }),
    handled: fc.option(
      fc.record({
        on: day,
        at: fc.constantFrom('t1', 't2', 't3'),
        by: fc.constantFrom('u1', 'u2'),
      }),
    ),
  })
  .map(({ minute, ...s }) => ({
    ...s,
    raisedAt: `${s.raisedOn}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    dueOn: signalDueOn(s.review, s.raisedOn),
  }));
const event = fc.oneof(
  fc.record({
    type: fc.constant('commission_ended' as const),
    intervention: fc.constantFrom(...interventions),
  }),
  fc.constant({ type: 'incident_recorded' as const }),
);

describe('the catalogue', () => {
  it('has one definition per kind, each asking for a review by a fixed text', () => {
    expect(signalCatalogue.map((s) => s.kind).sort()).toEqual([...signalKinds].sort());
    for (const s of signalCatalogue) expect(reviewSubjects).toContain(s.review);
  });

  it('fixes every text: nothing in it can be filled in from an event', () => {
    for (const text of [...Object.values(reviewPrompts), ...Object.values(reviewedTexts)]) {
      expect(text).not.toMatch(/[{}$%<>]|\b(undefined|null)\b/);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('raises the shelter signal only when a stay in skyddat boende ends', () => {
    fc.assert(
      fc.property(event, (e) => {
        const kinds = signalsFor(e).map((s) => s.kind);
        expect(kinds.includes('left_shelter')).toBe(
          e.type === 'commission_ended' && e.intervention === 'shelter',
        );
        expect(kinds.includes('incident_registered')).toBe(e.type === 'incident_recorded');
        expect(kinds.includes('insats_ended')).toBe(e.type === 'commission_ended');
      }),
    );
  });
});

describe('who receives a signal', () => {
  it('never the event’s person, never anyone a link records as using violence against them', () => {
    fc.assert(
      fc.property(
        fc.array(link, { maxLength: 12 }),
        fc.constantFrom(...signalCatalogue),
        (links, s) => {
          const targets = signalTargets(s, 'source', links);
          expect(targets).not.toContain('source');
          for (const l of links) {
            if (l.usesViolenceAgainst) expect(targets).not.toContain(l.personId);
          }
          expect(new Set(targets).size).toBe(targets.length);
          for (const t of targets) expect(links.some((l) => l.personId === t)).toBe(true);
          if (s.targets === 'subjected_by_source') {
            for (const t of targets) {
              expect(links.some((l) => l.personId === t && l.subjectedByPerson)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('reaches every linked person who is subjected, or not violent, as the rule says', () => {
    const links: SignalLink[] = [
      { personId: 'victim', usesViolenceAgainst: false, subjectedByPerson: true },
      { personId: 'child', usesViolenceAgainst: false, subjectedByPerson: false },
      { personId: 'him', usesViolenceAgainst: true, subjectedByPerson: false },
    ];
    const of = (kind: string) => signalCatalogue.find((s) => s.kind === kind)!;
    expect(signalTargets(of('insats_ended'), 'source', links)).toEqual(['victim']);
    expect(signalTargets(of('incident_registered'), 'source', links)).toEqual(['victim', 'child']);
    expect(signalTargets(of('left_shelter'), 'source', links)).toEqual(['victim', 'child']);
  });
});

describe('what a receiving case shows', () => {
  it('is due a fixed number of working days after it was raised, whatever the kind', () => {
    fc.assert(
      fc.property(review, day, (r, raised) => {
        const due = signalDueOn(r, raised);
        expect(isWorkingDay(due)).toBe(true);
        expect(daysBetween(raised, due)).toBeGreaterThan(0);
        expect(daysBetween(raised, due)).toBeLessThan(12);
      }),
    );
  });

  it('shows one prompt per subject with only the fixed text and the dates, however many are open', () => {
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 15 }), (signals) => {
        const prompts = openPrompts(signals);
        expect(prompts.length).toBeLessThanOrEqual(reviewSubjects.length);
        for (const p of prompts) {
          expect(Object.keys(p).sort()).toEqual(['dueOn', 'id', 'prompt', 'raisedOn', 'review']);
          expect(p.prompt).toBe(reviewPrompts[p.review]);
          const open = signals.filter((s) => s.review === p.review && s.handled === null);
          expect(open.map((s) => s.id)).toContain(p.id);
          const earliest = [...open].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))[0]!;
          expect(p.raisedOn).toBe(earliest.raisedOn);
          expect(p.dueOn).toBe(signalDueOn(p.review, earliest.raisedOn));
        }
        // A subject is prompted exactly when one of its signals is open.
        for (const r of reviewSubjects) {
          expect(prompts.some((p) => p.review === r)).toBe(
            signals.some((s) => s.review === r && s.handled === null),
          );
        }
      }),
    );
  });

  it('tells nothing of how many signals are open: a second one changes no text and no date', () => {
    fc.assert(
      fc.property(signal, fc.integer({ min: 0, max: 30 }), fc.uuid(), (first, later, id) => {
        const open = { ...first, handled: null };
        const raisedOn = addDays(open.raisedOn, later);
        const second: StoredSignal = {
          ...open,
          id,
          raisedOn,
          raisedAt: `${raisedOn}T23:59`,
          dueOn: signalDueOn(open.review, raisedOn),
        };
        const one = openPrompts([open]).map(({ id: _, ...p }) => p);
        const two = openPrompts([open, second]).map(({ id: _, ...p }) => p);
        expect(two).toEqual(one);
      }),
    );
  });

  it('shows a handling with its fixed text, once per act whatever it closed', () => {
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 15 }), (signals) => {
        const handled = handledPrompts(signals);
        for (const h of handled) {
          expect(Object.keys(h).sort()).toEqual(['by', 'on', 'review', 'text']);
          expect(h.text).toBe(reviewedTexts[h.review]);
        }
        const acts = new Set(
          signals.flatMap((s) =>
            s.handled ? [`${s.review}|${s.handled.at}|${s.handled.by}`] : [],
          ),
        );
        expect(handled).toHaveLength(acts.size);
      }),
    );
  });

  it('handles the marked signal and the open ones of its subject raised before it, no later one', () => {
    fc.assert(
      fc.property(fc.array(signal, { minLength: 1, maxLength: 15 }), fc.nat(), (signals, i) => {
        const marked = signals[i % signals.length]!;
        const handled = signalsHandledBy(signals, marked.id);
        if (marked.handled !== null) {
          expect(handled).toBeNull();
          return;
        }
        expect(handled?.map((s) => s.id)).toContain(marked.id);
        for (const s of handled ?? []) {
          expect(s.review).toBe(marked.review);
          expect(s.handled).toBeNull();
          expect(s.raisedAt <= marked.raisedAt).toBe(true);
        }
      }),
    );
    expect(signalsHandledBy([], 'x')).toBeNull();
  });
});
