import {
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import {
  getCommission,
  recordCommissionEntry,
  respondToCommission,
  saveImplementationPlan,
} from '../../../../core/contracts/commissions.ts';
import type { Commission } from '../../../../core/contracts/commissions.ts';
import { ApiError, call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { CommissionStatusTag, CommissionView, interventionName } from './CommissionView.tsx';
import { myCommissionsKey } from './MyCommissionsPage.tsx';

const commissionKey = (id: string) => ['commissions', id] as const;

/**
 * One uppdrag as its provider sees it: only what the uppdrag shares. Waiting for an answer, it
 * offers accept or decline (with the reason); accepted, the genomförandeplan (a new version each
 * time it is saved), notes from sessions, and återrapporter to the handläggare.
 */
export function CommissionPage() {
  const { commissionId = '' } = useParams();
  const query = useQuery({
    queryKey: commissionKey(commissionId),
    queryFn: () => call(getCommission, { params: { commissionId } }),
  });
  if (query.isPending) return <Loading label="Hämtar uppdraget…" />;
  if (query.error instanceof ApiError && query.error.code === 'NOT_FOUND') return <NotFoundPage />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const c = query.data;
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Link as={RouterLink} to="/uppdrag">
          Tillbaka till mina uppdrag
        </Link>
        <PageHeading>{`Uppdrag: ${interventionName(c.intervention)}`}</PageHeading>
        <HStack gap="space-8">
          <CommissionStatusTag status={c.status} />
        </HStack>
      </VStack>
      {c.status === 'sent' ? <ResponseForm commission={c} /> : null}
      <CommissionView commission={c} headingLevel="2" />
      {c.status === 'accepted' ? (
        <>
          <PlanForm commission={c} />
          <EntryForm commission={c} />
        </>
      ) : null}
    </VStack>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: commissionKey(id) });
    void queryClient.invalidateQueries({ queryKey: myCommissionsKey });
  };
}

function ResponseForm({ commission }: { commission: Commission }) {
  const refresh = useRefresh(commission.id);
  const formId = 'svar';
  const form = useContractForm(respondToCommission, {
    formId,
    initial: { answer: '', reason: '' },
    unchosen: { answer: 'Välj om ni accepterar uppdraget.' },
    toBody: (v) => ({
      answer: v.answer,
      reason: v.reason.trim() === '' ? null : v.reason,
      version: commission.version,
    }),
    send: (body) => call(respondToCommission, { params: { commissionId: commission.id }, body }),
    onSuccess: refresh,
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={`${formId}-rubrik`}>
          Svara på uppdraget
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('answer')} legend="Accepterar ni uppdraget?">
          <Radio value="accept">Ja, vi accepterar uppdraget</Radio>
          <Radio value="decline">Nej, vi avböjer uppdraget</Radio>
        </RadioGroup>
        {form.values.answer === 'decline' ? (
          <Textarea {...form.longText('reason')} label="Varför avböjer ni?" minRows={2} />
        ) : null}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Skicka svaret
          </Button>
        </div>
      </VStack>
    </form>
  );
}

function PlanForm({ commission }: { commission: Commission }) {
  const refresh = useRefresh(commission.id);
  const current = commission.plan[0];
  const formId = 'genomforandeplan';
  const form = useContractForm(saveImplementationPlan, {
    formId,
    initial: {
      goals: current?.goals ?? '',
      actions: current?.actions ?? '',
      schedule: current?.schedule ?? '',
      participation: current?.participation ?? '',
    },
    toBody: (v) => ({ ...v, planVersion: current?.version ?? 0 }),
    send: (body) => call(saveImplementationPlan, { params: { commissionId: commission.id }, body }),
    onSuccess: refresh,
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={`${formId}-rubrik`}>
          {current ? 'Ny version av genomförandeplanen' : 'Skriv genomförandeplan'}
        </Heading>
        <BodyShort>
          Planen skrivs tillsammans med personen. Varje gång den sparas blir den en ny version; de
          tidigare finns kvar.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Textarea {...form.longText('goals')} label="Mål" minRows={2} />
        <Textarea {...form.longText('actions')} label="Vad som ska göras" minRows={2} />
        <Textarea {...form.longText('schedule')} label="Hur och när" minRows={2} />
        <Textarea
          {...form.longText('participation')}
          label="Hur personen har deltagit i planeringen"
          minRows={2}
        />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Spara genomförandeplanen
          </Button>
        </div>
        <div role="status">{form.saved ? 'Genomförandeplanen är sparad.' : null}</div>
      </VStack>
    </form>
  );
}

function EntryForm({ commission }: { commission: Commission }) {
  const refresh = useRefresh(commission.id);
  const formId = 'anteckning';
  const form = useContractForm(recordCommissionEntry, {
    formId,
    initial: { kind: 'note', occurredOn: stockholmToday(), text: '' },
    send: (body) => call(recordCommissionEntry, { params: { commissionId: commission.id }, body }),
    clearOnSuccess: ['text'],
    onSuccess: refresh,
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={`${formId}-rubrik`}>
          Anteckning eller återrapport
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <RadioGroup {...form.choice('kind')} legend="Vad vill du skriva?">
          <Radio value="note">Anteckning från ett samtal eller en insats</Radio>
          <Radio value="report">Återrapport till handläggaren</Radio>
        </RadioGroup>
        <DateField {...form.text('occurredOn')} label="Datum" />
        <Textarea {...form.longText('text')} label="Vad gjordes?" minRows={3} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Spara
          </Button>
        </div>
        <div role="status">{form.saved ? 'Det är sparat.' : null}</div>
      </VStack>
    </form>
  );
}
