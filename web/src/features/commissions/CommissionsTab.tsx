import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  ExpansionCard,
  Heading,
  HStack,
  Link,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import {
  commissionPdfPath,
  createCommission,
  endCommission,
  listCaseCommissions,
} from '../../../../core/contracts/commissions.ts';
import type { CaseCommissions, Commission } from '../../../../core/contracts/commissions.ts';
import { consentCategories, consentCategoryLabels } from '../../../../core/domain/commissions.ts';
import type { ConsentCategory } from '../../../../core/domain/commissions.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { caseKey } from '../cases/useCase.ts';
import { consentsKey } from '../consents/ConsentsTab.tsx';
import {
  blankGround,
  DisclosureGroundFields,
  groundBody,
  groundPaths,
  secrecyTestProblems,
} from '../consents/DisclosureGroundFields.tsx';
import {
  CommissionStatusTag,
  CommissionView,
  interventionName,
  periodText,
} from './CommissionView.tsx';

const commissionsKey = (caseId: string) => [...caseKey(caseId), 'commissions'] as const;

/**
 * The case's tab "Uppdrag": the uppdrag sent to providers from the case's beslut, with their
 * status, genomförandeplan, notes and återrapporter; and, for whoever works the case, the form
 * for a new one. The provider is told only what the uppdrag shares, on the ground it names: a
 * consent in the case's samtyckesregister, or a lagstöd with its sekretessprövning.
 */
export function CommissionsTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery({
    queryKey: commissionsKey(detail.id),
    queryFn: () => call(listCaseCommissions, { params: { caseId: detail.id } }),
  });
  if (query.isPending) return <Loading label="Hämtar uppdragen…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const data = query.data;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          Uppdrag
        </Heading>
        <BodyLong>
          Ett uppdrag ger utföraren i uppgift att verkställa ett beviljat beslut. Utföraren ser bara
          det som står i uppdraget: aldrig utredningen, journalen eller riskbedömningarna.
        </BodyLong>
      </VStack>
      {data.commissions.length === 0 ? (
        <BodyShort textColor="subtle">Inga uppdrag är skickade i ärendet.</BodyShort>
      ) : (
        <VStack gap="space-16" as="ul" className="plain-list">
          {data.commissions.map((c) => (
            <li key={c.id}>
              <CommissionCard caseId={detail.id} commission={c} mayEnd={data.options !== null} />
            </li>
          ))}
        </VStack>
      )}
      {data.options ? <NewCommissionForm caseId={detail.id} options={data.options} /> : null}
    </VStack>
  );
}

function CommissionCard({
  caseId,
  commission: c,
  mayEnd,
}: {
  caseId: string;
  commission: Commission;
  mayEnd: boolean;
}) {
  return (
    <ExpansionCard aria-label={`Uppdrag till ${c.provider.name}`} size="small">
      <ExpansionCard.Header>
        <ExpansionCard.Title as="h3" size="small">
          {interventionName(c.intervention)} – {c.provider.name}
        </ExpansionCard.Title>
        <ExpansionCard.Description>
          <HStack gap="space-8" align="center" as="span">
            <CommissionStatusTag status={c.status} />
            <span>{periodText(c.period)}</span>
          </HStack>
        </ExpansionCard.Description>
      </ExpansionCard.Header>
      <ExpansionCard.Content>
        <VStack gap="space-24">
          <CommissionView commission={c} headingLevel="3" />
          <div>
            <Link
              href={buildPath(commissionPdfPath, { caseId, commissionId: c.id })}
              target="_blank"
            >
              <FilePdfIcon aria-hidden />
              Uppdraget som PDF
              <span className="visually-hidden">
                {' '}
                (för en utförare utan Värn, öppnas i en ny flik)
              </span>
            </Link>
          </div>
          {mayEnd && (c.status === 'sent' || c.status === 'accepted') ? (
            <EndForm caseId={caseId} commission={c} />
          ) : null}
        </VStack>
      </ExpansionCard.Content>
    </ExpansionCard>
  );
}

