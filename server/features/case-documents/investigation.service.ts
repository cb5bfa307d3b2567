import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { appendVersion } from '../../db/versions.ts';
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
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { CaseRow, LoadedCase } from '../../case-kernel/case-access.ts';
import { loadDuties } from '../../case-kernel/child-duties.ts';
import {
  deleteDraft,
  discardDraft,
  listDrafts,
  readDraft,
  saveDraft,
} from '../../case-kernel/drafts.ts';
import type { DraftAuthorizer } from '../../case-kernel/drafts.ts';
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

export function getInvestigation(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<Investigation> {
  return execute(deps, ctx, {
    action: 'investigation.read',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }, allowed) => {
      const investigation = await loadInvestigation(trx, row, ctx.now);
      const mayWrite = allowed.via === 'assigned' || allowed.via === 'intake_queue';
      return {
        result: { ...investigation, abilities: { write: mayWrite && row.status === 'open' } },
        audit: { personIds: [row.person_id], caseIds: [caseId] },
      };
    },
  });
}

export function saveInvestigationSection(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
  body: { version: number; statements: { text: string; source: Source }[] },
) {
  return execute(deps, ctx, {
    action: 'investigation.write',
    ...onCase(ctx, caseId),
    run: async (trx, { row }) => {
      const investigation = await trx
        .selectFrom('investigation')
        .select(['template', 'closed_at'])
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      if (!investigation) {
        throw new AppError('STEP_OUT_OF_ORDER', {
          detail:
            'Ingen utredning är inledd. Gör förhandsbedömningen och inled en utredning först.',
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
      const statements: Statement[] = body.statements.map((s) => ({
        text: s.text,
        source: { kind: s.source.kind, detail: s.source.detail || null },
      }));
      // Refused (a stale version, or a save from the same version got in first): the
      // transaction rolls back and the writer's draft of the section stays.
      const version = await appendVersion(current?.version ?? 0, body.version, (next) =>
        trx
          .insertInto('investigation_section_version')
          .values({
            case_id: caseId,
            section,
            version: next,
            statements: JSON.stringify(statements),
            recorded_by: ctx.actor.userId,
            recorded_at: ctx.now,
          })
          .execute(),
      );
      await deleteDraft(trx, ctx.actor.userId, {
        caseId,
        kind: 'investigation_section',
        key: section,
      });
      return {
        result: { section, version },
        audit: {
          personIds: [row.person_id],
          caseIds: [caseId],
          details: { caseId, section, version },
        },
      };
    },
  });
}

/**
 * A section's draft is authorized like writing the section: case.work on the case. Whether the
 * section exists in the template is checked when it is saved; a draft names it only by its key.
 */
const caseWork = (ctx: ActionContext, caseId: string): DraftAuthorizer<LoadedCase> => ({
  ...onCase(ctx, caseId),
  subject: ({ row }) => ({ caseId, personIds: [row.person_id] }),
});

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
    caseWork(ctx, caseId),
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
    caseWork(ctx, caseId),
    SectionDraft,
  );
}

export function discardSectionDraft(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  section: string,
) {
  return discardDraft(
    deps,
    ctx,
    { kind: 'investigation_section', key: section },
    caseWork(ctx, caseId),
  );
}

export async function listSectionDrafts(deps: ServiceDeps, ctx: ActionContext, caseId: string) {
  const drafts = await listDrafts(
    deps,
    ctx,
    'investigation_section',
    caseWork(ctx, caseId),
    SectionDraft,
  );
  return { items: drafts.map((d) => ({ section: d.key, draft: d.draft, savedAt: d.savedAt })) };
}
