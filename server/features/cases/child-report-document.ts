import { execute } from '../../command.ts';
import type { ActionContext } from '../../http/action-context.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, RenderedDocument } from '../../documents/pdf.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import { formatAge, formatStatedAge } from '../../../core/domain/birth-date.ts';
import { AppError } from '../../errors.ts';
import { stockholmDate } from '../../time.ts';
import { loadEvents } from '../../case-kernel/case-access.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { loadHousehold } from '../../case-kernel/household.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import { findPersonSummaries } from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';

/**
 * The orosanmälan as a document, printed from the adult's case: what was reported, about which
 * children, from whom (the unit and the handläggare who registered it), to which unit, and when.
 * A report registered for siblings together is one document: the children whose reports were
 * recorded in the same act, with the same text. Read with the case ('case.read'); a child the
 * reader may not see by name is printed masked, as on the case page. Audited as an export.
 */
export async function childReportPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
  childCaseId: string,
): Promise<RenderedDocument> {
  const { now } = ctx;
  const doc = await execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row, person }) => {
      const reports = (await loadEvents(trx, caseId)).flatMap((e) =>
        e.type === 'child_report_registered' ? [e] : [],
      );
      const chosen = reports.find((e) => e.payload.childCaseId === childCaseId);
      if (!chosen) throw new AppError('NOT_FOUND');
      const together = reports.filter(
        (e) =>
          e.recorded_at.getTime() === chosen.recorded_at.getTime() &&
          e.payload.content === chosen.payload.content &&
          e.payload.childrenUnitId === chosen.payload.childrenUnitId,
      );
      const household = await loadHousehold(trx, ctx.actor, row, person, ctx.today, now);
      const childIds = together.map((e) => e.payload.childPersonId);
      const [summaries, subject, unit, catalogue] = await Promise.all([
        findPersonSummaries(trx, [...childIds, row.person_id]),
        trx
          .selectFrom('person')
          .select(['given_name', 'family_name'])
          .where('id', '=', row.person_id)
          .executeTakeFirstOrThrow(),
        trx
          .selectFrom('unit')
          .select('name')
          .where('id', '=', chosen.payload.childrenUnitId)
          .executeTakeFirstOrThrow(),
        activeCatalogue(trx),
      ]);
      const childLines = childIds.map((id) => {
        const child = summaries.get(id);
        if (!child || !household.visible.has(id)) {
          return { text: 'Barn med skyddade personuppgifter', note: 'Namnet skrivs inte ut.' };
        }
        const duty = household.duties.find((d) => d.childPersonId === id);
        const age = duty?.birthDate
          ? formatAge(duty.birthDate, ctx.today)
          : duty?.statedAge
            ? formatStatedAge(duty.statedAge.age, duty.statedAge.on, ctx.today)
            : null;
        return {
          text: `${child.givenName} ${child.familyName}`,
          note: [child.identity?.display, age ? `Ålder: ${age}` : null].filter(Boolean).join(' · '),
        };
      });
      const reference = legalReference(catalogue, 'childConcernReport');
      const title = 'Orosanmälan';
      const pdf: PdfDocument = {
        title,
        subtitle: `Anmälan enligt ${reference} om barn som kan behöva skydd eller stöd`,
        meta: [
          { label: 'Till', value: unit.name },
          { label: 'Från', value: `Socialtjänsten, ${row.unit_name}` },
          { label: 'Anmälare', value: chosen.recorded_by_name ?? 'Okänd handläggare' },
          { label: 'Registrerad', value: chosen.payload.reportedOn },
          { label: 'Utskriven', value: stockholmDate(now) },
        ],
        sections: [
          {
            heading:
              together.length === 1 ? 'Barnet som anmälan gäller' : 'Barnen som anmälan gäller',
            level: 2,
            paragraphs: childLines,
          },
          {
            heading: 'Vad som anmäls',
            level: 2,
            paragraphs: [{ text: chosen.payload.content }],
          },
          {
            heading: 'Bakgrund',
            level: 2,
            paragraphs: [
              {
                text: `Anmälan görs i ärendet om ${subject.given_name} ${subject.family_name} (${row.unit_name}). Barn som har upplevt våld mellan vuxna i hemmet ska anmälas till socialnämnden, oavsett vad den vuxna vill.`,
              },
            ],
          },
        ],
        footer: SECRECY_FOOTER,
        info: { title, author: 'Värn', subject: reference, creationDate: now },
      };
      return {
        result: pdf,
        audit: {
          personIds: [row.person_id, ...childIds],
          caseIds: [caseId],
          details: { document: 'child_report', childCaseId },
        },
      };
    },
  });
  return { filename: 'orosanmalan.pdf', pdf: await renderPdf(doc) };
}
