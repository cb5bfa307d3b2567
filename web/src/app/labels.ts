import type { AuditPurpose } from '../../../core/audit/events.ts';
/**
 * Swedish words for the API's code names, in one place. Labels that core already owns (roles,
 * protection levels, audit actions) are re-exported from there, never written twice.
 */
import type { z } from 'zod';
import type { AdminUser, UnitKind } from '../../../core/contracts/admin.ts';
import type { ChildReportDutyView, DeadlineView } from '../../../core/contracts/cases.ts';
import type { Decision } from '../../../core/contracts/case-documents.ts';
import type { FamilyMember } from '../../../core/contracts/family.ts';
import type {
  CaseSummary,
  ContactChannel,
  PersonFile,
  RelationView,
  TargetGroup,
} from '../../../core/contracts/persons.ts';
import type { IdentityKind } from '../../../core/domain/personal-identity.ts';

export { auditActions } from '../../../core/audit/events.ts';
export {
  acuteNeedLabels,
  communicationMethodLabels,
  deadlineLabels,
  intakeChannelLabels,
  intakeTypeLabels,
  interventionPeriodStatusLabels,
  notifiedHowLabels,
  phaseLabels,
} from '../../../core/domain/case-labels.ts';
export { interventionLabels, outcomeLabels } from '../../../core/domain/decisions.ts';
export { sourceKindLabels, templateTitles } from '../../../core/domain/investigation-template.ts';
export { protectionLabels } from '../../../core/domain/protection.ts';
export { roleLabels } from '../../../core/policy/roles.ts';

export const targetGroupLabels: Record<TargetGroup, string> = {
  victim: 'Våldsutsatt vuxen',
  perpetrator: 'Våldsutövare',
  child: 'Barn som utsatts för eller upplevt våld',
  honour_violence: 'Hedersrelaterat våld och förtryck',
  prostitution: 'Prostitution / sex mot ersättning',
  trafficking: 'Människohandel för sexuella ändamål',
  sexual_violence: 'Sexuellt våld',
};

export const identityKindLabels: Record<IdentityKind, string> = {
  personnummer: 'Personnummer',
  samordningsnummer: 'Samordningsnummer',
  reservnummer: 'Reservnummer',
};

export const relationKindLabels: Record<RelationView['kind'], string> = {
  partner: 'Partner',
  former_partner: 'Tidigare partner',
  parent_of: 'Förälder till',
  child_of: 'Barn till',
  sibling: 'Syskon',
  other_relative: 'Annan släkting',
  carer: 'Anhörigvårdare / personlig assistent',
};

/** Read from the open file's side: "utövar våld mot" the other person. */
export const relationViolenceLabels: Record<RelationView['violence'], string> = {
  uses_violence: 'Utövar våld mot',
  subjected: 'Utsätts för våld av',
  mutual: 'Ömsesidigt våld',
  none: 'Inget känt våld',
  unknown: 'Okänt',
};

export const caseStatusLabels: Record<CaseSummary['status'], string> = {
  open: 'Öppet',
  closed: 'Avslutat',
};

export const contactKindLabels: Record<ContactChannel['kind'], string> = {
  phone: 'Telefon',
  email: 'E-post',
  address: 'Adress',
  digital_mailbox: 'Digital brevlåda',
};

/** How the reader came to see a personakt (also the purpose of an access-log row). */
export const accessLabels: Record<PersonFile['access'], string> = {
  assigned: 'Tilldelad handläggare',
  intake_queue: 'Enhetens inkorg',
  unit_manager: 'Enhetschef',
  emergency_access: 'Nödåtkomst',
};

export const purposeLabels: Record<AuditPurpose, string> = {
  ...accessLabels,
  role: 'Roll',
  own_account: 'Eget konto',
  administration: 'Administration',
  review: 'Granskning',
  planned_handover: 'Planerad överlämning från socialjouren',
  period_ended: 'Insatsens beviljade period löpte ut',
};

export const unitKindLabels: Record<z.infer<typeof UnitKind>, string> = {
  adult: 'Vuxen',
  children: 'Barn och unga',
  out_of_hours: 'Socialjour',
  provider: 'Utförare',
  management: 'Ledning',
};

export const secondFactorLabels: Record<AdminUser['secondFactor'], string> = {
  enrolled: 'Registrerad',
  pending: 'Inte registrerad än',
  not_required: 'Krävs inte',
};

/** A deadline's state in words: colour alone never carries it. */
export const deadlineStatusLabels: Record<DeadlineView['status'], string> = {
  ok: 'I tid',
  due_soon: 'Snart',
  overdue: 'Försenad',
};

export const childDutyStatusLabels: Record<ChildReportDutyView['status'], string> = {
  open: 'Orosanmälan saknas',
  reported: 'Orosanmälan gjord',
  waived: 'Ingen orosanmälan, skäl angivet',
};

export const childDutyViaLabels: Record<ChildReportDutyView['via'], string> = {
  own: 'Personens barn',
  partner: 'Partnerns barn',
};

export const decisionVersionKindLabels: Record<Decision['current']['kind'], string> = {
  original: 'Ursprungligt beslut',
  correction: 'Rättelse',
  change: 'Ändring',
};

export const preliminaryOutcomeLabels = {
  open_investigation: 'Utredning inleds',
  no_investigation: 'Ingen utredning inleds',
} as const;

/**
 * Who a member of the family is to the case's person, said of the member (the family view,
 * issue 14): a relation 'parent_of' read from the case's side makes the member a child.
 */
export const familyRelationLabels: Record<FamilyMember['relation'], string> = {
  partner: 'Partner',
  former_partner: 'Tidigare partner',
  parent_of: 'Barn',
  child_of: 'Förälder',
  sibling: 'Syskon',
  other_relative: 'Annan släkting',
  carer: 'Anhörigvårdare / personlig assistent',
  household_child: 'Barn i hushållet',
  parent: 'Förälder',
  child: 'Barn',
  other: 'Annan person',
};
