import { sql } from 'kysely';
import { correctRelation, statusChangeProblem } from '../../core/domain/counterpart-records.ts';
import type { Problem } from '../../core/domain/counterpart-records.ts';
import type { RecordStatus } from '../../core/domain/counterparts.ts';
import type { RelationKindView, ViolenceView } from '../../core/domain/relations.ts';
import type { Db, Trx } from '../db/database.ts';
import { isUniqueViolation, appendVersion } from '../db/versions.ts';
import { AppError } from '../errors.ts';

type Reader = Db | Trx;

/**
 * The one place a relation between two persons in Värn changes after it was recorded. Each
 * change is the next version in person_relation_version (the first is written with the relation,
 * by trigger), and person_relation is updated to that state — what the rules read — with its
 * `version` the history's latest. Nothing is erased: ended and wrongly recorded relations stay,
 * with who changed them, when and why.
 */

export type RelationChange =
  | {
      change: 'correction';
      /** As the file of `viewerPersonId` shows it. */
      kind: RelationKindView;
      violence: ViolenceView;
      guardian: boolean;
      reason: string;
      version: number;
    }
  | {
      change: 'status';
      status: Exclude<RecordStatus, 'current'>;
      reason: string;
      version: number;
    };

/** The relation's two ends, when it involves `personId`; for the policy's facts. */
export async function relationEnds(db: Reader, relationId: string, personId: string) {
  const row = await db
    .selectFrom('person_relation')
    .select(['person_id', 'related_person_id'])
    .where('id', '=', relationId)
    .executeTakeFirst();
  if (!row || (row.person_id !== personId && row.related_person_id !== personId)) return undefined;
  return {
    personId: row.person_id,
    relatedPersonId: row.related_person_id,
    otherPersonId: row.person_id === personId ? row.related_person_id : row.person_id,
  };
}

const invalid = (problems: readonly Problem[]) =>
  new AppError('VALIDATION', {
    fields: problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
  });

export async function changeRelation(
  trx: Trx,
  at: { relationId: string; viewerPersonId: string; recordedBy: string; now: Date },
  change: RelationChange,
): Promise<{ version: number; status: RecordStatus }> {
  // Locked: two changes to one relation are decided one after the other.
  const current = await trx
    .selectFrom('person_relation')
    .select(['person_id', 'related_person_id', 'kind', 'violence', 'guardian', 'status'])
    .where('id', '=', at.relationId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  const latest = await trx
    .selectFrom('person_relation_version')
    .select(sql<number | null>`max(version)`.as('version'))
    .where('relation_id', '=', at.relationId)
    .executeTakeFirstOrThrow();
  let next = {
    kind: current.kind,
    violence: current.violence,
    guardian: current.guardian,
    status: current.status,
  };
  if (change.change === 'correction') {
    const corrected = correctRelation(current, current.person_id === at.viewerPersonId, change);
    if (!corrected.ok) throw invalid(corrected.problems);
    next = { ...corrected.next, status: 'current' };
  } else {
    const problem = statusChangeProblem(current.status, change.status);
    if (problem) throw new AppError('STEP_OUT_OF_ORDER', { detail: problem });
    next = { ...next, status: change.status };
  }
  const version = await appendVersion(latest.version ?? 1, change.version, (v) =>
    trx
      .insertInto('person_relation_version')
      .values({
        relation_id: at.relationId,
        version: v,
        ...next,
        change_reason: change.reason,
        recorded_by: at.recordedBy,
        recorded_at: at.now,
      })
      .execute(),
  );
  try {
    await trx
      .updateTable('person_relation')
      .set({ ...next, version })
      .where('id', '=', at.relationId)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw invalid([
        {
          field: 'kind',
          message:
            'Det finns redan en sådan relation mellan personerna. Rätta den i stället, eller avsluta den här.',
        },
      ]);
    }
    throw error;
  }
  return { version, status: next.status };
}

/** Every version of these relations, oldest first, with who recorded each. */
export async function loadRelationHistory(db: Reader, relationIds: readonly string[]) {
  if (relationIds.length === 0) return [];
  return db
    .selectFrom('person_relation_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.recorded_by')
    .select([
      'v.relation_id',
      'v.version',
      'v.kind',
      'v.violence',
      'v.guardian',
      'v.status',
      'v.change_reason',
      'v.recorded_by',
      'v.recorded_at',
      'u.display_name',
    ])
    .where('v.relation_id', 'in', [...new Set(relationIds)])
    .orderBy('v.relation_id')
    .orderBy('v.version')
    .execute();
}
