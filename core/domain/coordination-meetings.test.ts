import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import type { Consent, Ground } from './consents.ts';
import {
  currentGrounds,
  holdProblems,
  meetingDisclosures,
  minutesFor,
  needsGround,
} from './coordination-meetings.ts';
import type {
  HoldInput,
  MeetingFile,
  MeetingParticipant,
  MinutesItem,
  PresenceGround,
} from './coordination-meetings.ts';

const units = ['u1', 'u2', 'u3'] as const;
const unitName = (u: string) => `Enhet ${u}`;
const heldOn = '2026-12-03';

/** One to three files, each a person of their own in one of three units. */
const files: fc.Arbitrary<MeetingFile[]> = fc
  .uniqueArray(fc.constantFrom(...units), { minLength: 1, maxLength: 3 })
  .chain((us) =>
    fc.shuffledSubarray(us, { minLength: us.length }).map((order) =>
      order.map((u, i) => ({
        caseId: `case${i}`,
        personId: `person${i}`,
        unitId: u,
        unitName: unitName(u),
      })),
    ),
  );

/** Some of the three units, and maybe the school. */
const participants: fc.Arbitrary<MeetingParticipant[]> = fc
  .record({
    units: fc.subarray([...units]),
    school: fc.boolean(),
  })
  .map(({ units: us, school }) => [
    ...us.map((u) => ({
      id: `part-${u}`,
      recipient: { kind: 'unit' as const, id: u, name: unitName(u) },
      name: `Deltagare ${u}`,
    })),
    ...(school
      ? [
          {
            id: 'part-school',
            recipient: { kind: 'agency' as const, name: 'Kvarnbyskolan' },
            name: 'Kim Kurator',
          },
        ]
      : []),
  ]);

const lawful: Ground = {
  kind: 'legal',
  basis: 'secrecyNecessaryDisclosure',
  reference: '10 kap. 2 § OSL',
  secrecyTest: 'Enheten behöver uppgifterna för att utreda behovet av skydd.',
};

/** A ground for every presence that needs one. */
function everyGround(fs: readonly MeetingFile[], ps: readonly MeetingParticipant[]) {
  return fs.flatMap((file) =>
    ps.flatMap((p): PresenceGround[] =>
      needsGround(file, p)
        ? [{ caseId: file.caseId, participantId: p.id, categories: ['name'], ground: lawful }]
        : [],
    ),
  );
}

const input = (
  over: Partial<HoldInput> & Pick<HoldInput, 'files' | 'participants'>,
): HoldInput => ({
  grounds: currentGrounds(everyGround(over.files, over.participants)),
  calledOn: '2026-12-01',
  heldOn,
  followUpOn: null,
  items: [],
  today: heldOn,
  readable: new Set(),
  ...over,
});

const items = (fs: readonly MeetingFile[]): fc.Arbitrary<MinutesItem[]> =>
  fc.array(
    fc.record({
      caseId: fc.constantFrom(...fs.map((f) => f.caseId)),
      kind: fc.constantFrom('question' as const, 'decision' as const),
      text: fc.string({ minLength: 1 }),
      owner: fc.constant(null),
      dueOn: fc.constant(null),
    }),
    { maxLength: 12 },
  );

