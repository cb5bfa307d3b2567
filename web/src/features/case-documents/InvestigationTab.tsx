import { BodyLong, BodyShort, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { CheckmarkCircleIcon, ExclamationmarkTriangleIcon, FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getInvestigation,
  investigationPdfPath,
} from '../../../../core/contracts/case-documents.ts';
import type { Investigation } from '../../../../core/contracts/case-documents.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { investigationKey } from './keys.ts';
import { SectionEditor } from './SectionEditor.tsx';

/**
 * The utredning: the template's headings (Bilaga 2 or 3), each section's statements with their
 * sources, saved one section at a time, and what HSLF-FS 2022:39 asks it to cover.
 */
export function InvestigationTab({ detail }: { detail: CaseDetail }) {
  const queryClient = useQueryClient();
  const investigation = useQuery({
    queryKey: investigationKey(detail.id),
    queryFn: () => call(getInvestigation, { params: { caseId: detail.id } }),
  });
  if (investigation.isPending) return <Loading label="Hämtar utredningen…" />;
  if (investigation.isError) return <ApiErrorAlert error={investigation.error} />;
  const data = investigation.data;
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: investigationKey(detail.id) });
    return queryClient.getQueryData<Investigation>(investigationKey(detail.id));
  };

  return (
    <VStack gap="space-40">
      <VStack gap="space-8">
        <Heading level="2" size="large">
          {data.title}
        </Heading>
        <BodyShort>
          {data.legalTitle}. Inledd {formatDate(data.openedAt)}.
        </BodyShort>
        <div>
          <Link href={buildPath(investigationPdfPath, { caseId: detail.id })} target="_blank">
            <FilePdfIcon aria-hidden />
            Skriv ut utredning (PDF)
            <span className="visually-hidden"> (öppnas i en ny flik)</span>
          </Link>
        </div>
      </VStack>
      <Coverage coverage={data.coverage} />
      <div className="investigation-sections">
        {data.sections.map((section, index) => {
          // A heading under a main heading is one level below it; before the first, beside it.
          const underMain = data.sections.slice(0, index).some((s) => s.level === 1);
          const level = section.level === 1 ? '3' : underMain ? '4' : '3';
          return (
            <SectionEditor
              key={section.key}
              caseId={detail.id}
              section={section}
              headingLevel={level}
              canWrite={data.abilities.write}
              reload={reload}
            />
          );
        })}
      </div>
    </VStack>
  );
}

/** The content asked for, each point covered or not — said in words and by an icon. */
function Coverage({ coverage }: { coverage: Investigation['coverage'] }) {
  const covered = coverage.filter((c) => c.covered).length;
  return (
    <section aria-labelledby="tackning-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="tackning-rubrik">
          Innehåll som utredningen ska täcka
        </Heading>
        <BodyLong size="small">
          Enligt HSLF-FS 2022:39 och stadens riktlinjer. {covered} av {coverage.length} punkter är
          täckta. En punkt är täckt när minst ett av dess avsnitt har en uppgift.
        </BodyLong>
        <ul className="coverage-list">
          {coverage.map((item) => (
            <li key={item.key}>
              <HStack gap="space-8" align="center" wrap={false}>
                {item.covered ? (
                  <CheckmarkCircleIcon aria-hidden className="coverage-icon covered" />
                ) : (
                  <ExclamationmarkTriangleIcon aria-hidden className="coverage-icon missing" />
                )}
                <BodyShort>
                  {item.label}: <strong>{item.covered ? 'Täckt' : 'Inte täckt än'}</strong>
                </BodyShort>
              </HStack>
            </li>
          ))}
        </ul>
      </VStack>
    </section>
  );
}
