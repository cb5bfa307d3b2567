/**
 * Safety signals between files: an event in one person's file raises a prompt in the open cases of
 * the persons linked to that person — "Se över riskbedömningen" or "Se över säkerhetsplanen", and
 * by when — and nothing else (issue 14 item 5; domain.md §3.3, §3.6: "coordination across a
 * family's separate files must not leak one member's data into another's").
 *
 * The catalogue is data. Each signal names the event that raises it, which linked persons' files
 * receive it, what it asks for and when it is due. What a receiving case shows is a function of the
 * subject of review and the day it was raised only: the text is fixed by the subject, the due day
 * by the subject and the raised day. So a signal says neither what happened nor in which file,
 * unit or by whom; and since signals of one subject share their text and their time to act, not
 * even which kind of event it was. Open signals of one subject in a case are shown as one prompt,
 * so their count does not tell how many events there were (see `openPrompts`).
 *
 * What a signal does reveal — that some linked file exists and that something in it moved on a
 * given day — is listed per kind in docs/safety-signals.md. Above all: **no signal ever reaches
 * the file of someone who uses violence against the event's person** (`signalTargets`): a note in
 * his file that her risk changed, or that she left skyddat boende, could reach him (he may read
 * his own file), and it is what he must not learn.
 *
 * Pure: the links (server/case-kernel/counterparts.ts `linkedPersons`) and dates come in as
 * arguments.
 */
import { addWorkingDays } from './working-days.ts';
import type { Intervention } from './decisions.ts';

/** What a signal asks the receiving handläggare to review. */
export const reviewSubjects = ['risk_assessment', 'safety_plan'] as const;
export type ReviewSubject = (typeof reviewSubjects)[number];

/** The only text a signal shows, fixed per subject: no part of it comes from the event. */
export const reviewPrompts: Readonly<Record<ReviewSubject, string>> = {
  risk_assessment: 'Se över riskbedömningen',
  safety_plan: 'Se över säkerhetsplanen',
};

/** What the receiving case shows once a handläggare has marked the prompt handled. */
export const reviewedTexts: Readonly<Record<ReviewSubject, string>> = {
  risk_assessment: 'Riskbedömningen är översedd',
  safety_plan: 'Säkerhetsplanen är översedd',
};

/**
 * Working days from the day a signal is raised until it is due, per subject — not per kind, so
 * that the time to act does not tell which event raised it. Two working days: the next working
 * day to see it, one more to reach the person and review with her [001 Riskbedömning: repeated
 * "when needed"; 002: the situation "can change quickly"].
 */
export const reviewDueWorkingDays: Readonly<Record<ReviewSubject, number>> = {
  risk_assessment: 2,
  safety_plan: 2,
};

/** The events that can raise a signal, as the commands that make them describe them. */
export type SignalEvent =
  /**
   * An insats ended: its uppdrag (carried out by a provider) was ended or broken off, or the
   * period its beslut granted ran out (server/jobs/period-ends.ts).
   */
  | { type: 'commission_ended'; intervention: string }
  /** A new incident (våldshändelse) was registered in a case. */
  | { type: 'incident_recorded' };

/**
 * Which linked persons' files receive a signal. 'subjected_by_source': those the event's person
 * uses violence against, as a link records it. 'linked_not_using_violence': every linked person
 * who does not use violence against the event's person (the victim, the children, the household).
 * Either way never someone who uses violence against the event's person.
 */
export type TargetRule = 'subjected_by_source' | 'linked_not_using_violence';

export const signalKinds = ['insats_ended', 'incident_registered', 'left_shelter'] as const;
export type SignalKind = (typeof signalKinds)[number];

export interface SignalDefinition {
  kind: SignalKind;
  /** The event that raises it. */
  raisedBy: SignalEvent['type'];
  /** For 'commission_ended': the insatser whose end raises it ('any': every insats). */
  interventions: 'any' | readonly Intervention[];
  targets: TargetRule;
  review: ReviewSubject;
}

/**
 * The catalogue. Why each target (domain.md §3.3, §3.5; seeds 001 Partnerkontakt, 004 Hänsyn till
 * säkerheten för våldsutsatta och närstående):
 * - insats_ended: when the insats of the person who uses violence ends or is broken off —
 *   treatment stopped, a tillfälligt boende for him ended so he may come home — the risk to those
 *   he uses violence against may change at once: their risk assessment is reviewed. His children
 *   receive it when a link records violence against them.
 * - incident_registered: a new incident in a case changes the risk picture of everyone in the
 *   family who is not the one using violence: the victim when it is registered in his case, the
 *   children when in hers.
 * - left_shelter: when she leaves skyddat boende, the safety plans of the children and the
 *   household change with hers (school, pick-up, where they live). Never his file: where she is,
 *   or that she has moved, is what he must not learn.
 */
