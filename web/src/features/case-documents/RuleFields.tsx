import { Fragment } from 'react';
import { Alert, Checkbox, Fieldset, Select, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { getInterventionCatalogue } from '../../../../core/contracts/case-documents.ts';
import type {
  DecisionConditions,
  RecordedConditions,
} from '../../../../core/contracts/case-documents.ts';
import { listPartnerContactConsents } from '../../../../core/contracts/partner-contact.ts';
import { getCaseRisk } from '../../../../core/contracts/risk.ts';
import { defaultInterventionCatalogue } from '../../../../core/domain/intervention-catalogue.ts';
import type {
  Intervention,
  InterventionCatalogue,
} from '../../../../core/domain/intervention-catalogue.ts';
import { conditionLines, relevantConditions } from '../../../../core/domain/intervention-rules.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import type { FieldBindings, TextKey } from '../../components/useContractForm.ts';
import { riskKey } from '../risk/keys.ts';
import { caseKey } from '../cases/useCase.ts';

/**
 * The insatser catalogue in force (names, target groups, open-ended), for the decision forms;
 * the shipped one until it has loaded. The server holds the same catalogue and decides.
 */
export function useInterventionCatalogue(): InterventionCatalogue {
  const query = useQuery({
    queryKey: ['intervention-catalogue'],
    queryFn: () => call(getInterventionCatalogue),
    staleTime: 5 * 60_000,
  });
  return query.data ?? defaultInterventionCatalogue;
}

/** The form's values for what the rules of an insats ask a beslut to record. */
export type RuleValues = {
  victimWishOn: string;
  victimWishHow: string;
  riskAssessmentId: string;
  riskConclusion: string;
  consentId: string;
  contactPerson: string;
  perpetratorTherapist: string;
  meansTestWaived: boolean;
  meansTestReason: string;
};

export const emptyRules = (): RuleValues => ({
  victimWishOn: '',
  victimWishHow: '',
  riskAssessmentId: '',
  riskConclusion: '',
  consentId: '',
  contactPerson: '',
  perpetratorTherapist: '',
  meansTestWaived: false,
  meansTestReason: '',
});

export const ruleValuesOf = (c: RecordedConditions | null): RuleValues => ({
  victimWishOn: c?.victimWish?.learntOn ?? '',
  victimWishHow: c?.victimWish?.how ?? '',
  riskAssessmentId: c?.riskSupport?.assessmentId ?? '',
  riskConclusion: c?.riskSupport?.conclusion ?? '',
  consentId: c?.partnerContact?.consentId ?? '',
  contactPerson: c?.partnerContact?.contactPerson ?? '',
  perpetratorTherapist: c?.partnerContact?.perpetratorTherapist ?? '',
  meansTestWaived: c?.meansTestWaived !== undefined,
  meansTestReason: c?.meansTestWaived?.reason ?? '',
});

/** Where the rule values stand in a beslut's body. */
export const rulePaths = {
  victimWishOn: 'conditions.victimWish.learntOn',
  victimWishHow: 'conditions.victimWish.how',
  riskAssessmentId: 'conditions.riskSupport.assessmentId',
  riskConclusion: 'conditions.riskSupport.conclusion',
  consentId: 'conditions.partnerContact.consentId',
  contactPerson: 'conditions.partnerContact.contactPerson',
  perpetratorTherapist: 'conditions.partnerContact.perpetratorTherapist',
  meansTestReason: 'conditions.meansTestWaived.reason',
} as const;

const given = (...values: string[]) => values.some((v) => v.trim() !== '');

/**
 * The conditions as the API takes them: a part for each rule begun in the form, and only those
 * the chosen insats asks for (core/domain/intervention-rules.ts relevantConditions) — a part left
 * behind after choosing another insats is not sent. What is missing the server names (409).
 */
export function conditionsOf(
  values: RuleValues & { intervention: Intervention | '' },
  targetGroup: string,
  acute: boolean,
): DecisionConditions | undefined {
  if (values.intervention === '') return undefined;
  const all: DecisionConditions = {
    ...(given(values.victimWishOn, values.victimWishHow)
      ? { victimWish: { learntOn: values.victimWishOn, how: values.victimWishHow } }
      : {}),
    ...(given(values.riskAssessmentId, values.riskConclusion)
      ? {
          riskSupport: { assessmentId: values.riskAssessmentId, conclusion: values.riskConclusion },
        }
      : {}),
    ...(given(values.consentId, values.contactPerson, values.perpetratorTherapist)
      ? {
          partnerContact: {
            consentId: values.consentId,
            contactPerson: values.contactPerson,
            perpetratorTherapist: values.perpetratorTherapist,
          },
        }
      : {}),
    ...(values.meansTestWaived ? { meansTestWaived: { reason: values.meansTestReason } } : {}),
  };
  return (
    relevantConditions({
      intervention: values.intervention,
      targetGroup,
      acute,
      conditions: all,
    }) ?? undefined
  );
}

/**
 * The fields the rules of the chosen insats ask for: the victim's wish and the risk assessment
 * behind a perpetrator's tillfälligt boende, the perpetrator's consent and the contact person of
 * a partnerkontakt, and — on an acute ekonomiskt bistånd — skipping the usual means test.
 */
export function RuleFields<V extends RuleValues & { intervention: Intervention | '' }>({
  form,
  caseId,
  targetGroup,
  acute,
}: {
  form: FieldBindings<V>;
  caseId: string;
  targetGroup: string;
  acute: boolean;
}) {
  const { intervention } = form.values;
  const perpetratorHousing = intervention === 'temporary_housing' && targetGroup === 'perpetrator';
  if (perpetratorHousing) return <PerpetratorHousingFields form={form} caseId={caseId} />;
  if (intervention === 'partner_contact') {
    return (
      <Fieldset
        legend="Partnerkontakt"
        description="Partnerkontakt kräver våldsutövarens samtycke, och den våldsutsatta har en egen kontaktperson som inte behandlar våldsutövaren."
        size="small"
      >
        <VStack gap="space-16">
          <PartnerContactConsentField form={form} caseId={caseId} />
          <TextField
            {...form.text('contactPerson' as TextKey<V>)}
            label="Den våldsutsattas kontaktperson"
            autoComplete="off"
          />
          <TextField
            {...form.text('perpetratorTherapist' as TextKey<V>)}
            label="Våldsutövarens behandlare"
            autoComplete="off"
          />
        </VStack>
      </Fieldset>
    );
  }
  if (intervention === 'financial_assistance' && acute) {
    return (
      <VStack gap="space-16">
        <Checkbox
          checked={form.values.meansTestWaived}
          onChange={(e) => {
            form.set({ meansTestWaived: e.target.checked } as Partial<V>);
          }}
        >
          Beviljas utan den sedvanliga prövningen av egna ekonomiska förutsättningar
        </Checkbox>
        {form.values.meansTestWaived ? (
          <Textarea
            {...form.longText('meansTestReason' as TextKey<V>)}
            label="Varför prövningen inte görs nu"
            description="I det akuta skedet går skyddsbehovet först. Det antecknas i beslutet."
            minRows={2}
          />
        ) : null}
      </VStack>
    );
  }
  return null;
}

/**
 * His consent to partnerkontakt, chosen among those his case's register holds for this unit
 * (core/contracts/partner-contact.ts): by its dates only, as nothing else of his file is shown
 * here. None offered: his handläggare records it in his case.
 */
function PartnerContactConsentField<V extends RuleValues>({
  form,
  caseId,
}: {
  form: FieldBindings<V>;
  caseId: string;
}) {
  const offered = useQuery({
    queryKey: [...caseKey(caseId), 'partner-contact-consents'],
    queryFn: () => call(listPartnerContactConsents, { params: { caseId } }),
  });
  const consents = offered.data?.items ?? [];
  const none = offered.isSuccess && consents.length === 0;
  return (
    <Select
      {...form.select('consentId' as TextKey<V>)}
      label="Våldsutövarens samtycke"
      description={
        none
          ? 'Det finns inget samtycke från våldsutövaren till partnerkontakt med den här enheten. Våldsutövarens handläggare registrerar hans samtycke till partnerkontakt, med den här enheten som mottagare, under fliken Samtycken i hans ärende.'
          : 'Samtycket finns i våldsutövarens ärende. Här visas bara när det lämnades och hur länge det gäller.'
      }
    >
      <option value="">
        {offered.isPending
          ? 'Hämtar samtycken …'
          : none
            ? 'Inget samtycke att välja'
            : 'Välj samtycke'}
      </option>
      {consents.map((c) => (
        <option key={c.id} value={c.id}>
          {`Lämnat ${c.givenOn}, gäller till ${c.validUntil}`}
        </option>
      ))}
    </Select>
  );
}

function PerpetratorHousingFields<V extends RuleValues>({
  form,
  caseId,
}: {
  form: FieldBindings<V>;
  caseId: string;
}) {
  const risk = useQuery({
    queryKey: riskKey(caseId),
    queryFn: () => call(getCaseRisk, { params: { caseId } }),
  });
  const assessments = (risk.data?.assessments ?? []).filter((a) => a.kind !== 'own_view');
  return (
    <Fieldset
      legend="Tillfälligt boende för våldsutövaren"
      description="Våldsutövaren flyttar så att den våldsutsatta kan bo kvar. Det förutsätter att den våldsutsatta vill bo kvar och att en aktuell riskbedömning talar för det."
      size="small"
    >
      <VStack gap="space-16">
        <DateField
          {...form.text('victimWishOn' as TextKey<V>)}
          label="När framkom den våldsutsattas önskan att bo kvar?"
        />
        <Textarea
          {...form.longText('victimWishHow' as TextKey<V>)}
          label="Hur framkom önskan?"
          description="Till exempel i samtal med den våldsutsatta eller via hennes handläggare."
          minRows={2}
        />
        {assessments.length === 0 ? (
          <Alert variant="warning" size="small">
            Det finns ingen strukturerad riskbedömning eller polisbedömning i ärendet. Gör en
            riskbedömning under fliken Risk först.
          </Alert>
        ) : (
          <Select
            {...form.select('riskAssessmentId' as TextKey<V>)}
            label="Riskbedömningen som beslutet grundas på"
          >
            <option value="">Välj riskbedömning</option>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.assessedOn}: ${a.kind === 'police' ? 'polisens bedömning' : (a.instrument?.name ?? 'strukturerad bedömning')}${a.level ? `, ${riskLevelLabels[a.level].toLowerCase()}` : ''}`}
              </option>
            ))}
          </Select>
        )}
        <Textarea
          {...form.longText('riskConclusion' as TextKey<V>)}
          label="Hur talar riskbedömningen för att den våldsutsatta kan bo kvar?"
          minRows={2}
        />
      </VStack>
    </Fieldset>
  );
}

/** What the beslut recorded because the rules of its insats asked for it, as facts. */
export function ConditionFacts({ conditions }: { conditions: RecordedConditions | null }) {
  return (
    <>
      {conditionLines(conditions).map((line) => (
        <Fragment key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.text}</dd>
        </Fragment>
      ))}
    </>
  );
}
