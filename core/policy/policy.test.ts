import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionLevels } from '../domain/protection.ts';
import { actions, can } from './policy.ts';
import { administrationRules } from './rules/administration.ts';
import { caseDocumentRules } from './rules/case-documents.ts';
import { caseRules } from './rules/cases.ts';
import { commissionRules } from './rules/commissions.ts';
import { counterpartRules } from './rules/counterparts.ts';
import { familyRules } from './rules/family.ts';
import { meetingRules } from './rules/meetings.ts';
import { oversightRules } from './rules/oversight.ts';
import { personRules } from './rules/persons.ts';
import { providerRules } from './rules/providers.ts';
import type { Actor, CaseFacts, PersonFacts } from './policy.ts';
import { caseworkerRoles, roles } from './roles.ts';
import type { Role } from './roles.ts';

// Small pools so that generated actors and cases often meet.
const units = ['u1', 'u2', 'u3'];
const users = ['me', 'colleague', 'other'];
const now = new Date('2026-11-22T12:00:00Z');

const grant = fc.record({ unitId: fc.constantFrom(...units), role: fc.constantFrom(...roles) });
const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constant('me'),
  grants: fc.array(grant, { maxLength: 4 }),
});
const caseArb: fc.Arbitrary<CaseFacts> = fc.record({
  caseId: fc.uuid(),
  unitId: fc.constantFrom(...units),
  assignedUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  status: fc.constantFrom('open' as const, 'closed' as const),
  routedBy: fc.option(fc.constantFrom(...users), { nil: null }),
});
const personArb: fc.Arbitrary<PersonFacts> = fc.record({
  personId: fc.uuid(),
  protectionLevel: fc.constantFrom(...protectionLevels),
  cases: fc.array(caseArb, { maxLength: 4 }),
  emergencyAccessUntil: fc.option(
    fc.date({
      min: new Date('2026-11-22T10:00:00Z'),
      max: new Date('2026-11-22T14:00:00Z'),
      noInvalidDate: true,
    }),
    { nil: undefined },
  ),
});

const readers: ReadonlySet<Role> = new Set([...caseworkerRoles, 'unit_manager']);

describe('can(): person.read', () => {
  it('denies an actor without roles everything, as not found', () => {
    fc.assert(
      fc.property(personArb, (person) => {
        const decision = can({ userId: 'me', grants: [] }, 'person.read', { person, now });
        expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
      }),
    );
  });

  it('never lets utförare, analytiker or administratör open a personakt', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unitId: fc.constantFrom(...units),
            role: fc.constantFrom<Role>('provider', 'analyst', 'administrator'),
          }),
        ),
        personArb,
        (grants, person) => {
          expect(can({ userId: 'me', grants }, 'person.read', { person, now }).allowed).toBe(false);
        },
      ),
    );
  });

  it('allows only through an open case of a unit where the actor works, or live emergency access', () => {
    fc.assert(
      fc.property(actorArb, personArb, (actor, person) => {
        const decision = can(actor, 'person.read', { person, now });
        if (!decision.allowed) return;
        if (decision.via === 'emergency_access') {
          expect(person.emergencyAccessUntil!.getTime()).toBeGreaterThan(now.getTime());
          return;
        }
        const justifying = person.cases.filter(
          (c) =>
            c.status === 'open' &&
            c.unitId === decision.unitId &&
            actor.grants.some((g) => g.unitId === c.unitId && g.role === decision.role) &&
            (decision.via === 'assigned'
              ? c.assignedUserId === actor.userId
              : decision.via === 'intake_queue'
                ? c.assignedUserId === null
                : decision.role === 'unit_manager'),
        );
        expect(justifying.length).toBeGreaterThan(0);
        expect(readers.has(decision.role)).toBe(true);
      }),
    );
  });

  it('grants nothing through closed cases or expired emergency access', () => {
    fc.assert(
      fc.property(actorArb, personArb, (actor, person) => {
        const closed: PersonFacts = {
          ...person,
          cases: person.cases.map((c) => ({ ...c, status: 'closed' as const })),
          emergencyAccessUntil: new Date(now.getTime() - 1),
        };
        expect(can(actor, 'person.read', { person: closed, now }).allowed).toBe(false);
      }),
    );
  });

  it('prefers the strongest basis: an assigned case wins over the queue and the manager role', () => {
    const actor: Actor = {
      userId: 'me',
      grants: [
        { unitId: 'u1', role: 'unit_manager' },
        { unitId: 'u1', role: 'adult_caseworker' },
      ],
    };
    const person: PersonFacts = {
      personId: 'p',
      protectionLevel: 'none',
      emergencyAccessUntil: undefined,
      cases: [
        { caseId: 'a', unitId: 'u1', assignedUserId: null, status: 'open', routedBy: null },
        { caseId: 'b', unitId: 'u1', assignedUserId: 'me', status: 'open', routedBy: null },
      ],
    };
    expect(can(actor, 'person.read', { person, now })).toMatchObject({
      allowed: true,
      via: 'assigned',
    });
  });

  it('never takes access away when a role is added', () => {
    fc.assert(
      fc.property(actorArb, grant, personArb, (actor, extra, person) => {
        const before = can(actor, 'person.read', { person, now }).allowed;
        const after = can({ ...actor, grants: [...actor.grants, extra] }, 'person.read', {
          person,
          now,
        }).allowed;
        if (before) expect(after).toBe(true);
      }),
    );
  });
});

