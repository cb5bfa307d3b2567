import type { DisclosureGround } from '../../core/contracts/consents.ts';
import {
  CONSENT_EXPIRES_SOON_DAYS,
  disclosureCovered,
  legalBasesFor,
} from '../../core/domain/consents.ts';
import type {
  Consent,
  Disclosure,
  DisclosurePurpose,
  Ground,
  InformationCategory,
  LegalBasis,
  Recipient,
} from '../../core/domain/consents.ts';
import { daysBetween } from '../../core/domain/calendar.ts';
import { legalReference } from '../../core/domain/legal-references.ts';
import type { Db, Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActionContext } from '../http/action-context.ts';
import { activeCatalogue } from './legal-catalogue.ts';

/**
 * Every disclosure in Värn passes here (core/domain/consents.ts): its ground is read — a consent
 * of the case's register, or a legal basis with its paragraph from the catalogue in force —
 * the one rule decides whether it covers what is about to leave, and the disclosure is recorded
 * in the same transaction as what it discloses. A ground that does not cover refuses (409) with
 * the rule's sentence, which names the consent.
 */

type ConsentRow = {
  id: string;
  person_id: string;
  categories: InformationCategory[];
  purposes: DisclosurePurpose[];
  recipient_kind: Recipient['kind'];
  recipient_unit_id: string | null;
  recipient_provider_id: string | null;
  recipient_name: string | null;
  unit_name: string | null;
  provider_name: string | null;
  given_on: string;
  valid_until: string;
  way: Consent['way'];
  revoked_on: string | null;
};

/** The consents of cases with their revocation and their recipient's name (one query). */
export function consentRows(db: Db | Trx) {
  return db
    .selectFrom('consent as c')
    .leftJoin('consent_revocation as r', 'r.consent_id', 'c.id')
    .leftJoin('unit as u', 'u.id', 'c.recipient_unit_id')
    .leftJoin('provider as p', 'p.id', 'c.recipient_provider_id')
    .select([
      'c.id',
      'c.person_id',
      'c.case_id',
      'c.categories',
      'c.purposes',
      'c.purpose_text',
      'c.recipient_kind',
      'c.recipient_unit_id',
      'c.recipient_provider_id',
      'c.recipient_name',
      'u.name as unit_name',
      'p.name as provider_name',
      'c.given_on',
      'c.valid_until',
      'c.way',
      'c.document_reference',
      'c.recorded_by',
      'c.recorded_at',
      'r.revoked_on',
      'r.how as revoked_how',
      'r.recorded_by as revoked_by',
      'r.recorded_at as revoked_at',
    ]);
}

/** The recipient of a consent row as the rule sees it. */
export function consentRecipient(r: Omit<ConsentRow, 'id'>): Recipient {
  if (r.recipient_kind === 'unit' && r.recipient_unit_id) {
    return { kind: 'unit', id: r.recipient_unit_id, name: r.unit_name ?? '' };
  }
  if (r.recipient_kind === 'provider' && r.recipient_provider_id) {
    return { kind: 'provider', id: r.recipient_provider_id, name: r.provider_name ?? '' };
  }
  return {
    kind: r.recipient_kind === 'person' ? 'person' : 'agency',
    name: r.recipient_name ?? '',
  };
}

export function toConsent(r: ConsentRow): Consent {
  return {
    id: r.id,
    personId: r.person_id,
    categories: r.categories,
    purposes: r.purposes,
    recipient: consentRecipient(r),
    givenOn: r.given_on,
    validUntil: r.valid_until,
    way: r.way,
    revokedOn: r.revoked_on,
  };
}

/** How a consent stands today, as the register shows it. */
export function consentStatus(
  c: Pick<Consent, 'revokedOn' | 'validUntil'>,
  today: string,
): 'valid' | 'expiring' | 'expired' | 'revoked' {
  if (c.revokedOn !== null) return 'revoked';
  if (c.validUntil < today) return 'expired';
  return daysBetween(today, c.validUntil) <= CONSENT_EXPIRES_SOON_DAYS ? 'expiring' : 'valid';
}

/**
 * The ground a disclosure in this case names, read for the rule; a consent of another case is
 * not found (404 would tell that it exists: the refusal says the consent is not the case's).
 */
export async function loadGround(
  trx: Trx,
  caseId: string,
  ground: DisclosureGround,
): Promise<Ground> {
  if (ground.kind === 'legal') {
    const catalogue = await activeCatalogue(trx);
    return {
      kind: 'legal',
      basis: ground.basis,
      reference: legalReference(catalogue, ground.basis),
      secrecyTest: ground.secrecyTest,
    };
  }
  // Locked: a revocation waits for this disclosure, or this disclosure sees the revocation.
  const row = await consentRows(trx)
    .where('c.id', '=', ground.consentId)
    .where('c.case_id', '=', caseId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!row) {
    throw new AppError('STEP_OUT_OF_ORDER', {
      detail: 'Samtyckesregistret i ärendet har inte det samtycket. Välj ett registrerat samtycke.',
    });
  }
  return { kind: 'consent', consent: toConsent(row) };
}

/**
 * The legal bases a disclosure for this purpose may rest on (consents.ts `legalBasesFor`), as the
 * catalogue in force cites them: what a form offers, and what the server then records.
 */
export async function offeredLegalBases(
  db: Db | Trx,
  purpose: DisclosurePurpose,
): Promise<{ basis: LegalBasis; reference: string }[]> {
  const catalogue = await activeCatalogue(db);
  return legalBasesFor[purpose].map((basis) => ({
    basis,
    reference: legalReference(catalogue, basis),
  }));
}

/** Refuses (409) a disclosure its ground does not cover, with the rule's sentence. */
export function requireCovered(disclosure: Disclosure, ground: Ground): void {
  const coverage = disclosureCovered(disclosure, ground);
  if (!coverage.covered) throw new AppError('STEP_OUT_OF_ORDER', { detail: coverage.reason });
}

/** The record of a disclosure: what, to whom, on which ground, who decided, what it belongs to. */
export async function recordDisclosure(
  trx: Trx,
  ctx: ActionContext,
  input: {
    caseId: string;
    disclosure: Disclosure;
    ground: Ground;
    commissionId?: string;
    meetingId?: string;
    decisionId?: string;
    plan?: { id: string; version: number };
    agencyDisclosureId?: string;
  },
): Promise<string> {
  const { disclosure: d, ground } = input;
  const row = await trx
    .insertInto('disclosure')
    .values({
      person_id: d.personId,
      case_id: input.caseId,
      purpose: d.purpose,
      categories: [...d.categories],
      recipient_kind: d.recipient.kind,
      recipient_id: 'id' in d.recipient ? d.recipient.id : null,
      recipient_name: d.recipient.name,
      consent_id: ground.kind === 'consent' ? ground.consent.id : null,
      legal_basis: ground.kind === 'legal' ? ground.basis : null,
      legal_reference: ground.kind === 'legal' ? ground.reference : null,
      secrecy_test: ground.kind === 'legal' ? ground.secrecyTest : null,
      commission_id: input.commissionId ?? null,
      coordination_meeting_id: input.meetingId ?? null,
      decision_id: input.decisionId ?? null,
      coordinated_plan_id: input.plan?.id ?? null,
      coordinated_plan_version: input.plan?.version ?? null,
      agency_disclosure_id: input.agencyDisclosureId ?? null,
      decided_by: ctx.actor.userId,
      decided_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
