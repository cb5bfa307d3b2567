import { auditOf } from '../../http/action-context.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { SectionDraft } from '../../../core/contracts/case-documents.ts';
import type { Investigation, Source } from '../../../core/contracts/case-documents.ts';
import {
  coverage,
  investigationTemplates,
  sectionDefinition,
  templateTitles,
} from '../../../core/domain/investigation-template.ts';
import type { Statement } from '../../../core/domain/investigation-template.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { authorizeCase } from '../../case-kernel/case-access.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import {
  deleteDraft,
  discardDraft,
  listDrafts,
  readDraft,
  saveDraft,
} from '../../case-kernel/drafts.ts';
import type { AuthorizeDraft } from '../../case-kernel/drafts.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { stockholmDate } from '../../time.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The utredning of a case: its template's sections, each a series of versions of statements with
 * their sources. Saving a section names the version the writer started from; if someone saved in
 * between, the save is refused (409) and nothing is overwritten.
 */

/** The utredning as written: the latest version of each section, with the template around it. */
export async function loadInvestigation(
  trx: Trx,
  row: CaseRow,
  now: Date,
): Promise<Omit<Investigation, 'abilities'>> {
  const investigation = await trx
    .selectFrom('investigation')
    .select(['template', 'opened_at'])
    .where('case_id', '=', row.id)
    .executeTakeFirst();
  if (!investigation) {
    throw new AppError('STEP_OUT_OF_ORDER', {
      detail: 'Ingen utredning är inledd. Gör förhandsbedömningen och inled en utredning först.',
    });
  }
  const [latest, catalogue, duties] = await Promise.all([
    trx
      .selectFrom('investigation_section_version as v')
      .innerJoin('app_user as u', 'u.id', 'v.recorded_by')
      .distinctOn('v.section')
      .select(['v.section', 'v.version', 'v.statements', 'v.recorded_at', 'u.display_name'])
      .where('v.case_id', '=', row.id)
      .orderBy('v.section')
      .orderBy('v.version', 'desc')
      .execute(),
    activeCatalogue(trx),
    loadDuties(trx, [row], stockholmDate(now)),
  ]);
  const bySection = new Map(latest.map((s) => [s.section, s]));
  const template = investigation.template;
  const statements = new Map<string, Statement[]>(latest.map((s) => [s.section, s.statements]));
  return {
    caseId: row.id,
    template,
    title: templateTitles[template],
    legalTitle: `Utredning enligt ${legalReference(catalogue, 'investigationDuty')}`,
    openedAt: investigation.opened_at.toISOString(),
    sections: investigationTemplates[template].map((def) => {
      const saved = bySection.get(def.key);
      return {
        key: def.key,
        heading: def.heading,
        level: def.level,
        groupOnly: def.groupOnly === true,
        guidance: def.guidance ?? null,
        version: saved?.version ?? 0,
        statements: saved?.statements ?? [],
        recordedBy: saved?.display_name ?? null,
        recordedAt: saved?.recorded_at.toISOString() ?? null,
      };
    }),
    coverage: coverage(template, statements, (duties.get(row.id) ?? []).length > 0),
  };
}

export async function getInvestigation(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<Investigation> {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.read', now);
    const investigation = await loadInvestigation(trx, row, now);
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'investigation.read',
      personIds: [row.person_id],
      caseIds: [caseId],
      purpose: decision.via,
      emergency: decision.via === 'emergency_access',
    });
    const mayWrite = decision.via === 'assigned' || decision.via === 'intake_queue';
    return { ...investigation, abilities: { write: mayWrite && row.status === 'open' } };
  });
}

const UNIQUE_VIOLATION = '23505';

export async function saveInvestigationSection(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
  body: { version: number; statements: { text: string; source: Source }[] },
) {
  const actor = ctx.actor;
  const now = ctx.now;
  return deps.db.transaction().execute(async (trx) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.work', now);
    const investigation = await trx
      .selectFrom('investigation')
      .select(['template', 'closed_at'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!investigation) {
      throw new AppError('STEP_OUT_OF_ORDER', {
        detail: 'Ingen utredning är inledd. Gör förhandsbedömningen och inled en utredning först.',
      });
    }
    if (investigation.closed_at) {
      throw new AppError('STEP_OUT_OF_ORDER', {
        detail: 'Utredningen är avslutad med beslut och kan inte ändras.',
      });
    }
    const def = sectionDefinition(investigation.template, section);
    if (!def || def.groupOnly) {
      throw new AppError('VALIDATION', {
        fields: [{ path: 'params.section', message: 'Avsnittet finns inte i utredningsmallen.' }],
      });
    }
    const current = await trx
      .selectFrom('investigation_section_version')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('case_id', '=', caseId)
      .where('section', '=', section)
      .executeTakeFirst();
    // Refused: the transaction rolls back and the writer's draft of the section stays.
    if ((current?.version ?? 0) !== body.version) throw new AppError('VERSION_CONFLICT');
    const statements: Statement[] = body.statements.map((s) => ({
      text: s.text,
      source: { kind: s.source.kind, detail: s.source.detail || null },
    }));
    try {
      await trx
        .insertInto('investigation_section_version')
        .values({
          case_id: caseId,
          section,
          version: body.version + 1,
          statements: JSON.stringify(statements),
          recorded_by: actor.userId,
          recorded_at: now,
        })
        .execute();
    } catch (error) {
      // Two saves from the same version: the primary key lets only the first one in.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('VERSION_CONFLICT', { cause: error });
      }
      throw error;
    }
    await deleteDraft(trx, actor.userId, { caseId, kind: 'investigation_section', key: section });
    await recordAudit(trx, auditOf(ctx, decision), {
      action: 'investigation.write',
      personIds: [row.person_id],
      caseIds: [caseId],
      purpose: decision.via,
      details: { caseId, section, version: body.version + 1 },
    });
    return { section, version: body.version + 1 };
  });
}

/**
 * A section's draft is authorized like writing the section: case.work on the case. Whether the
 * section exists in the template is checked when it is saved; a draft names it only by its key.
 */
const caseWork =
  (caseId: string): AuthorizeDraft =>
  async (trx, actor, now) => {
    const { row, decision } = await authorizeCase(trx, actor, caseId, 'case.work', now);
    return { caseId, personIds: [row.person_id], decision };
  };

export function saveSectionDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
  draft: SectionDraft,
) {
  return saveDraft(
    deps,
    ctx,
    { kind: 'investigation_section', key: section },
    caseWork(caseId),
    draft,
  );
}

export function getSectionDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
) {
  return readDraft(
    deps,
    ctx,
    { kind: 'investigation_section', key: section },
    caseWork(caseId),
    SectionDraft,
  );
}

export function discardSectionDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
) {
  return discardDraft(deps, ctx, { kind: 'investigation_section', key: section }, caseWork(caseId));
}

export async function listSectionDrafts(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  const drafts = await listDrafts(
    deps,
    ctx,
    'investigation_section',
    caseWork(caseId),
    SectionDraft,
  );
  return { items: drafts.map((d) => ({ section: d.key, draft: d.draft, savedAt: d.savedAt })) };
}
