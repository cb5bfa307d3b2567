import { forbidden } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import { caseRead, caseWork } from './cases.ts';
import { personRules } from './persons.ts';
import type { PersonActions } from './persons.ts';

/**
 * What a file records of the people around its person (core/domain/counterparts.ts), and the
 * corrections of a relation. A counterpart is part of *her* file: read with her case, written by
 * whoever works it. A counterpart linked to another file by identity number is linked for the
 * rules only: no rule here reads, or grants, anything of that file.
 */
export interface CounterpartActions {
  /** The counterparts in the file of the case's person: whoever may read the case. */
  'counterpart.read': CounterpartFacts;
  /**
   * His contact details and whereabouts as her file records them. Where her file is protected
   * they could point to her: only whoever may see her protected details (person.readProtected).
   */
  'counterpart.readDetails': CounterpartFacts;
  /** Record or correct one: a handläggare working with the case. */
  'counterpart.write': CounterpartFacts;
  /** Correct, end or mark wrongly recorded a relation: whoever may record it (relation.create). */
  'relation.correct': PersonActions['relation.create'];
}

interface CounterpartFacts {
  person: PersonFacts;
  case: CaseFacts;
  now: Date;
}

function readDetails(actor: Actor, f: CounterpartFacts): Decision {
  const read = caseRead(actor, f);
  if (!read.allowed || f.person.protectionLevel === 'none') return read;
  const protectedRead = personRules['person.readProtected'](actor, {
    person: f.person,
    now: f.now,
  });
  return protectedRead.allowed
    ? read
    : forbidden('the counterpart details of a protected person need an assigned case');
}

export const counterpartRules = {
  'counterpart.read': caseRead,
  'counterpart.readDetails': readDetails,
  'counterpart.write': caseWork,
  'relation.correct': (actor, f) => personRules['relation.create'](actor, f),
} satisfies RulesFor<CounterpartActions>;
