import { disclosureCovered } from '../../core/domain/consents.ts';
import type { Consent, Coverage, Disclosure, Ground } from '../../core/domain/consents.ts';
import type { Trx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ActionContext } from '../http/action-context.ts';
import type { LoadedCase } from './case-access.ts';
import { consentRows, toConsent } from './disclosures.ts';
import { knownRelatedPersonIds } from './related-files.ts';

/**
 * Partnerkontakt (docs/consents.md): a beslut in the victim's case rests on the perpetrator's
 * consent, which his handläggare records in his case's register — to her unit, for
 * partnerkontakt, sharing his participation in treatment. Her side may know of such a consent
 * only where it may know that his file exists (core/policy/rules/family.ts, relatedFile.know),
 * and then of its id and dates only: nothing else of his file reaches her case.
 */

/** What a partnerkontakt discloses of him: his participation in treatment. */
const disclosed = ['treatment'] as const;

/**
 * His consents to the case's unit for partnerkontakt, of the persons around the case whose file
 * the reader may know of; `lock` for a beslut that rests on one (a revocation waits for it, or
 * it sees the revocation).
 */
async function consentsToTheUnit(
  trx: Trx,
  ctx: ActionContext,
  loaded: LoadedCase,
  only?: { consentId: string; lock: true },
) {
  const known = await knownRelatedPersonIds(trx, ctx, loaded);
  if (known.length === 0) return [];
  let query = consentRows(trx)
    .where('c.recipient_kind', '=', 'unit')
    .where('c.recipient_unit_id', '=', loaded.row.unit_id)
    .where('c.person_id', 'in', known);
  if (only) query = query.where('c.id', '=', only.consentId).forUpdate('c');
  const rows = await query.orderBy('c.given_on', 'desc').orderBy('c.id').execute();
  return rows.filter((r) => r.purposes.includes('partner_contact'));
}

/** The consents a partnerkontakt in the case may be decided on today: valid and not revoked. */
export async function offeredPartnerContactConsents(
  trx: Trx,
  ctx: ActionContext,
  loaded: LoadedCase,
): Promise<{ consent: Consent; caseId: string }[]> {
  const rows = await consentsToTheUnit(trx, ctx, loaded);
  return rows
    .filter((r) => r.revoked_on === null && r.given_on <= ctx.today && ctx.today <= r.valid_until)
    .map((r) => ({ consent: toConsent(r), caseId: r.case_id }));
}

/**
 * The disclosure a partnerkontakt beslut in the case makes on the consent it names, with the
 * one rule's answer (core/domain/consents.ts disclosureCovered): revoked, not valid on the day
 * of the beslut, another purpose or another unit does not cover it. A consent the decider may
 * not know of is refused (409) without a word of what it is.
 */
export async function partnerContactDisclosure(
  trx: Trx,
  ctx: ActionContext,
  loaded: LoadedCase,
  input: { consentId: string; decidedOn: string },
): Promise<{
  caseId: string;
  disclosure: Disclosure;
  ground: { kind: 'consent'; consent: Consent };
  coverage: Coverage;
}> {
  const [row] = await consentsToTheUnit(trx, ctx, loaded, {
    consentId: input.consentId,
    lock: true,
  });
  if (!row) {
    throw new AppError('STEP_OUT_OF_ORDER', {
      detail:
        'Samtycket finns inte bland våldsutövarens samtycken till partnerkontakt med enheten. Välj ett av de samtycken som erbjuds.',
    });
  }
  const disclosure: Disclosure = {
    personId: row.person_id,
    categories: disclosed,
    recipient: { kind: 'unit', id: loaded.row.unit_id, name: loaded.row.unit_name },
    purpose: 'partner_contact',
    on: input.decidedOn,
  };
  const ground = { kind: 'consent' as const, consent: toConsent(row) } satisfies Ground;
  return {
    caseId: row.case_id,
    disclosure,
    ground,
    coverage: disclosureCovered(disclosure, ground),
  };
}