export const signalCatalogue: readonly SignalDefinition[] = [
  {
    kind: 'insats_ended',
    raisedBy: 'commission_ended',
    interventions: 'any',
    targets: 'subjected_by_source',
    review: 'risk_assessment',
  },
  {
    kind: 'incident_registered',
    raisedBy: 'incident_recorded',
    interventions: 'any',
    targets: 'linked_not_using_violence',
    review: 'risk_assessment',
  },
  {
    kind: 'left_shelter',
    raisedBy: 'commission_ended',
    interventions: ['shelter'],
    targets: 'linked_not_using_violence',
    review: 'safety_plan',
  },
];

/** A link as the rules read it (server/case-kernel/counterparts.ts `LinkedPerson`). */
export interface SignalLink {
  personId: string;
  /** The linked person uses violence against the event's person. */
  usesViolenceAgainst: boolean;
  /** The event's person uses violence against the linked person. */
  subjectedByPerson: boolean;
}

/** The signals an event raises. */
export function signalsFor(event: SignalEvent): SignalDefinition[] {
  return signalCatalogue.filter(
    (s) =>
      s.raisedBy === event.type &&
      (event.type !== 'commission_ended' ||
        s.interventions === 'any' ||
        (s.interventions as readonly string[]).includes(event.intervention)),
  );
}

/**
 * The persons whose open cases receive a signal: by its target rule, never the event's own
 * person, and never anyone a link records as using violence against the event's person — any
 * one link suffices to exclude (a relation and a counterpart may say different things).
 */
export function signalTargets(
  signal: Pick<SignalDefinition, 'targets'>,
  sourcePersonId: string,
  links: readonly SignalLink[],
): string[] {
  const violent = new Set(links.filter((l) => l.usesViolenceAgainst).map((l) => l.personId));
  const chosen = links.filter((l) =>
    signal.targets === 'subjected_by_source' ? l.subjectedByPerson : true,
  );
  return [...new Set(chosen.map((l) => l.personId))].filter(
    (id) => id !== sourcePersonId && !violent.has(id),
  );
}

/** The day a signal raised on `raisedOn` is due. */
export function signalDueOn(review: ReviewSubject, raisedOn: string): string {
  return addWorkingDays(raisedOn, reviewDueWorkingDays[review]);
}

/** A stored signal as the receiving case reads it (no source: it is never read for a view). */
export interface StoredSignal {
  id: string;
  review: ReviewSubject;
  /** The moment it was raised (ISO), for ordering only: a view shows the day. */
  raisedAt: string;
  raisedOn: string;
  dueOn: string;
  /** When it was marked handled, or null while open. */
  handled: { on: string; at: string; by: string } | null;
}

/** What a receiving case shows of its open signals: one prompt per subject. */
export interface OpenPrompt {
  /** The newest open signal of the subject: marking it handles it and those raised before it. */
  id: string;
  review: ReviewSubject;
  prompt: string;
  /** The earliest open signal's day and due day: the longest-waiting review sets the pace. */
  raisedOn: string;
  dueOn: string;
}

/** What a receiving case shows of a handling: the fixed text, when and by whom (its own user). */
export interface HandledPrompt {
  review: ReviewSubject;
  text: string;
  on: string;
  by: string;
}

const byRaised = (a: StoredSignal, b: StoredSignal) =>
  a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id);

/**
 * The open prompts of a case: for each subject with an open signal, one prompt — whatever number
 * of signals, of whichever kinds, are open.
 */
export function openPrompts(signals: readonly StoredSignal[]): OpenPrompt[] {
  return reviewSubjects.flatMap((review) => {
    const open = signals.filter((s) => s.review === review && s.handled === null).sort(byRaised);
    const first = open[0];
    const newest = open.at(-1);
    if (!first || !newest) return [];
    return [{ id: newest.id, review, prompt: reviewPrompts[review], ...pick(first) }];
  });
}

const pick = (s: StoredSignal) => ({ raisedOn: s.raisedOn, dueOn: s.dueOn });

/**
 * The handlings of a case, newest first: one per act of marking (subject, moment, user), however
 * many signals it closed.
 */
export function handledPrompts(signals: readonly StoredSignal[]): HandledPrompt[] {
  const seen = new Map<string, HandledPrompt & { at: string }>();
  for (const s of signals) {
    if (!s.handled) continue;
    const key = `${s.review}|${s.handled.at}|${s.handled.by}`;
    if (!seen.has(key)) {
      seen.set(key, {
        review: s.review,
        text: reviewedTexts[s.review],
        on: s.handled.on,
        by: s.handled.by,
        at: s.handled.at,
      });
    }
  }
  return [...seen.values()].sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _, ...h }) => h);
}

/**
 * The signals a marking handles: the open signals of the marked one's subject raised up to it.
 * A signal raised after the handläggare looked stays open. Null when the marked signal is not
 * open (handled already, or not this case's).
 */
export function signalsHandledBy(
  signals: readonly StoredSignal[],
  markedId: string,
): StoredSignal[] | null {
  const marked = signals.find((s) => s.id === markedId);
  if (!marked || marked.handled !== null) return null;
  return signals.filter(
    (s) => s.review === marked.review && s.handled === null && byRaised(s, marked) <= 0,
  );
}
