import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProtected, protectionLevels } from '../../domain/protection.ts';
import { can } from '../policy.ts';
import type { Actor, CaseFacts, PersonFacts } from '../policy.ts';
import { roles } from '../roles.ts';
import type { FamilyLink } from './family.ts';

// Small pools so that generated actors and cases often meet.
const units = ['u1', 'u2', 'u3'];
const users = ['me', 'colleague', 'other'];
const now = new Date('2026-11-22T12:00:00Z');

const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constant('me'),
  grants: fc.array(
    fc.record({ unitId: fc.constantFrom(...units), role: fc.constantFrom(...roles) }),
    { maxLength: 4 },
  ),
});
const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  caseId: fc.uuid(),
  unitId: fc.constantFrom(...units),
  assignedUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  status: fc.constantFrom('open' as const, 'closed' as const),
  routedBy: fc.option(fc.constantFrom(...users), { nil: null }),
});
const personArb = (own: fc.Arbitrary<CaseFacts[]>): fc.Arbitrary<PersonFacts> =>
  fc.record({
    personId: fc.uuid(),
    protectionLevel: fc.constantFrom(...protectionLevels),
    cases: own,
    emergencyAccessUntil: fc.option(
      fc.date({
        min: new Date('2026-11-22T10:00:00Z'),
        max: new Date('2026-11-22T14:00:00Z'),
        noInvalidDate: true,
      }),
      { nil: undefined },
    ),
  });
const linkArb: fc.Arbitrary<FamilyLink> = fc.record({
  namedInFile: fc.boolean(),
  personUsesViolenceAgainst: fc.boolean(),
});
/** A case, its person (holding it among others), the other person and their link. */
const factsArb = caseArb.chain((kase) =>
  fc.record({
    case: fc.constant(kase),
    person: personArb(fc.array(caseArb, { maxLength: 2 }).map((cs) => [kase, ...cs])),
    other: personArb(fc.array(caseArb, { maxLength: 3 })),
    link: linkArb,
    caseAboutViolenceUsed: fc.boolean(),
    now: fc.constant(now),
  }),
);

const familyActions = ['familyMember.read', 'relatedFile.know'] as const;
const opensOther = (actor: Actor, other: PersonFacts) =>
  can(actor, 'person.read', { person: other, now }).allowed;

describe('can(): knowing of a related file', () => {
  it('allows only a reader of the case by a work relation, or one who may open the other file', () => {
    fc.assert(
      fc.property(actorArb, factsArb, fc.constantFrom(...familyActions), (actor, f, action) => {
        const d = can(actor, action, f);
        if (!d.allowed) return;
        if (opensOther(actor, f.other)) return;
        const read = can(actor, 'case.read', f);
        expect(read.allowed).toBe(true);
        expect(read.allowed && read.via).not.toBe('emergency_access');
      }),
    );
  });

  it('masks a protected person unless the reader may open their file', () => {
    fc.assert(
      fc.property(actorArb, factsArb, fc.constantFrom(...familyActions), (actor, f, action) => {
        fc.pre(isProtected(f.other.protectionLevel) && !opensOther(actor, f.other));
        expect(can(actor, action, f).allowed).toBe(false);
      }),
    );
  });

  it('tells nothing of a file that only the other side links to', () => {
    fc.assert(
      fc.property(actorArb, factsArb, fc.constantFrom(...familyActions), (actor, f, action) => {
        fc.pre(!f.link.namedInFile && !opensOther(actor, f.other));
        expect(can(actor, action, f).allowed).toBe(false);
      }),
    );
  });

  it('never makes known the file of someone the person uses violence against through that person’s file', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        fc.pre(
          (f.link.personUsesViolenceAgainst || f.caseAboutViolenceUsed) &&
            !opensOther(actor, f.other),
        );
        expect(can(actor, 'relatedFile.know', f).allowed).toBe(false);
      }),
    );
  });

  it('knows of a file only where it may name the person', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        if (can(actor, 'relatedFile.know', f).allowed) {
          expect(can(actor, 'familyMember.read', f).allowed).toBe(true);
        }
      }),
    );
  });

  it('lets a reader of the case know of an unprotected related file the case names', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        const read = can(actor, 'case.read', f);
        fc.pre(read.allowed && read.via !== 'emergency_access');
        const facts = {
          ...f,
          other: { ...f.other, protectionLevel: 'none' as const },
          link: { namedInFile: true, personUsesViolenceAgainst: false },
          caseAboutViolenceUsed: false,
        };
        expect(can(actor, 'familyMember.read', facts).allowed).toBe(true);
        expect(can(actor, 'relatedFile.know', facts).allowed).toBe(true);
      }),
    );
  });

  it('refuses as not found, with the policy’s reason, so that a masked member says nothing', () => {
    fc.assert(
      fc.property(actorArb, factsArb, fc.constantFrom(...familyActions), (actor, f, action) => {
        const d = can(actor, action, f);
        if (d.allowed) return;
        expect(d.denial).toBe('not_found');
        expect(d.reason.length).toBeGreaterThan(10);
      }),
    );
  });

  it('lets whoever may read the case, and only they, open the family view', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (actor, f) => {
        expect(can(actor, 'family.read', f).allowed).toBe(can(actor, 'case.read', f).allowed);
      }),
    );
  });
});
