import {
  Alert,
  Fieldset,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { Intervention, NotifiedHow, Outcome } from '../../../../core/contracts/case-documents.ts';
import type { DecisionVersion } from '../../../../core/contracts/case-documents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { z } from 'zod';
import { notifiedHowLabels, outcomeLabels } from '../../app/labels.ts';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import type { FieldBindings, TextKey } from '../../components/useContractForm.ts';
import { periodProblems } from '../../../../core/domain/decisions.ts';
import { entryOf, interventionNames } from '../../../../core/domain/intervention-catalogue.ts';
import type { InterventionCatalogue } from '../../../../core/domain/intervention-catalogue.ts';
import {
  conditionsOf,
  emptyRules,
  RuleFields,
  rulePaths,
  ruleValuesOf,
  useInterventionCatalogue,
} from './RuleFields.tsx';
import type { RuleValues } from './RuleFields.tsx';
import { keptPlace, PlaceField, placeOf } from '../cases/ShelterPlace.tsx';

type InterventionValue = z.infer<typeof Intervention>;
type OutcomeValue = z.infer<typeof Outcome>;
type NotifiedHowValue = z.infer<typeof NotifiedHow>;

export type DecisionValues = {
  intervention: InterventionValue | '';
  requested: string;
  outcome: OutcomeValue | '';
  motivation: string;
  decidedOn: string;
  periodFrom: string;
  /** '' for a beslut that runs until further notice, where the insats allows it. */
  periodTo: string;
  notified: boolean;
  notifiedHow: NotifiedHowValue | '';
  notifiedOn: string;
  /** The place (a provider's id); '' when none is named. */
  providerId: string;
} & RuleValues;

export const emptyDecision = (): DecisionValues => ({
  intervention: '',
  requested: '',
  outcome: '',
  motivation: '',
  decidedOn: stockholmToday(),
  periodFrom: stockholmToday(),
  periodTo: '',
  notified: false,
  notifiedHow: '',
  notifiedOn: stockholmToday(),
  ...emptyRules(),
  providerId: '',
});

export const decisionValuesOf = (v: z.infer<typeof DecisionVersion>): DecisionValues => ({
  intervention: v.intervention,
  requested: v.requested,
  outcome: v.outcome,
  motivation: v.motivation,
  decidedOn: v.decidedOn,
  periodFrom: v.period?.from ?? v.decidedOn,
  periodTo: v.period?.to ?? '',
  notified: v.notified !== null,
  notifiedHow: v.notified?.how ?? '',
  notifiedOn: v.notified?.on ?? stockholmToday(),
  ...ruleValuesOf(v.conditions),
  providerId: v.placeWithheld ? keptPlace : (v.place?.providerId ?? ''),
});

/** Where the values stand in a beslut's body. */
export const decisionPaths = {
  periodFrom: 'period.from',
  periodTo: 'period.to',
  notifiedHow: 'notified.how',
  notifiedOn: 'notified.on',
  ...rulePaths,
} as const;

export const decisionUnchosen = {
  intervention: 'Välj insats.',
  outcome: 'Välj beslut.',
} as const;

/**
 * What the contract cannot say with '' for a choice: how the person was told, once told; and
 * the period's rules (core/domain/decisions.ts), the same sentences the server answers with.
 */
export const decisionProblems = (
  values: DecisionValues,
  acute = false,
  catalogue?: InterventionCatalogue,
): FieldError[] => [
  ...(values.notified && values.notifiedHow === ''
    ? [{ path: 'body.notified.how', message: 'Välj hur personen underrättades.' }]
    : []),
  ...(isoDay.test(values.periodFrom) && (values.periodTo === '' || isoDay.test(values.periodTo))
    ? periodProblems(
        {
          intervention: values.intervention === '' ? null : values.intervention,
          outcome: values.outcome === '' ? null : values.outcome,
          period: periodOf(values),
          acute,
          today: stockholmToday(),
        },
        catalogue,
      ).map((p) => ({ path: `body.${p.path}`, message: p.message }))
    : []),
];

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The period as the API takes it: none on an avslag, t.o.m. null when left empty. */
const periodOf = (values: DecisionValues) =>
  values.outcome === 'refused'
    ? null
    : { from: values.periodFrom, to: values.periodTo === '' ? null : values.periodTo };

/** The fields as the API takes them; '' stands where a choice is still to be made. */
export const decisionFields = (values: DecisionValues, targetGroup: string, acute = false) => ({
  conditions: conditionsOf(values, targetGroup, acute),
  intervention: values.intervention,
  requested: values.requested,
  outcome: values.outcome,
  motivation: values.motivation,
  decidedOn: values.decidedOn,
  period: periodOf(values),
  notified: values.notified ? { how: values.notifiedHow, on: values.notifiedOn } : null,
  providerId: placeOf(values),
});

/** Whether, how and when the person was told of the beslut. */
export function NotificationFields<
  V extends { notified: boolean; notifiedHow: string; notifiedOn: string },
>({ form }: { form: FieldBindings<V> }) {
  return (
    <>
      <RadioGroup
        legend="Har personen underrättats om beslutet?"
        value={form.values.notified ? 'yes' : 'no'}
        onChange={(v: 'yes' | 'no') => {
          form.set({ notified: v === 'yes' } as Partial<V>);
        }}
      >
        <HStack gap="space-24">
          <Radio value="no">Inte än</Radio>
          <Radio value="yes">Ja</Radio>
        </HStack>
      </RadioGroup>
      {form.values.notified ? (
        <HStack gap="space-16" align="start" wrap className="indented">
          <Select {...form.select('notifiedHow' as TextKey<V>)} label="Hur?">
            <option value="">Välj hur</option>
            {NotifiedHow.options.map((h) => (
              <option key={h} value={h}>
                {notifiedHowLabels[h]}
              </option>
            ))}
          </Select>
          <DateField {...form.text('notifiedOn' as TextKey<V>)} label="När?" />
        </HStack>
      ) : null}
    </>
  );
}

/** Fr.o.m. and t.o.m.: the time the beslut grants its insats. */
export function PeriodFields<V extends { periodFrom: string; periodTo: string }>({
  form,
  openEnded,
}: {
  form: FieldBindings<V>;
  /** T.o.m. may be left empty: the beslut runs until further notice. */
  openEnded: boolean;
}) {
  return (
    <Fieldset
      legend="Period"
      description={
        openEnded
          ? 'Den tid beslutet gäller. Lämna till och med tomt om insatsen gäller tills vidare.'
          : 'Den tid beslutet gäller.'
      }
      error={form.errorOf('period')}
      size="small"
    >
      <HStack gap="space-16" align="start" wrap>
        <DateField {...form.text('periodFrom' as TextKey<V>)} label="Från och med" />
        <DateField {...form.text('periodTo' as TextKey<V>)} label="Till och med" />
      </HStack>
    </Fieldset>
  );
}

/** Insats, what was applied for, the outcome, motivation, date, and how the person was told. */
export function DecisionFields({
  form,
  interventions = Intervention.options,
  caseId,
  targetGroup,
}: {
  form: FieldBindings<DecisionValues>;
  /** The insatser the reader may decide on (delegation); all of them when not given. */
  interventions?: readonly InterventionValue[];
  caseId: string;
  /** The case's target group: the rules of some insatser depend on it. */
  targetGroup: string;
}) {
  const { values } = form;
  const catalogue = useInterventionCatalogue();
  const names = interventionNames(catalogue);
  return (
    <VStack gap="space-16">
      <Select {...form.select('intervention')} className="field-narrow" label="Insats">
        <option value="">Välj insats</option>
        {Intervention.options
          .filter((i) => interventions.includes(i))
          .map((i) => (
            <option key={i} value={i}>
              {names[i]}
            </option>
          ))}
      </Select>
      <Textarea {...form.longText('requested')} label="Vad personen har ansökt om" minRows={2} />
      <RadioGroup {...form.choice('outcome')} legend="Beslut">
        {Outcome.options.map((o) => (
          <Radio key={o} value={o}>
            {outcomeLabels[o]}
          </Radio>
        ))}
      </RadioGroup>
      {values.outcome === 'refused' || values.outcome === 'partly_granted' ? (
        <Alert variant="info" size="small">
          Beslutet får en överklagandehänvisning: hur personen överklagar och inom vilken tid.
        </Alert>
      ) : null}
      {values.outcome === 'refused' ? null : (
        <RuleFields form={form} caseId={caseId} targetGroup={targetGroup} acute={false} />
      )}
      <Textarea {...form.longText('motivation')} label="Motivering" minRows={4} />
      <DateField {...form.text('decidedOn')} label="Beslutsdatum" />
      {values.outcome === 'refused' ? null : (
        <PeriodFields
          form={form}
          openEnded={
            values.intervention !== '' && entryOf(catalogue, values.intervention).openEnded
          }
        />
      )}
      {values.outcome === 'refused' ? null : (
        <PlaceField form={form} caseId={caseId} intervention={values.intervention} />
      )}
      <NotificationFields form={form} />
    </VStack>
  );
}