function EndForm({ caseId, commission }: { caseId: string; commission: Commission }) {
  const queryClient = useQueryClient();
  const formId = `avsluta-${commission.id}`;
  const form = useContractForm(endCommission, {
    formId,
    initial: { reason: '' },
    toBody: (v) => ({ reason: v.reason, version: commission.version }),
    send: (body) => call(endCommission, { params: { caseId, commissionId: commission.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commissionsKey(caseId) });
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-12">
        <Heading level="4" size="xsmall" id={`${formId}-rubrik`}>
          Avsluta uppdraget
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Textarea {...form.longText('reason')} label="Varför avslutas uppdraget?" minRows={2} />
        <div>
          <Button type="submit" variant="secondary" loading={form.mutation.isPending}>
            Avsluta uppdraget
          </Button>
        </div>
      </VStack>
    </form>
  );
}

const newFormId = 'nytt-uppdrag';

function NewCommissionForm({
  caseId,
  options,
}: {
  caseId: string;
  options: NonNullable<CaseCommissions['options']>;
}) {
  const queryClient = useQueryClient();
  const today = stockholmToday();
  const form = useContractForm(createCommission, {
    formId: newFormId,
    initial: {
      decisionId: '',
      providerId: '',
      what: '',
      why: '',
      from: today,
      to: '',
      contact: '',
      categories: [] as ConsentCategory[],
      language: '',
      ...blankGround,
    },
    paths: {
      from: 'period.from',
      to: 'period.to',
      ...groundPaths,
    },
    unchosen: {
      decisionId: 'Välj det beslut uppdraget gäller.',
      providerId: 'Välj utförare.',
    },
    check: (v) =>
      secrecyTestProblems(
        v,
        'Skriv sekretessprövningen: varför utföraren behöver uppgifterna och varför de kan lämnas ut.',
      ),
    toBody: (v) => ({
      decisionId: v.decisionId,
      providerId: v.providerId,
      what: v.what,
      why: v.why,
      period: { from: v.from, to: v.to === '' ? null : v.to },
      contact: v.contact,
      categories: v.categories,
      ground: groundBody(v),
      language: v.categories.includes('language') ? v.language : null,
    }),
    send: (body) => call(createCommission, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commissionsKey(caseId) });
      // The uppdrag is an utlämnande in the register.
      void queryClient.invalidateQueries({ queryKey: consentsKey(caseId) });
    },
  });
  const decision = options.decisions.find((d) => d.id === form.values.decisionId);
  // Only providers that carry out the insats the chosen beslut is about.
  const providers = decision
    ? options.providers.filter((p) => p.interventions.includes(decision.intervention))
    : options.providers;

  if (options.decisions.length === 0) {
    return (
      <BodyShort textColor="subtle">
        Det finns inget beviljat beslut med en period i ärendet att ge ett uppdrag utifrån.
      </BodyShort>
    );
  }
  return (
    <form {...form.formProps} aria-labelledby={`${newFormId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${newFormId}-rubrik`}>
          Nytt uppdrag
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Select {...form.select('decisionId')} label="Beslut">
          <option value="">Välj beslut</option>
          {options.decisions.map((d) => (
            <option key={d.id} value={d.id}>
              {interventionName(d.intervention)}, {periodText(d.period)}
            </option>
          ))}
        </Select>
        <Select
          {...form.select('providerId')}
          label="Utförare"
          description="Aktiva utförare som utför insatsen"
        >
          <option value="">Välj utförare</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Textarea
          {...form.longText('what')}
          label="Vad uppdraget gäller"
          description="Utföraren läser allt som står här. Skriv aldrig adress, var personen vistas eller uppgifter ur utredningen."
          minRows={3}
        />
        <Textarea {...form.longText('why')} label="Varför uppdraget ges" minRows={3} />
        <HStack gap="space-16">
          <DateField {...form.text('from')} label="Från och med" />
          <DateField {...form.text('to')} label="Till och med" />
        </HStack>
        <TextField
          {...form.text('contact')}
          label="Vem utföraren kontaktar hos socialtjänsten"
          description="Namn, enhet och telefonnummer"
          autoComplete="off"
        />
        {options.protectedPerson ? (
          <Alert variant="warning" size="small">
            Personen har skyddade personuppgifter. Uppdraget får ett meddelande om det och om vem
            utföraren ska kontakta. Adress och telefonnummer lämnas aldrig ut.
          </Alert>
        ) : null}
        <CheckboxGroup
          id={form.idOf('categories')}
          legend="Uppgifter som lämnas ut"
          description="Utföraren får bara de uppgifter som är markerade. Samtycket eller lagstödet måste omfatta var och en."
          value={form.values.categories}
          onChange={(value: ConsentCategory[]) => {
            form.set({ categories: value });
          }}
          error={form.errorOf('categories')}
        >
          {consentCategories.map((k) => (
            <Checkbox key={k} value={k}>
              {consentCategoryLabels[k]}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {form.values.categories.includes('language') ? (
          <TextField {...form.text('language')} label="Språk och tolkbehov" autoComplete="off" />
        ) : null}
        <DisclosureGroundFields
          caseId={caseId}
          form={form}
          purpose="commission"
          legalBases={options.legalBases}
          consentDescription="Samtycken som gäller uppdrag till utförare. Samtycket måste gälla den valda utföraren och de uppgifter som lämnas ut."
          secrecyTestDescription="Varför utföraren behöver uppgifterna för att verkställa beslutet, och varför de kan lämnas ut med stöd av lagrummet."
        />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Skicka uppdraget
          </Button>
        </div>
        <div role="status">{form.saved ? 'Uppdraget är skickat till utföraren.' : null}</div>
      </VStack>
    </form>
  );
}