describe('a samråd', () => {
  it('may be held when every presence from outside a file’s unit rests on a ground that covers it', () => {
    fc.assert(
      fc.property(
        files.chain((fs) => fc.tuple(fc.constant(fs), participants, items(fs))),
        ([fs, ps, its]) => {
          expect(holdProblems(input({ files: fs, participants: ps, items: its }))).toEqual([]);
          // One disclosure per presence that needs a ground; none for a file's own unit.
          const made = meetingDisclosures(fs, ps, currentGrounds(everyGround(fs, ps)), heldOn);
          expect(made).toHaveLength(everyGround(fs, ps).length);
          for (const d of made) expect(needsGround(d.file, d.participant)).toBe(true);
        },
      ),
    );
  });

  it('is refused while any presence lacks a ground, naming the participant and the file’s unit', () => {
    fc.assert(
      fc.property(
        files
          .chain((fs) =>
            fc.tuple(
              fc.constant(fs),
              participants.filter((ps) => everyGround(fs, ps).length > 0),
            ),
          )
          .chain(([fs, ps]) =>
            fc.tuple(
              fc.constant(fs),
              fc.constant(ps),
              fc.nat({ max: everyGround(fs, ps).length - 1 }),
            ),
          ),
        ([fs, ps, drop]) => {
          const all = everyGround(fs, ps);
          const missing = all[drop];
          if (!missing) throw new Error('no ground to drop');
          const grounds = currentGrounds(all.filter((_, i) => i !== drop));
          const problems = holdProblems(input({ files: fs, participants: ps, grounds }));
          const p = ps.find((x) => x.id === missing.participantId);
          const file = fs.find((x) => x.caseId === missing.caseId);
          expect(problems).toContain(
            `${p?.recipient.name} saknar grund för sin närvaro för akten hos ${file?.unitName}. Den som handlägger akten registrerar samtycke eller lagstöd.`,
          );
          expect(meetingDisclosures(fs, ps, grounds, heldOn)).toHaveLength(all.length - 1);
        },
      ),
    );
  });

  it('is refused on a revoked consent, and tells the register’s reason only to a holder who may read the file', () => {
    fc.assert(
      fc.property(files, fc.boolean(), (fs, readable) => {
        const school: MeetingParticipant = {
          id: 'part-school',
          recipient: { kind: 'agency', name: 'Kvarnbyskolan' },
          name: 'Kim Kurator',
        };
        const [first] = fs;
        if (!first) throw new Error('no file');
        const consent: Consent = {
          id: 'c1',
          personId: first.personId,
          categories: ['name', 'situation'],
          recipient: school.recipient,
          purposes: ['coordination_meeting'],
          givenOn: '2026-11-02',
          validUntil: addDays(heldOn, 60),
          way: 'written',
          revokedOn: '2026-12-02',
        };
        const grounds = currentGrounds([
          ...everyGround(fs, [school]).filter((g) => g.caseId !== first.caseId),
          {
            caseId: first.caseId,
            participantId: school.id,
            categories: ['name'],
            ground: { kind: 'consent', consent },
          },
        ]);
        const problems = holdProblems(
          input({
            files: fs,
            participants: [school],
            grounds,
            readable: new Set(readable ? [first.caseId] : []),
          }),
        );
        expect(problems).toHaveLength(1);
        const [problem = ''] = problems;
        if (readable) expect(problem).toContain('återkallades 2026-12-02');
        else {
          expect(problem).not.toContain('2026-11-02');
          expect(problem).not.toContain('2026-12-02');
          expect(problem).toContain(`akten hos ${first.unitName}`);
        }
      }),
    );
  });

  it('gives each file exactly its own points of the minutes, each point to one file', () => {
    fc.assert(
      fc.property(
        files.chain((fs) => fc.tuple(fc.constant(fs), items(fs))),
        ([fs, its]) => {
          const split = fs.map((file) => minutesFor(file.caseId, its));
          for (const [i, part] of split.entries()) {
            expect(part.every((item) => item.caseId === fs[i]?.caseId)).toBe(true);
          }
          expect(split.flat()).toHaveLength(its.length);
        },
      ),
    );
  });

  it('refuses an action item without owner or due day, and a point of a file not in the samråd', () => {
    const fs: MeetingFile[] = [
      { caseId: 'case0', personId: 'person0', unitId: 'u1', unitName: 'Enhet u1' },
    ];
    const problems = holdProblems(
      input({
        files: fs,
        participants: [],
        items: [
          { caseId: 'case0', kind: 'action', text: 'Gör', owner: null, dueOn: null },
          {
            caseId: 'case0',
            kind: 'action',
            text: 'Gör',
            owner: { kind: 'handler', userId: null },
            dueOn: '2026-12-01',
          },
          { caseId: 'other', kind: 'question', text: 'Fråga', owner: null, dueOn: null },
        ],
      }),
    );
    expect(problems).toEqual([
      'Ange vem som ansvarar för åtgärd 1.',
      'Ange när åtgärd 1 ska vara klar.',
      'Akten som åtgärd 2 hör till har ingen handläggare. Välj en deltagare som ansvarig.',
      'Datumet för åtgärd 2 kan inte ligga före samrådet.',
      'Punkt 3 hör till en akt som inte är ansluten till samrådet.',
    ]);
  });
});