describe('can(): protected details', () => {
  it('requires being allowed to read the person at all', () => {
    fc.assert(
      fc.property(actorArb, personArb, (actor, person) => {
        if (can(actor, 'person.readProtected', { person, now }).allowed) {
          expect(can(actor, 'person.read', { person, now }).allowed).toBe(true);
        }
      }),
    );
  });

  it('for a protected person, requires an assigned open case', () => {
    fc.assert(
      fc.property(actorArb, personArb, (actor, person) => {
        const decision = can(actor, 'person.readProtected', { person, now });
        if (decision.allowed && person.protectionLevel !== 'none') {
          expect(decision.via).toBe('assigned');
          expect(
            person.cases.some((c) => c.status === 'open' && c.assignedUserId === actor.userId),
          ).toBe(true);
        }
      }),
    );
  });

  it('answers forbidden, not not-found, when the person is visible but the details are not', () => {
    const actor: Actor = { userId: 'me', grants: [{ unitId: 'u1', role: 'adult_caseworker' }] };
    const person: PersonFacts = {
      personId: 'p',
      protectionLevel: 'protected_registration',
      emergencyAccessUntil: undefined,
      cases: [{ caseId: 'c', unitId: 'u1', assignedUserId: null, status: 'open', routedBy: null }],
    };
    expect(can(actor, 'person.readProtected', { person, now })).toMatchObject({
      allowed: false,
      denial: 'forbidden',
    });
  });
});

describe('can(): relations', () => {
  it('shows a relation exactly when both ends may be read', () => {
    fc.assert(
      fc.property(actorArb, personArb, personArb, (actor, from, to) => {
        const both =
          can(actor, 'person.read', { person: from, now }).allowed &&
          can(actor, 'person.read', { person: to, now }).allowed;
        expect(can(actor, 'relation.read', { from, to, now }).allowed).toBe(both);
      }),
    );
  });
});

describe('can(): administration and review', () => {
  it('never lets anyone change their own roles or status, administrators included', () => {
    fc.assert(
      fc.property(actorArb, (actor) => {
        expect(can(actor, 'admin.changeUser', { targetUserId: actor.userId })).toMatchObject({
          allowed: false,
        });
      }),
    );
  });

  it('lets only administrators administer, and only managers of the unit review its logs', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...units), (actor, unitId) => {
        expect(can(actor, 'admin.manage', {}).allowed).toBe(
          actor.grants.some((g) => g.role === 'administrator'),
        );
        expect(can(actor, 'accessLog.review', { unitId }).allowed).toBe(
          actor.grants.some((g) => g.role === 'unit_manager' && g.unitId === unitId),
        );
      }),
    );
  });

  it("lets an administrator or a manager of one of the user's units lift a login lock, never one's own", () => {
    fc.assert(
      fc.property(
        actorArb,
        fc.constantFrom(...users),
        fc.subarray(units),
        (actor, targetUserId, targetUnitIds) => {
          const decision = can(actor, 'auth.unlockLogin', { targetUserId, targetUnitIds });
          const expected =
            targetUserId !== actor.userId &&
            actor.grants.some(
              (g) =>
                g.role === 'administrator' ||
                (g.role === 'unit_manager' && targetUnitIds.includes(g.unitId)),
            );
          expect(decision.allowed).toBe(expected);
        },
      ),
    );
  });

  it('lets only case-handling roles create persons or list their cases', () => {
    fc.assert(
      fc.property(actorArb, (actor) => {
        const caseworker = actor.grants.some((g) => caseworkerRoles.has(g.role));
        expect(can(actor, 'person.create', {}).allowed).toBe(caseworker);
        expect(can(actor, 'cases.listMine', {}).allowed).toBe(caseworker);
      }),
    );
  });
});

