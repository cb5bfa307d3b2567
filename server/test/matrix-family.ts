import type { ActorName } from './world.ts';
import type { Outcome, Scenario } from './matrix.ts';

/**
 * The family view's rows of the authorization matrix (issue 14), spliced into `scenarios` in
 * ./matrix.ts. The view is read by whoever may read the case; what it tells of each related
 * person is decided per person (core/policy/rules/family.ts) and tested in
 * server/features/family/family.test.ts and the canary test.
 */
const only = (allowed: Partial<Record<ActorName, Outcome>>): Record<ActorName, Outcome> => ({
  assigned: 404,
  colleague: 404,
  childrenWorker: 404,
  outOfHours: 404,
  manager: 404,
  otherManager: 404,
  provider: 404,
  otherProvider: 404,
  analyst: 404,
  admin: 404,
  ...allowed,
});

export const familyScenarios: Scenario[] = [
  {
    name: 'the family view of an assigned case (partner who uses violence, sibling in the queue)',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.p.caseId}/family` }),
    expect: only({ assigned: 200, manager: 200 }),
  },
  {
    name: 'the family view of a protected person’s assigned case',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.q.caseId}/family` }),
    expect: only({ assigned: 200, manager: 200 }),
  },
  {
    name: 'the family view of a case in the intake queue',
    audited: true,
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.r.caseId}/family` }),
    expect: only({ assigned: 200, colleague: 200, manager: 200 }),
  },
  {
    name: 'the family view of a closed case',
    request: (w) => ({ method: 'GET', url: `/api/cases/${w.persons.s.caseId}/family` }),
    expect: only({}),
  },
  {
    name: 'the family view of a case that does not exist',
    request: () => ({
      method: 'GET',
      url: '/api/cases/00000000-0000-4000-8000-000000000000/family',
    }),
    expect: only({}),
  },
];
