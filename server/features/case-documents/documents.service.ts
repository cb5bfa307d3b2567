import { can } from '../../../core/policy/policy.ts';
import { execute } from '../../command.ts';
import { onCase } from '../../case-kernel/on-case.ts';
import type { ActionContext } from '../../http/action-context.ts';
import type { RenderedDocument } from '../../documents/pdf.ts';
import { outcomeLabels } from '../../../core/domain/decisions.ts';
import { interventionNames } from '../../../core/domain/intervention-catalogue.ts';
import { activeInterventionCatalogue } from '../../case-kernel/intervention-catalogue.ts';
import { conditionLines } from '../../../core/domain/intervention-rules.ts';
import { notifiedHowLabels } from '../../../core/domain/case-labels.ts';
import { sourceLabel } from '../../../core/domain/investigation-template.ts';
import { legalReference } from '../../../core/domain/legal-references.ts';
import type { PersonSummary } from '../../../core/contracts/persons.ts';
import { SECRECY_FOOTER, renderPdf } from '../../documents/pdf.ts';
import type { PdfDocument, PdfSection } from '../../documents/pdf.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { stockholmDate } from '../../time.ts';
import type { CaseRow } from '../../case-kernel/case-access.ts';
import { loadDecisions } from './decisions.service.ts';
import { loadInvestigation } from './investigation.service.ts';
import { activeCatalogue } from '../../case-kernel/legal-catalogue.ts';
import { findPersonSummaries } from '../../case-kernel/persons.repository.ts';
import type { ServiceDeps } from '../../service-deps.ts';

async function header(trx: Trx, row: CaseRow) {
  const person = (await findPersonSummaries(trx, [row.person_id])).get(row.person_id);
  if (!person) throw new AppError('NOT_FOUND');
  return person;
}

function personMeta(person: PersonSummary, row: CaseRow, now: Date) {
  return [
    { label: 'Person', value: `${person.givenName} ${person.familyName}` },
    { label: 'Identitet', value: person.identity?.display ?? 'Inte fastställd' },
    { label: 'Enhet', value: row.unit_name },
    { label: 'Handläggare', value: row.assignee_name ?? 'Inte fördelat' },
    { label: 'Utskriven', value: stockholmDate(now) },
  ];
}

export async function investigationPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  caseId: string,
): Promise<RenderedDocument> {
  const now = ctx.now;
  const doc = await execute(deps, ctx, {
    action: 'document.export',
    ...onCase(ctx, caseId, 'case.read'),
    run: async (trx, { row }) => ({
      result: await investigationDocument(trx, row, now),
      audit: {
        personIds: [row.person_id],
        caseIds: [caseId],
        details: { document: 'investigation' },
      },
    }),
  });
  return { filename: 'utredning.pdf', pdf: await renderPdf(doc) };
}

export async function investigationDocument(
  trx: Trx,
  row: CaseRow,
  now: Date,
): Promise<PdfDocument> {
  const investigation = await loadInvestigation(trx, row, now);
  const subject = await header(trx, row);
  const sections: PdfSection[] = investigation.sections.map((s) => ({
    heading: s.heading,
    level: s.level,
    groupOnly: s.groupOnly,
    paragraphs: s.statements.map((st) => ({
      text: st.text,
      note: `Källa: ${sourceLabel(st.source)}`,
    })),
  }));
  sections.push({
    heading: 'Innehåll enligt HSLF-FS 2022:39',
    level: 2,
    paragraphs: investigation.coverage.map((c) => ({
      text: `${c.label}: ${c.covered ? 'belyst' : 'inte belyst'}`,
    })),
  });
  const pdf: PdfDocument = {
    title: investigation.legalTitle,
    subtitle: investigation.title,
    meta: [
      ...personMeta(subject, row, now),
      { label: 'Utredning inledd', value: stockholmDate(new Date(investigation.openedAt)) },
    ],
    sections,
    footer: SECRECY_FOOTER,
    info: {
      title: investigation.legalTitle,
      author: 'Värn',
      subject: investigation.title,
      creationDate: now,
    },
  };
  return pdf;
}