describe('can(): writes', () => {
  it('lets only a handläggare working with a person record a relation, and only to someone they see', () => {
    fc.assert(
      fc.property(actorArb, personArb, personArb, (actor, from, to) => {
        const decision = can(actor, 'relation.create', { from, to, now });
        const read = can(actor, 'relation.read', { from, to, now });
        if (decision.allowed) {
          expect(read.allowed).toBe(true);
          expect(['assigned', 'intake_queue']).toContain(decision.via);
        }
        if (!read.allowed) expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
      }),
    );
  });

  it('lets a handläggare open cases only in a unit where they handle cases', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...units), (actor, unitId) => {
        expect(can(actor, 'case.open', { unitId }).allowed).toBe(
          actor.grants.some((g) => g.unitId === unitId && caseworkerRoles.has(g.role)),
        );
      }),
    );
  });

  it('lets a handläggare take only an unassigned case, only for themselves; the manager assigns anyone', () => {
    fc.assert(
      fc.property(
        actorArb,
        caseArb,
        fc.constantFrom(...users),
        fc.boolean(),
        (actor, c, assignee, handles) => {
          const decision = can(actor, 'case.assign', {
            case: c,
            assigneeUserId: assignee,
            assigneeHandlesCasesInUnit: handles,
          });
          if (!decision.allowed) return;
          expect(c.status).toBe('open');
          expect(handles).toBe(true);
          const manager = actor.grants.some(
            (g) => g.unitId === c.unitId && g.role === 'unit_manager',
          );
          if (!manager) {
            expect(c.assignedUserId).toBeNull();
            expect(assignee).toBe(actor.userId);
          }
        },
      ),
    );
  });
});

describe('can(): case assignment does not reveal a case', () => {
  it('answers not-found to anyone who cannot see the case, whatever else is wrong', () => {
    fc.assert(
      fc.property(
        actorArb,
        caseArb,
        fc.constantFrom(...users),
        fc.boolean(),
        (actor, c, assignee, handles) => {
          const sees =
            actor.grants.some((g) => g.unitId === c.unitId && g.role === 'unit_manager') ||
            (c.status === 'open' &&
              actor.grants.some(
                (g) =>
                  g.unitId === c.unitId &&
                  caseworkerRoles.has(g.role) &&
                  (c.assignedUserId === null || c.assignedUserId === actor.userId),
              ));
          const decision = can(actor, 'case.assign', {
            case: c,
            assigneeUserId: assignee,
            assigneeHandlesCasesInUnit: handles,
          });
          if (!sees) expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
        },
      ),
    );
  });
});

describe('can(): review of nödåtkomst', () => {
  it('lets only a manager of a reviewing unit review, and never their own', () => {
    fc.assert(
      fc.property(
        actorArb,
        fc.uniqueArray(fc.constantFrom(...units), { minLength: 1 }),
        fc.constantFrom(...users),
        (actor, unitIds, usedBy) => {
          const decision = can(actor, 'emergencyAccess.review', { unitIds, usedByUserId: usedBy });
          const manages = actor.grants.some(
            (g) => unitIds.includes(g.unitId) && g.role === 'unit_manager',
          );
          expect(decision.allowed).toBe(manages && usedBy !== actor.userId);
          if (!manages) expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
        },
      ),
    );
  });
});

describe('can(): changing a person’s file', () => {
  it('lets only a handläggare working with the person change it; lowering protection needs an assigned case', () => {
    fc.assert(
      fc.property(
        actorArb,
        personArb,
        fc.boolean(),
        fc.boolean(),
        (actor, person, lowers, touches) => {
          const decision = can(actor, 'person.update', {
            person,
            now,
            lowersProtection: lowers,
            touchesProtectedDetails: touches,
          });
          if (!can(actor, 'person.read', { person, now }).allowed) {
            expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
            return;
          }
          if (!decision.allowed) return;
          expect(['assigned', 'intake_queue']).toContain(decision.via);
          if (lowers || (touches && person.protectionLevel !== 'none'))
            expect(decision.via).toBe('assigned');
        },
      ),
    );
  });
});

