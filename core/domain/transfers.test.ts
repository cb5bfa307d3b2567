import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KnownChannel } from './counterparts.ts';
import {
  canonicalJson,
  isPending,
  packageLeaks,
  requestRefusal,
  stepRefusal,
  transferStage,
  waitingFor,
} from './transfers.ts';
import type { TransferStage, TransferStep } from './transfers.ts';

const steps: TransferStep[] = ['approve', 'answer', 'package', 'complete'];
/** The stage each step is taken from, and the stage it leads to. */
const path: [TransferStep, TransferStage, TransferStage][] = [
  ['approve', 'requested', 'approved'],
  ['answer', 'approved', 'accepted'],
  ['package', 'accepted', 'packaged'],
  ['complete', 'packaged', 'completed'],
];

const facts = fc.record({
  approved: fc.boolean(),
  answer: fc.constantFrom('accepted' as const, 'refused' as const, null),
  packaged: fc.boolean(),
  completed: fc.boolean(),
});

describe('the steps of a transfer', () => {
  it('allows each step from exactly one stage, and refuses every other with a sentence', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...steps), (f, step) => {
        const stage = transferStage(f);
        const refusal = stepRefusal(stage, step);
        const from = path.find(([s]) => s === step)?.[1];
        expect(refusal === null).toBe(stage === from);
        if (refusal !== null) expect(refusal).toMatch(/^[A-ZÄÖÅ].*\.$/);
      }),
    );
  });

  it('walks from request to completion one step at a time, and a refusal ends it', () => {
    let f = {
      approved: false,
      answer: null as 'accepted' | 'refused' | null,
      packaged: false,
      completed: false,
    };
    for (const [step, from, to] of path) {
      expect(transferStage(f)).toBe(from);
      expect(isPending(transferStage(f))).toBe(true);
      expect(stepRefusal(from, step)).toBeNull();
      f = {
        approved: true,
        answer: step === 'approve' ? null : 'accepted',
        packaged: step === 'package' || step === 'complete',
        completed: step === 'complete',
      };
      expect(transferStage(f)).toBe(to);
    }
    expect(isPending('completed')).toBe(false);
    const refused = transferStage({
      approved: true,
      answer: 'refused',
      packaged: false,
      completed: false,
    });
    expect(refused).toBe('refused');
    expect(isPending(refused)).toBe(false);
    for (const step of steps) expect(stepRefusal(refused, step)).toContain('avslagit');
    expect(waitingFor(refused)).toContain('Inspektionen för vård och omsorg');
  });

  it('says what a step waits for, and that a step already taken is taken', () => {
    expect(stepRefusal('requested', 'answer')).toBe(
      'Enhetschefen har inte beslutat att begära överflyttningen.',
    );
    expect(stepRefusal('approved', 'complete')).toBe(
      'Den mottagande kommunens svar är inte registrerat.',
    );
    expect(stepRefusal('packaged', 'approve')).toBe(
      'Beslutet att begära överflyttningen är redan fattat.',
    );
    expect(stepRefusal('completed', 'package')).toBe('Överflyttningspaketet är redan framtaget.');
    expect(waitingFor('accepted')).toBeNull();
    expect(waitingFor('packaged')).toBeNull();
  });

  it('is not asked for before the förhandsbedömning is made', () => {
    expect(requestRefusal('preliminary_assessment')).toContain('förhandsbedömningen');
    for (const phase of ['investigation', 'communicated', 'decided']) {
      expect(requestRefusal(phase)).toBeNull();
    }
  });
});

describe('the guard on a package', () => {
  const his: KnownChannel = { kind: 'phone', value: '070-111 22 33' };
  const parties = [{ givenName: 'Kalle', familyName: 'Kanarie', channels: [his] }];
  const receiver: KnownChannel = { kind: 'email', value: 'soc@mottagarkommunen.example' };
  const herAddress: KnownChannel = { kind: 'address', value: 'Kanariestigen 3, 765 43 Gömstad' };

  it('refuses a package sent to where he can be reached, however the number is written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('070-111 22 33', '0701112233', '+46 70 111 22 33', '+46701112233'),
        (written) => {
          const leaks = packageLeaks({
            destination: { kind: 'phone', value: written },
            receiver: 'Mottagarkommunen',
            parties,
            protectedPerson: false,
            ownChannels: [],
            others: { traces: [], usesViolence: false },
            texts: [],
          });
          expect(leaks).toHaveLength(1);
          expect(leaks[0]?.sentence).not.toContain('Kalle');
        },
      ),
    );
  });

  it('refuses her protected address in any text, naming where it stands and never the address', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        (before, after, inDocument) => {
          const text = `${before} Kanariestigen 3, 765 43 Gömstad ${after}`;
          const leaks = packageLeaks({
            destination: receiver,
            receiver: 'Mottagarkommunen',
            parties,
            protectedPerson: true,
            ownChannels: [herAddress],
            others: { traces: [], usesViolence: false },
            texts: [
              {
                where: inDocument ? 'Dokumentet "Utredning"' : 'Anknytningen',
                text,
                document: inDocument ? 'utredning.pdf' : null,
              },
            ],
          });
          expect(leaks).toHaveLength(1);
          expect(leaks[0]?.document).toBe(inDocument ? 'utredning.pdf' : null);
          expect(leaks[0]?.sentence).toContain('innehåller personens adress');
          expect(leaks[0]?.sentence).not.toContain('Kanariestigen');
        },
      ),
    );
  });

  it('never lets where another person of his file is follow a man who uses violence', () => {
    const trace = 'Kanariestigen 3, 765 43 Gömstad';
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.boolean(), (before, usesViolence) => {
        const leaks = packageLeaks({
          destination: receiver,
          receiver: 'Mottagarkommunen',
          parties: [],
          protectedPerson: false,
          ownChannels: [],
          others: { traces: [trace], usesViolence },
          texts: [
            {
              where: 'Dokumentet "Utredning"',
              text: `${before} hon bor på kanariestigen 3, 765 43 gömstad`,
              document: 'utredning.pdf',
            },
          ],
        });
        expect(leaks.length).toBe(usesViolence ? 1 : 0);
        for (const l of leaks) {
          expect(l.document).toBe('utredning.pdf');
          expect(l.sentence).not.toContain('anariestigen');
        }
      }),
    );
  });

  it('lets the same texts go for a person without skyddade personuppgifter, and clean texts for anyone', () => {
    const input = {
      destination: receiver,
      receiver: 'Mottagarkommunen',
      parties,
      ownChannels: [herAddress],
      others: { traces: [], usesViolence: false },
      texts: [{ where: 'Anknytningen', text: 'Hon bor på Kanariestigen 3.', document: null }],
    };
    expect(packageLeaks({ ...input, protectedPerson: false })).toEqual([]);
    expect(
      packageLeaks({
        ...input,
        protectedPerson: true,
        texts: [{ where: 'Anknytningen', text: 'Hennes syster bor där.', document: null }],
      }),
    ).toEqual([]);
  });
});

describe('the canonical JSON the digest is taken over', () => {
  it('is the same whatever order the keys came in, and differs when any value does', () => {
    const value = fc.dictionary(
      fc.stringMatching(/^[a-z]{1,5}$/),
      fc.oneof(fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 3 })),
    );
    fc.assert(
      fc.property(value, (v) => {
        const reversed = Object.fromEntries(Object.entries(v).reverse());
        expect(canonicalJson({ a: reversed, b: [v] })).toBe(canonicalJson({ b: [reversed], a: v }));
        expect(JSON.parse(canonicalJson(v))).toEqual(v);
      }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
