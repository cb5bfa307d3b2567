import { isProtected } from '../../domain/protection.ts';
import { notFound } from '../decision.ts';
import type { Actor, CaseFacts, Decision, PersonFacts, RulesFor } from '../decision.ts';
import { personRead } from '../relations.ts';
import { caseRead } from './cases.ts';

/**
 * The family around a case (issue 14): victim, perpetrator and child each have their own file and
 * handläggare, coordinated and never merged [000 3.1.4; 001 Intern samverkan]. What a reader of
 * one case may know of the others — a related person by name, and whether that person has a case
 * here with its unit, handläggare, phase and open deadlines — never its content.
 */

/** How the other person is linked to the case's person, merged over every link between them. */
export interface FamilyLink {
  /**
   * The case's file itself names the other: a relation between the two that holds, a child of
   * the household, or a counterpart her file records with the other's identity number. False
   * when only the other's file names the case's person (their counterpart): a link for the rules
   * only, which must not tell this side that the other file exists.
   */
  namedInFile: boolean;
  /** The case's person uses violence against the other, as any of the links records it. */
  personUsesViolenceAgainst: boolean;
}

interface FamilyFacts {
  /** The case's person and the case the reader works with. */
  person: PersonFacts;
  case: CaseFacts;
  /** The related person, with their own cases. */
  other: PersonFacts;
  link: FamilyLink;
  /**
   * The case is about the person's own use of violence (target group våldsutövare): whom it is
   * used against is not recorded per person, so everyone around them counts as subjected to it.
   */
  caseAboutViolenceUsed: boolean;
  now: Date;
}

export interface FamilyActions {
  /** The family view of a case: whoever may read the case. */
  'family.read': { person: PersonFacts; case: CaseFacts; now: Date };
  /**
   * See a related person by name in the family view. Anyone else who may read the case sees the
   * person masked ("Skyddad person") where the case's file names them, and not at all where only
   * the other's file does.
   */
  'familyMember.read': FamilyFacts;
  /**
   * Know that a related person has a case here, and see its unit, its handläggare's name, its
   * phase and its open deadlines — to call that handläggare, never to read that file.
   */
  'relatedFile.know': FamilyFacts;
}

/**
 * What both rules refuse alike: a reader who may open the other's file is answered by that; else
 * the case must be readable, by a work relation to it (nödåtkomst opens one file, not the family
 * around it), and the case's file must itself name the other. Undefined: go on.
 */
function throughTheCase(actor: Actor, f: FamilyFacts): Decision {
  const own = personRead(actor, f.other, f.now);
  if (own.allowed) return own;
  const viaCase = caseRead(actor, f);
  if (!viaCase.allowed) return viaCase;
  if (viaCase.via === 'emergency_access') {
    return notFound('nödåtkomst opens the person’s own file, not the family around it');
  }
  if (!f.link.namedInFile) {
    return notFound('only the other file names this person: the link is for the rules only');
  }
  if (isProtected(f.other.protectionLevel)) {
    return notFound('a protected person is known only to whoever may open their file');
  }
  return viaCase;
}

export const familyRules = {
  'family.read': caseRead,
  'familyMember.read': throughTheCase,
  'relatedFile.know': (actor, f) => {
    const through = throughTheCase(actor, f);
    if (!through.allowed || personRead(actor, f.other, f.now).allowed) return through;
    // Told to the side of the person who uses violence, the other's file would say that she
    // sought help, and where: never through his file.
    return f.link.personUsesViolenceAgainst || f.caseAboutViolenceUsed
      ? notFound(
          'the file of someone the person uses violence against is never made known through their file',
        )
      : through;
  },
} satisfies RulesFor<FamilyActions>;