describe('can(): personal-data routes a role never uses', () => {
  it('answers 404 to an actor none of whose roles uses the route, 403 to one whose role is elsewhere', () => {
    const managers: ReadonlySet<Role> = new Set(['unit_manager']);
    const unitScoped = [
      ['unitQueue.read', readers],
      ['case.open', caseworkerRoles],
      ['accessLog.review', managers],
    ] as const;
    const global = [
      ['person.search', readers],
      ['emergencyAccess.start', readers],
      ['person.create', caseworkerRoles],
      ['cases.listMine', caseworkerRoles],
    ] as const;
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...units), (actor, unitId) => {
        for (const [action, users] of [...unitScoped, ...global]) {
          const decision = can(actor, action, { unitId });
          const usesIt = actor.grants.some((g) => users.has(g.role));
          const inUnit = actor.grants.some(
            (g) => users.has(g.role) && (g.unitId === unitId || global.some(([a]) => a === action)),
          );
          expect(decision.allowed).toBe(inUnit);
          if (!usesIt) expect(decision).toMatchObject({ allowed: false, denial: 'not_found' });
          else if (!inUnit) expect(decision).toMatchObject({ allowed: false, denial: 'forbidden' });
        }
      }),
    );
  });

  it('names what was refused and about which records, for the audit row', () => {
    const person: PersonFacts = {
      personId: 'p1',
      protectionLevel: 'none',
      cases: [
        { caseId: 'c1', unitId: 'u1', assignedUserId: 'other', status: 'open', routedBy: null },
      ],
      emergencyAccessUntil: undefined,
    };
    const [kase] = person.cases;
    const decision = can({ userId: 'me', grants: [] }, 'case.work', {
      person,
      case: kase as CaseFacts,
      now,
    });
    expect(decision).toMatchObject({
      allowed: false,
      refused: { action: 'case.work', personIds: ['p1'], caseIds: ['c1'] },
    });
  });
});

describe('can(): the two-person rule', () => {
  const requestArb = fc.record({
    requestedBy: fc.constantFrom(...users),
    targetUserId: fc.constantFrom(...users),
    unitIds: fc.uniqueArray(fc.constantFrom(...units), { maxLength: 3 }),
    administratorsOnly: fc.boolean(),
  });

  it('never lets anyone approve their own request or one about themselves', () => {
    fc.assert(
      fc.property(actorArb, requestArb, (actor, request) => {
        const decision = can(actor, 'admin.approveRequest', request);
        if (request.requestedBy === actor.userId || request.targetUserId === actor.userId) {
          expect(decision.allowed).toBe(false);
        }
      }),
    );
  });

  it('lets a second administrator approve, or the manager of a unit concerned unless administrators only', () => {
    fc.assert(
      fc.property(actorArb, requestArb, (actor, request) => {
        const decision = can(actor, 'admin.approveRequest', request);
        const bystander =
          request.requestedBy !== actor.userId && request.targetUserId !== actor.userId;
        const admin = actor.grants.some((g) => g.role === 'administrator');
        const manager =
          !request.administratorsOnly &&
          actor.grants.some((g) => g.role === 'unit_manager' && request.unitIds.includes(g.unitId));
        expect(decision.allowed).toBe(bystander && (admin || manager));
        // Whoever may neither approve nor see requests is told it does not exist.
        if (!admin && !manager) expect(decision).toMatchObject({ denial: 'not_found' });
      }),
    );
  });

  it('lets only administrators ask, never about themselves, and only the asker withdraw', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...users), (actor, other) => {
        const admin = actor.grants.some((g) => g.role === 'administrator');
        expect(can(actor, 'admin.requestChange', { targetUserId: other }).allowed).toBe(
          admin && other !== actor.userId,
        );
        expect(can(actor, 'admin.withdrawRequest', { requestedBy: other }).allowed).toBe(
          admin && other === actor.userId,
        );
      }),
    );
  });
});

