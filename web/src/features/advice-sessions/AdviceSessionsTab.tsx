import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  Table,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listAdviceSessions,
  recordAdviceSession,
} from '../../../../core/contracts/advice-sessions.ts';
import type { AdviceSessions } from '../../../../core/contracts/advice-sessions.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatDate } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { caseKey } from '../cases/useCase.ts';

/** Under the case's key: a beslut on the case refreshes whether more sessions may be held. */
const adviceSessionsKey = (caseId: string) => [...caseKey(caseId), 'advice-sessions'] as const;

/**
 * Råd och stöd: a service, not bistånd. The sessions held (when, by whom, what was done), how
 * many of those allowed without a beslut are used, and the form for the next one. The server
 * decides whether one more may be held; its sentence is shown as it says it.
 */
export function AdviceSessionsTab({ detail }: { detail: CaseDetail }) {
  const sessions = useQuery({
    queryKey: adviceSessionsKey(detail.id),
    queryFn: () => call(listAdviceSessions, { params: { caseId: detail.id } }),
  });
  if (sessions.isPending) return <Loading label="Hämtar samtalen…" />;
  if (sessions.isError) return <ApiErrorAlert error={sessions.error} />;
  const data = sessions.data;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Råd och stöd
        </Heading>
        <BodyLong>
          Råd och stöd är en serviceinsats. Upp till {data.limit} samtal kan ges utan
          biståndsbeslut; fler samtal kräver beslut om stödsamtal.
        </BodyLong>
        <Count data={data} />
      </VStack>
      <SessionList data={data} />
      {data.abilities.write && detail.status === 'open' ? <SessionForm caseId={detail.id} /> : null}
    </VStack>
  );
}

function Count({ data }: { data: AdviceSessions }) {
  const held = data.sessions.length;
  const withoutDecision = Math.min(held, data.limit);
  return (
    <VStack gap="space-8">
      <BodyShort weight="semibold">
        {withoutDecision} av {data.limit} samtal utan beslut
      </BodyShort>
      {data.supportDecision ? (
        <BodyShort>
          Beslut om stödsamtal gäller från {formatDate(data.supportDecision.from)}
          {data.supportDecision.to ? ` till och med ${formatDate(data.supportDecision.to)}` : ''}.
        </BodyShort>
      ) : data.refusal ? (
        <Alert variant="warning" size="small">
          {data.refusal}
        </Alert>
      ) : null}
    </VStack>
  );
}

function SessionList({ data }: { data: AdviceSessions }) {
  return (
    <section aria-labelledby="samtalslista-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="samtalslista-rubrik">
          Samtal
        </Heading>
        {data.sessions.length === 0 ? (
          <BodyShort textColor="subtle">Inga samtal är registrerade.</BodyShort>
        ) : (
          <Table size="small" aria-labelledby="samtalslista-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
                <Table.HeaderCell scope="col">Vem</Table.HeaderCell>
                <Table.HeaderCell scope="col">Vad som gjordes</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.sessions.map((s) => (
                <Table.Row key={s.id}>
                  <Table.DataCell>{formatDate(s.heldOn)}</Table.DataCell>
                  <Table.DataCell>{s.heldBy.displayName}</Table.DataCell>
                  <Table.DataCell>{s.note}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </VStack>
    </section>
  );
}

const formId = 'nytt-samtal';

function SessionForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const form = useContractForm(recordAdviceSession, {
    formId,
    initial: { heldOn: stockholmToday(), note: '' },
    send: (body) => call(recordAdviceSession, { params: { caseId }, body }),
    clearOnSuccess: ['note'],
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adviceSessionsKey(caseId) });
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`}>
          Registrera samtal
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <DateField {...form.text('heldOn')} label="Datum för samtalet" />
        <Textarea {...form.longText('note')} label="Vad gjordes i samtalet?" minRows={3} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera samtalet
          </Button>
        </div>
        <div role="status">{form.saved ? 'Samtalet är registrerat.' : null}</div>
      </VStack>
    </form>
  );
}