export async function decisionPdf(
  deps: ServiceDeps,
  ctx: ActionContext,
  decisionId: string,
): Promise<RenderedDocument> {
  const now = ctx.now;
  const doc = await execute(deps, ctx, {
    action: 'document.export',
    load: async (trx) => {
      const head = await trx
        .selectFrom('decision')
        .select(['case_id'])
        .where('id', '=', decisionId)
        .executeTakeFirst();
      if (!head) throw new AppError('NOT_FOUND');
      return onCase(ctx, head.case_id, 'case.read').load(trx, ctx);
    },
    authorize: (actor, facts) => onCase(ctx, facts.row.id, 'case.read').authorize(actor, facts),
    run: async (trx, { row, person }) => ({
      // The place is where the person is: printed only for whoever may see it on screen.
      result: await decisionDocument(
        trx,
        row,
        decisionId,
        now,
        can(ctx.actor, 'person.readProtected', { person, now }).allowed,
      ),
      audit: {
        personIds: [row.person_id],
        caseIds: [row.id],
        details: { document: 'decision' },
      },
    }),
  });
  return { filename: 'beslut.pdf', pdf: await renderPdf(doc) };
}

export async function decisionDocument(
  trx: Trx,
  row: CaseRow,
  decisionId: string,
  now: Date,
  placeVisible: boolean,
): Promise<PdfDocument> {
  const found = (await loadDecisions(trx, row.id, placeVisible)).find((d) => d.id === decisionId);
  if (!found) throw new AppError('NOT_FOUND');
  const subject = await header(trx, row);
  const catalogue = await activeCatalogue(trx);
  // The insats by its name in the insatser catalogue in force.
  const interventionLabels = interventionNames(await activeInterventionCatalogue(trx));
  const d = found.current;
  const sections: PdfSection[] = [
    { heading: 'Ansökan', level: 2, paragraphs: [{ text: d.requested }] },
    {
      heading: 'Beslut',
      level: 2,
      paragraphs: [
        {
          text: `${outcomeLabels[d.outcome]}: ${interventionLabels[d.intervention]}`,
          note: `Beslut enligt ${d.legalBasis}`,
        },
      ],
    },
    ...(d.period
      ? [
          {
            heading: 'Period',
            level: 2 as const,
            paragraphs: [
              {
                text: d.period.to
                  ? `Från och med ${d.period.from} till och med ${d.period.to}`
                  : `Från och med ${d.period.from}, tills vidare`,
              },
            ],
          },
        ]
      : []),
    ...(d.place || d.placeWithheld
      ? [
          {
            heading: 'Plats',
            level: 2 as const,
            paragraphs: [
              d.place
                ? { text: d.place.name, note: 'Utföraren som verkställer beslutet.' }
                : { text: 'Skyddad uppgift: platsen skrivs inte ut av den som inte får se den.' },
            ],
          },
        ]
      : []),
    { heading: 'Motivering', level: 2, paragraphs: [{ text: d.motivation }] },
    // What the rules of the insats asked the beslut to rest on (core/domain/intervention-rules.ts).
    ...conditionLines(d.conditions).map((line) => ({
      heading: line.label,
      level: 2 as const,
      paragraphs: [{ text: line.text }],
    })),
    ...(found.acute
      ? [
          {
            heading: 'Beslut utan föregående kommunicering',
            level: 2 as const,
            paragraphs: [
              {
                text: found.acute.groundReason,
                note: `Beslutet fattades akut, utan att materialet först kommunicerades, enligt ${found.acute.groundReference}. Utredningen följer.`,
              },
            ],
          },
        ]
      : []),
    {
      heading: 'Underrättelse',
      level: 2,
      paragraphs: d.notified
        ? [{ text: `${notifiedHowLabels[d.notified.how]}, ${d.notified.on}` }]
        : [],
    },
  ];
  if (d.appealInstructions) {
    sections.push({
      heading: 'Hur man överklagar',
      level: 2,
      paragraphs: [{ text: d.appealInstructions }],
    });
  }
  if (d.kind !== 'original') {
    sections.push({
      heading: d.kind === 'correction' ? 'Rättelse' : 'Ändring',
      level: 2,
      paragraphs: [
        {
          text: d.changeReason ?? '',
          note: `Enligt ${legalReference(catalogue, d.kind === 'correction' ? 'correction' : 'change')}. Ursprungligt beslut ${found.history[0]?.decidedOn ?? ''}.`,
        },
      ],
    });
  }
  const title = `${found.acute ? 'Akut beslut' : 'Beslut'} – ${interventionLabels[d.intervention]}`;
  const pdf: PdfDocument = {
    title,
    subtitle: `${outcomeLabels[d.outcome]}${d.kind === 'original' ? '' : ` (version ${d.version})`}`,
    meta: [
      ...personMeta(subject, row, now),
      { label: 'Beslutsdatum', value: d.decidedOn },
      { label: 'Beslutsfattare', value: d.decidedBy },
    ],
    sections,
    footer: SECRECY_FOOTER,
    info: { title, author: 'Värn', creationDate: now },
  };
  return pdf;
}