describe('can(): access is granted, never taken', () => {
  it('never lets the user who routed a matter reach its person through it', () => {
    fc.assert(
      fc.property(actorArb, caseArb, personArb, (actor, kase, person) => {
        const routed = { ...kase, routedBy: actor.userId };
        const only = { ...person, cases: [routed], emergencyAccessUntil: undefined };
        const read = can(actor, 'case.read', { person: only, case: routed, now });
        // Only another basis than the queue (assigned, or the unit's manager) lets her in.
        if (read.allowed) expect(read.via).not.toBe('intake_queue');
      }),
    );
  });

  it('registers a matter about an existing file in her own hands only for its assigned handläggare', () => {
    fc.assert(
      fc.property(actorArb, personArb, fc.constantFrom(...units), (actor, person, unitId) => {
        const direct = can(actor, 'case.openForExisting', { unitId, person, now });
        const read = can(actor, 'person.read', { person, now });
        expect(direct.allowed).toBe(
          read.allowed &&
            read.via === 'assigned' &&
            actor.grants.some((g) => g.unitId === unitId && caseworkerRoles.has(g.role)),
        );
      }),
    );
  });

  it('shows a household member by name only through their own file or the case, a protected one only to the assigned', () => {
    fc.assert(
      fc.property(actorArb, personArb, caseArb, personArb, (actor, person, kase, member) => {
        const decision = can(actor, 'householdMember.read', { person, case: kase, member, now });
        const own = can(actor, 'person.read', { person: member, now });
        const viaCase = can(actor, 'case.read', { person, case: kase, now });
        if (own.allowed) expect(decision.allowed).toBe(true);
        else if (!viaCase.allowed) expect(decision.allowed).toBe(false);
        else
          expect(decision.allowed).toBe(
            member.protectionLevel === 'none' || viaCase.via === 'assigned',
          );
        if (!decision.allowed) expect(decision).toMatchObject({ denial: 'not_found' });
      }),
    );
  });

  it('names a protected person among handlingar som inte föranlett åtgärd only to someone who may open the file', () => {
    fc.assert(
      fc.property(actorArb, personArb, fc.constantFrom(...units), (actor, person, unitId) => {
        const row = can(actor, 'noActionRecord.read', { unitId, person, now });
        const own = can(actor, 'person.read', { person, now });
        if (person.protectionLevel !== 'none') expect(row.allowed).toBe(own.allowed);
        else if (!own.allowed)
          expect(row.allowed).toBe(
            actor.grants.some((g) => g.unitId === unitId && readers.has(g.role)),
          );
      }),
    );
  });
});

describe('the place search', () => {
  it('lets only a handläggare working with the case search and record a place, never the provider, analyst or administrator', () => {
    fc.assert(
      fc.property(actorArb, personArb, caseArb, (actor, person, kase) => {
        const facts = { person, case: kase, now };
        const work = can(actor, 'case.work', facts);
        for (const action of ['shelter.search', 'shelter.turnedAway'] as const) {
          const decision = can(actor, action, facts);
          expect(decision.allowed).toBe(work.allowed);
          if (decision.allowed) expect(caseworkerRoles.has(decision.role)).toBe(true);
        }
      }),
    );
  });
});

describe("the unit's count of who could not be placed", () => {
  it('is for the manager of that unit only', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...units), (actor, unitId) => {
        const decision = can(actor, 'shelter.turnedAwayCount', { unitId });
        expect(decision.allowed).toBe(
          actor.grants.some((g) => g.unitId === unitId && g.role === 'unit_manager'),
        );
      }),
    );
  });
});

describe('the rules, one file per resource', () => {
  it('name each action in exactly one file, so merging them overrides nothing', () => {
    const files = [
      personRules,
      caseRules,
      caseDocumentRules,
      oversightRules,
      administrationRules,
      providerRules,
      commissionRules,
      counterpartRules,
      familyRules,
      meetingRules,
    ];
    const names = files.flatMap((rules) => Object.keys(rules));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...actions].sort());
  });

  it('deny an actor without any role every action', () => {
    const nobody: Actor = { userId: 'me', grants: [] };
    const person: PersonFacts = {
      personId: 'p',
      protectionLevel: 'none',
      cases: [],
      emergencyAccessUntil: undefined,
    };
    const caseFacts: CaseFacts = {
      caseId: 'c',
      unitId: 'u1',
      assignedUserId: 'me',
      status: 'open',
      routedBy: null,
    };
    // Facts that would satisfy any rule's relation test, but no grant: deny by default.
    const facts = {
      person: { ...person, cases: [caseFacts] },
      from: person,
      to: person,
      member: person,
      other: person,
      link: { namedInFile: true, personUsesViolenceAgainst: false },
      caseAboutViolenceUsed: false,
      case: caseFacts,
      now,
      unitId: 'u1',
      unitIds: ['u1'],
      targetUnitIds: ['u1'],
      targetUserId: 'other',
      requestedBy: 'other',
      usedByUserId: 'other',
      assigneeUserId: 'me',
      assigneeHandlesCasesInUnit: true,
      administratorsOnly: false,
      delegatedRole: 'unit_manager',
      lowersProtection: false,
      touchesProtectedDetails: false,
      planPersonProtected: false,
      holderId: 'me',
      participantUnitIds: ['u1'],
      files: [{ person: { ...person, cases: [caseFacts] }, case: caseFacts }],
      ownerUserId: 'me',
    };
    for (const action of actions) {
      expect(can(nobody, action, facts as never).allowed, action).toBe(false);
    }
  });
});
