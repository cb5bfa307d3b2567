/**
 * Swedish words for the case flow's code names, shared by the screens, the case history and the
 * documents, so one concept has one name everywhere (glossary.md).
 */
import type { IntakeType } from './case-flow.ts';
import type { DeadlineKind } from './deadlines.ts';
import { reviewPrompts } from './safety-signals.ts';

export const intakeTypeLabels: Record<IntakeType, string> = {
  application_oral: 'Ansökan (muntlig)',
  application_written: 'Ansökan (skriftlig)',
  report: 'Anmälan / orosanmälan',
  police_notification: 'Polisunderrättelse',
  referral: 'Från annan enhet eller myndighet',
  self_contact: 'Egen kontakt',
};

export type IntakeChannel = 'phone' | 'visit' | 'letter' | 'email' | 'digital' | 'police' | 'other';

export const intakeChannelLabels: Record<IntakeChannel, string> = {
  phone: 'Telefon',
  visit: 'Besök',
  letter: 'Brev',
  email: 'E-post',
  digital: 'Digital tjänst',
  police: 'Från polisen',
  other: 'Annat',
};

export const acuteNeedLabels: Record<'yes' | 'no' | 'unclear', string> = {
  yes: 'Ja, akut skyddsbehov',
  no: 'Nej',
  unclear: 'Oklart',
};

export const phaseLabels = {
  intake: 'Aktualisering',
  preliminary_assessment: 'Förhandsbedömning',
  investigation: 'Utredning',
  communicated: 'Kommunicerad',
  decided: 'Beslutad',
  closed: 'Avslutat',
} as const;

export const deadlineLabels: Record<DeadlineKind, string> = {
  protection_assessment: 'Skyddsbedömning (samma dag)',
  preliminary_assessment: 'Förhandsbedömning (inom 14 dagar)',
  investigation: 'Utredningstid',
  child_report: 'Orosanmälan för barn i hushållet',
  investigation_after_acute: 'Utredning efter akut beslut',
  intervention_period: 'Insatsens period',
  follow_up: 'Uppföljning av uppdrag',
  safety_plan_review: 'Säkerhetsplanen ses över (skyddat boende)',
  accompanying_child_decision: 'Eget beslut för medföljande barn i skyddat boende',
  school_arrangement: 'Skolgång för barn i skyddat boende',
  // The safety signals' fixed prompts (safety-signals.ts): the same words, nothing added.
  risk_review_signal: reviewPrompts.risk_assessment,
  safety_plan_signal: reviewPrompts.safety_plan,
  consent_expiry: 'Samtycke går ut',
  plan_follow_up: 'Uppföljning av SIP eller samverkansplan',
  meeting_action: 'Åtgärd från samråd',
  risk_reassessment: 'Ny riskbedömning',
};

/** An insats's period as a deadline speaks of the insats, not of something to do by then. */
export const interventionPeriodStatusLabels = {
  ok: 'Pågår',
  due_soon: 'Slutar snart',
  overdue: 'Har upphört',
} as const;

export const communicationMethodLabels = {
  meeting: 'Vid möte',
  channel: 'Via kontaktväg',
} as const;

export const notifiedHowLabels = {
  in_person: 'Personligen vid möte',
  phone: 'Per telefon',
  letter: 'Brev',
  digital_mailbox: 'Digital brevlåda',
  interpreter_meeting: 'Vid möte med tolk',
} as const;
