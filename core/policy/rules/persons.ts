import { forbidden, notFound } from '../decision.ts';
import type { Actor, Decision, PersonFacts, RulesFor } from '../decision.ts';
import {
  isCaseworker,
  isCaseworkerOrManager,
  personRead,
  personalDataRoleDecision,
} from '../relations.ts';

/** A personakt: who may open it, see its protected details, change it, relate it. */
export interface PersonActions {
  /** Open a personakt: identity, protection level, relations, cases. */
  'person.read': { person: PersonFacts; now: Date };
  /** Read protected-identity fields: contact channels, whereabouts, school, real identity. */
  'person.readProtected': { person: PersonFacts; now: Date };
  /**
   * Change a person's identity data or contact channels: a handläggare working with the person.
   * Lowering the protection level, or changing a protected person's contact channels, needs the
   * handläggare assigned to one of their open cases.
   */
  'person.update': {
    person: PersonFacts;
    now: Date;
    lowersProtection: boolean;
    touchesProtectedDetails: boolean;
  };
  'person.search': Record<string, never>;
  'person.create': Record<string, never>;
  /** A relation is visible only to those who may see both ends. */
  'relation.read': { from: PersonFacts; to: PersonFacts; now: Date };
  /** Record a relation between two persons: a handläggare working with one end, seeing both. */
  'relation.create': { from: PersonFacts; to: PersonFacts; now: Date };
}

function relationRead(actor: Actor, f: PersonActions['relation.read']): Decision {
  const from = personRead(actor, f.from, f.now);
  if (!from.allowed) return from;
  const to = personRead(actor, f.to, f.now);
  return to.allowed ? from : notFound('no work relation to the other person');
}

export const personRules = {
  'person.read': (actor, f) => personRead(actor, f.person, f.now),
  'person.readProtected': (actor, f) => {
    const read = personRead(actor, f.person, f.now);
    if (!read.allowed) return read;
    // Protected details of a protected person: only the handläggare assigned to one of their
    // open cases. Not the intake queue, not the manager, not emergency access.
    if (f.person.protectionLevel !== 'none' && read.via !== 'assigned') {
      return forbidden('protected details need an assigned case');
    }
    return read;
  },
  'person.update': (actor, f) => {
    const read = personRead(actor, f.person, f.now);
    if (!read.allowed) return read;
    if (read.via !== 'assigned' && read.via !== 'intake_queue') {
      return forbidden('only a handläggare working with the person changes their file');
    }
    const needsAssigned =
      f.lowersProtection || (f.touchesProtectedDetails && f.person.protectionLevel !== 'none');
    return needsAssigned && read.via !== 'assigned'
      ? forbidden('needs the assigned handläggare')
      : read;
  },
  'person.search': (actor) => personalDataRoleDecision(actor, isCaseworkerOrManager),
  'person.create': (actor) => personalDataRoleDecision(actor, isCaseworker),
  'relation.read': relationRead,
  'relation.create': (actor, f) => {
    const read = relationRead(actor, f);
    if (!read.allowed) return read;
    return read.via === 'assigned' || read.via === 'intake_queue'
      ? read
      : forbidden('only a handläggare working with the person records relations');
  },
} satisfies RulesFor<PersonActions>;
