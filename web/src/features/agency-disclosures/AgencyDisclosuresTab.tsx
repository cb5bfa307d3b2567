import { useEffect, useRef, useState } from 'react';
import { BodyLong, BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import type {
  AgencyDisclosure,
  CaseAgencyDisclosures,
} from '../../../../core/contracts/agency-disclosures.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import type { Consent } from '../../../../core/contracts/consents.ts';
import { disclosureWayLabels } from '../../../../core/domain/agency-disclosures.ts';
import { informationCategoryLabels } from '../../../../core/domain/consents.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { consentsQuery, consentTitle } from '../consents/ConsentsTab.tsx';
import { AgencyDisclosureForm } from './AgencyDisclosureForm.tsx';
import { agencyDisclosuresQuery, agencyName, riskAssessmentName } from './agency-disclosures.ts';
import { CrimeReportSection } from './CrimeReportSection.tsx';

/**
 * The case's tab "Polis och myndigheter": the adult's own decision about reporting the violence
 * to the police, as it stands and as it was; every utlämnande to the police, a prosecutor or
 * another agency, with what was told, to whom, how, on which ground and who decided; and, for
 * whoever works the case, the forms that record her decision and a new utlämnande.
 */
export function AgencyDisclosuresTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(agencyDisclosuresQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar utlämnandena…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const data = query.data;
  const mayWrite = data.canWrite;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Polis och myndigheter
        </Heading>
        <BodyLong>
          Det socialtjänsten har lämnat ut till polisen, åklagare och andra myndigheter, och vad
          personen själv har bestämt om att polisanmäla. Uppgifter lämnas ut med personens samtycke
          eller med stöd av lag efter en sekretessprövning, och riskbedömningen delas på samma sätt.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      <CrimeReportSection caseId={detail.id} decisions={data.crimeReport} mayWrite={mayWrite} />
      <DisclosureList caseId={detail.id} disclosures={data.disclosures} />
      {mayWrite ? (
        <NewDisclosure
          caseId={detail.id}
          riskAssessments={data.riskAssessments ?? []}
          legalBases={data.legalBases}
          onDone={setAnnouncement}
        />
      ) : null}
    </VStack>
  );
}

function NewDisclosure({
  caseId,
  riskAssessments,
  legalBases,
  onDone,
}: {
  caseId: string;
  riskAssessments: NonNullable<CaseAgencyDisclosures['riskAssessments']>;
  legalBases: CaseAgencyDisclosures['legalBases'];
  onDone: (message: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  // Back from the form, focus goes to the button that opened it.
  useEffect(() => {
    if (open || !closed.current) return;
    closed.current = false;
    buttonRef.current?.focus();
  }, [open]);
  const close = () => {
    closed.current = true;
    setOpen(false);
  };
  if (!open) {
    return (
      <div>
        <Button
          ref={buttonRef}
          type="button"
          onClick={() => {
            onDone(null);
            setOpen(true);
          }}
        >
          Nytt utlämnande
        </Button>
      </div>
    );
  }
  return (
    <AgencyDisclosureForm
      caseId={caseId}
      riskAssessments={riskAssessments}
      legalBases={legalBases}
      onCancel={close}
      onDone={(message) => {
        close();
        onDone(message);
      }}
    />
  );
}

function groundText(d: AgencyDisclosure, consents: readonly Consent[] | undefined) {
  if (d.ground.consentId !== null) {
    const consent = consents?.find((c) => c.id === d.ground.consentId);
    return consent ? `Samtycke ${consentTitle(consent)}` : 'Samtycke';
  }
  return `Lagstöd: ${d.ground.legalReference ?? ''}`;
}

const disclosureTitle = (d: AgencyDisclosure) =>
  `Utlämnande till ${d.agency.name} ${formatDate(d.disclosedOn)}`;

function DisclosureList({
  caseId,
  disclosures,
}: {
  caseId: string;
  disclosures: readonly AgencyDisclosure[];
}) {
  // The consents name the ground of those that rest on one.
  const consents = useQuery({ ...consentsQuery(caseId), enabled: disclosures.length > 0 });
  const headingId = 'myndighetsutlamnanden-rubrik';
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId}>
          Utlämnanden till polis och andra myndigheter
        </Heading>
        {disclosures.length === 0 ? (
          <BodyShort textColor="subtle">
            Inga uppgifter har lämnats ut till polis eller andra myndigheter i ärendet.
          </BodyShort>
        ) : (
          <ul className="counterpart-list" aria-labelledby={headingId}>
            {disclosures.map((d) => (
              <li key={d.id}>
                <article aria-labelledby={`utlamnande-${d.id}`} className="counterpart">
                  <VStack gap="space-8">
                    <Heading level="4" size="small" id={`utlamnande-${d.id}`}>
                      {disclosureTitle(d)}
                    </Heading>
                    <dl className="facts">
                      <dt>Myndighet</dt>
                      <dd>{agencyName(d.agency)}</dd>
                      <dt>Mottagare hos myndigheten</dt>
                      <dd>{d.receivedBy ?? 'Inte angiven'}</dd>
                      <dt>Utlämnat</dt>
                      <dd>
                        {formatDate(d.disclosedOn)}, {disclosureWayLabels[d.way].toLowerCase()}
                      </dd>
                      <dt>Uppgifter</dt>
                      <dd>{d.categories.map((k) => informationCategoryLabels[k]).join(', ')}</dd>
                      <dt>Vad som lämnades ut</dt>
                      <dd className="preserve-lines">{d.what}</dd>
                      <dt>Riskbedömning</dt>
                      <dd>
                        {d.riskAssessment ? riskAssessmentName(d.riskAssessment) : 'Ingen delades'}
                      </dd>
                      <dt>Stöd</dt>
                      <dd>{groundText(d, consents.data?.consents)}</dd>
                      {d.ground.secrecyTest ? (
                        <>
                          <dt>Sekretessprövning</dt>
                          <dd className="preserve-lines">{d.ground.secrecyTest}</dd>
                        </>
                      ) : null}
                      <dt>Beslutat</dt>
                      <dd>
                        {formatDateTime(d.decidedAt)} av {d.decidedBy.displayName}
                      </dd>
                    </dl>
                  </VStack>
                </article>
              </li>
            ))}
          </ul>
        )}
      </VStack>
    </section>
  );
}
