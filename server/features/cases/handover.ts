import { ageOn } from '../../../core/domain/birth-date.ts';
import { dayUnitFor, handoverOn } from '../../../core/domain/handover.ts';
import { birthDateOfNormalized } from '../../../core/domain/personal-identity.ts';
import type { HandoverRules, HandoverTargetGroup } from '../../../core/domain/handover.ts';
import type { CaseEventRecord } from '../../../core/domain/case-events.ts';
import type { Actor } from '../../../core/policy/policy.ts';
import type { Db, Trx } from '../../db/database.ts';
import { stockholmDate } from '../../time.ts';

/**
 * Socialjour's handover at intake (core/domain/handover.ts decides where and when): the
 * municipality's rules as the administrator keeps them, and the event that plans it.
 */

/** The rules in force; null when the municipality has set none (nothing is then planned). */
export async function loadHandoverRules(db: Db | Trx): Promise<HandoverRules | null> {
  const setting = await db
    .selectFrom('handover_setting')
    .select(['default_unit_id', 'child_unit_id', 'night_starts_hour', 'night_ends_hour'])
    .executeTakeFirst();
  if (!setting) return null;
  const rules = await db
    .selectFrom('handover_rule')
    .select(['target_group', 'unit_id'])
    .orderBy('target_group')
    .execute();
  return {
    rules: rules.map((r) => ({ targetGroup: r.target_group, unitId: r.unit_id })),
    defaultUnitId: setting.default_unit_id,
    childUnitId: setting.child_unit_id,
    nightStartsHour: setting.night_starts_hour,
    nightEndsHour: setting.night_ends_hour,
  };
}

/**
 * The planned handover of a matter registered in `unitId`, when that is socialjour registering
 * in its own unit; otherwise none. `birthDate` is the person's, when a personnummer gives it.
 */
export async function plannedHandover(
  trx: Trx,
  actor: Actor,
  matter: {
    unitId: string;
    targetGroup: HandoverTargetGroup;
    receivedAt: Date;
    birthDate: string | null;
  },
): Promise<CaseEventRecord | null> {
  const bySocialjour = actor.grants.some(
    (g) => g.role === 'out_of_hours' && g.unitId === matter.unitId,
  );
  if (!bySocialjour) return null;
  const unit = await trx
    .selectFrom('unit')
    .select('kind')
    .where('id', '=', matter.unitId)
    .executeTakeFirst();
  if (unit?.kind !== 'out_of_hours') return null;
  const rules = await loadHandoverRules(trx);
  if (!rules) return null;
  const receivedOn = stockholmDate(matter.receivedAt);
  const toUnitId = dayUnitFor(
    {
      targetGroup: matter.targetGroup,
      age: matter.birthDate ? ageOn(matter.birthDate, receivedOn) : null,
    },
    rules,
  );
  return {
    type: 'handover_planned',
    payload: { toUnitId, on: handoverOn(matter.receivedAt, rules) },
  };
}

/** Birth date of a stored person's personnummer or samordningsnummer (YYYYMMDDNNNN). */
export async function storedBirthDate(trx: Trx, personId: string): Promise<string | null> {
  const person = await trx
    .selectFrom('person')
    .select(['identity_kind', 'identity_number'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person?.identity_number || !person.identity_kind) return null;
  if (person.identity_kind === 'reservnummer') return null;
  return birthDateOfNormalized(person.identity_number, person.identity_kind);
}
