import { useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  Link,
  Radio,
  RadioGroup,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import {
  fileExtractPdfPath,
  registerFileRequest,
} from '../../../../core/contracts/file-requests.ts';
import type { FileRequest } from '../../../../core/contracts/file-requests.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { ExtractSection } from './ExtractSection.tsx';
import {
  fileRequestsKey,
  fileRequestsQuery,
  requesterText,
  requestStatus,
  requestTitle,
} from './file-requests.ts';

const statusColor = { Utkast: 'neutral', Godkänt: 'info', Utlämnat: 'success' } as const;

/**
 * The case's tab "Begäran om akt": a person's requests to see their own file, each with its
 * extract — every piece of the file with the rule's class and the sekretessprövning — approved by
 * the enhetschef and released once as a PDF that records what was given.
 */
export function FileRequestsTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(fileRequestsQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar begärandena…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { canWrite, requests } = query.data;
  const current = requests.find((r) => r.id === selected);
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Begäran om akt
        </Heading>
        <BodyLong>
          När en person begär att få ta del av sin akt görs ett utdrag. Uppgifter om andra personer
          maskeras efter sekretessprövning, och vissa uppgifter lämnas aldrig ut. Enhetschefen
          godkänner utdraget innan det lämnas ut.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      <RequestList
        caseId={detail.id}
        requests={requests}
        selected={selected}
        onSelect={(id) => {
          setAnnouncement(null);
          setSelected(id);
        }}
      />
      {current ? (
        <ExtractSection
          key={current.id}
          caseId={detail.id}
          request={current}
          canWrite={canWrite}
          onDone={setAnnouncement}
        />
      ) : null}
      {canWrite ? (
        <RegisterForm
          caseId={detail.id}
          onDone={(id, message) => {
            setSelected(id);
            setAnnouncement(message);
          }}
        />
      ) : null}
    </VStack>
  );
}

function RequestList({
  caseId,
  requests,
  selected,
  onSelect,
}: {
  caseId: string;
  requests: readonly FileRequest[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const headingId = 'begaranden-rubrik';
  return (
    <section aria-labelledby={headingId}>
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={headingId}>
          Begäranden om att ta del av akten
        </Heading>
        {requests.length === 0 ? (
          <BodyShort textColor="subtle">Ingen begäran om akt är registrerad i ärendet.</BodyShort>
        ) : (
          <ul className="counterpart-list" aria-labelledby={headingId}>
            {requests.map((r) => {
              const status = requestStatus(r);
              return (
                <li key={r.id}>
                  <article aria-labelledby={`begaran-${r.id}`} className="counterpart">
                    <VStack gap="space-8">
                      <Heading level="4" size="small" id={`begaran-${r.id}`}>
                        {requestTitle(r)}
                      </Heading>
                      <div>
                        <Tag size="small" variant="outline" data-color={statusColor[status]}>
                          {status}
                        </Tag>
                      </div>
                      <dl className="facts">
                        <dt>Inkom</dt>
                        <dd>{formatDate(r.requestedOn)}</dd>
                        <dt>Begärt av</dt>
                        <dd>{requesterText(r.requester)}</dd>
                        <dt>Registrerat av</dt>
                        <dd>{r.registeredBy.displayName}</dd>
                        <dt>Sekretessprövning</dt>
                        <dd>{r.version === 0 ? 'Inte gjord' : `Version ${String(r.version)}`}</dd>
                        {r.approvals.length > 0 ? (
                          <>
                            <dt>Godkänt</dt>
                            <dd>
                              {r.approvals
                                .map(
                                  (a) =>
                                    `Version ${String(a.version)}, ${formatDateTime(a.approvedAt)} av ${a.approvedBy.displayName}`,
                                )
                                .join('; ')}
                            </dd>
                          </>
                        ) : null}
                        {r.release ? (
                          <>
                            <dt>Utlämnat</dt>
                            <dd>
                              {formatDateTime(r.release.releasedAt)} av{' '}
                              {r.release.releasedBy.displayName},{' '}
                              {r.release.way === 'handed_over' ? 'lämnades över' : 'skickades'}.{' '}
                              {r.release.masked} av {r.release.pieces} uppgifter maskerade.
                            </dd>
                          </>
                        ) : null}
                      </dl>
                      {r.release ? (
                        <div>
                          <Link
                            href={buildPath(fileExtractPdfPath, { caseId, requestId: r.id })}
                            target="_blank"
                          >
                            <FilePdfIcon aria-hidden />
                            Öppna utdraget (PDF)
                            <span className="visually-hidden"> (öppnas i en ny flik)</span>
                          </Link>
                        </div>
                      ) : null}
                      <div>
                        <Button
                          type="button"
                          size="small"
                          variant="secondary"
                          aria-pressed={selected === r.id}
                          onClick={() => {
                            onSelect(r.id);
                          }}
                        >
                          Visa utdraget
                          <span className="visually-hidden"> för {requestTitle(r)}</span>
                        </Button>
                      </div>
                    </VStack>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </VStack>
    </section>
  );
}

const registerFormId = 'registrera-begaran';

/** "Registrera begäran": when it came in, and whether the person or a representative asked. */
function RegisterForm({
  caseId,
  onDone,
}: {
  caseId: string;
  onDone: (id: string, message: string) => void;
}) {
  const queryClient = useQueryClient();
  const form = useContractForm(registerFileRequest, {
    formId: registerFormId,
    initial: { requestedOn: stockholmToday(), kind: '', name: '' },
    paths: { kind: 'requester.kind', name: 'requester.name' },
    unchosen: { kind: 'Ange vem som begär.' },
    toBody: (v) => ({
      requestedOn: v.requestedOn,
      requester: { kind: v.kind, name: v.kind === 'representative' ? v.name : null },
    }),
    send: (body) => call(registerFileRequest, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: fileRequestsKey(caseId) });
      onDone(result.id, 'Begäran är registrerad. Utdraget visas nedan.');
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${registerFormId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${registerFormId}-rubrik`}>
          Registrera begäran
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <DateField {...form.text('requestedOn')} label="Begäran kom in" />
        <RadioGroup {...form.choice('kind')} legend="Vem begär att få ta del av akten">
          <Radio value="person">Personen själv</Radio>
          <Radio value="representative">Ett ombud</Radio>
        </RadioGroup>
        {form.values.kind === 'representative' ? (
          <TextField {...form.text('name')} label="Ombudets namn" autoComplete="off" />
        ) : null}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera begäran
          </Button>
        </div>
      </VStack>
    </form>
  );
}
