import { BodyShort, Heading, Link, VStack } from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { buildPath } from '../../../../core/contracts/contract.ts';
import { transferDocumentPdfPath } from '../../../../core/contracts/transfers.ts';
import type { getTransferImport } from '../../../../core/contracts/transfers.ts';
import type { ResponseOf } from '../../../../core/contracts/contract.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';
import { interventionLabels, outcomeLabels } from '../../app/labels.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';

/** A code of the sender's Värn in Swedish words, or the words it sent as they are. */
const label = (labels: Record<string, string>, code: string) => labels[code] ?? code;

type TransferImport = NonNullable<ResponseOf<typeof getTransferImport>['import']>;

/**
 * On a case that came here in a package: from which municipality, unit and handläggare, on what
 * grounds, the risk and the decisions there, and the documents that came with it, each a PDF.
 */
export function TransferImportSection({
  caseId,
  imported: i,
}: {
  caseId: string;
  imported: TransferImport;
}) {
  const headingId = 'overflyttat-hit-rubrik';
  return (
    <section aria-labelledby={headingId} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId}>
          Överflyttat hit från {i.fromMunicipality}
        </Heading>
        <dl className="facts">
          <dt>Från enhet</dt>
          <dd>{i.fromUnit}</dd>
          <dt>Handläggare där</dt>
          <dd>{i.fromHandlaggare}</dd>
          <dt>Lagrum</dt>
          <dd>{i.legalBasis}</dd>
          <dt>Personens anknytning</dt>
          <dd className="preserve-lines">{i.grounds}</dd>
          <dt>Personens önskemål</dt>
          <dd className="preserve-lines">{i.wishes}</dd>
          <dt>Hjälpbehovets varaktighet</dt>
          <dd className="preserve-lines">{i.duration}</dd>
          <dt>Senaste riskbedömning</dt>
          <dd>
            {i.risk
              ? `${label(riskLevelLabels, i.risk.level)}, bedömd ${formatDate(i.risk.assessedOn)} med ${i.risk.instrument}`
              : 'Ingen strukturerad riskbedömning kom med'}
          </dd>
          <dt>Inläst</dt>
          <dd>
            {formatDateTime(i.importedAt)} av {i.importedBy.displayName}
          </dd>
        </dl>
        <VStack gap="space-8">
          <Heading level="4" size="small" id={`${headingId}-beslut`}>
            Beslut i den andra kommunen
          </Heading>
          {i.decisions.length === 0 ? (
            <BodyShort textColor="subtle">Inga beslut kom med.</BodyShort>
          ) : (
            <ul className="plain-list" aria-labelledby={`${headingId}-beslut`}>
              {i.decisions.map((d, n) => (
                <li key={n}>
                  {label(interventionLabels, d.intervention)}: {label(outcomeLabels, d.outcome)},
                  beslutat {formatDate(d.decidedOn)}
                  {d.from ? `, från ${formatDate(d.from)}` : ''}
                  {d.to ? ` till ${formatDate(d.to)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </VStack>
        <VStack gap="space-8">
          <Heading level="4" size="small" id={`${headingId}-dokument`}>
            Dokument som kom med
          </Heading>
          {i.documents.length === 0 ? (
            <BodyShort textColor="subtle">Inga dokument kom med.</BodyShort>
          ) : (
            <ul className="document-list" aria-labelledby={`${headingId}-dokument`}>
              {i.documents.map((d) => (
                <li key={d.id}>
                  <Link
                    href={buildPath(transferDocumentPdfPath, { caseId, documentId: d.id })}
                    target="_blank"
                  >
                    <FilePdfIcon aria-hidden />
                    {d.title} ({d.filename})
                    <span className="visually-hidden"> (öppnas i en ny flik)</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </VStack>
      </VStack>
    </section>
  );
}
