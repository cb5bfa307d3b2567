import { Alert, HStack, Radio, RadioGroup, Select, Textarea, VStack } from '@navikt/ds-react';
import { Intervention, NotifiedHow, Outcome } from '../../../../core/contracts/case-documents.ts';
import type { DecisionVersion } from '../../../../core/contracts/case-documents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { z } from 'zod';
import { interventionLabels, notifiedHowLabels, outcomeLabels } from '../../app/labels.ts';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import type { FieldBindings } from '../../components/useContractForm.ts';

type InterventionValue = z.infer<typeof Intervention>;
type OutcomeValue = z.infer<typeof Outcome>;
type NotifiedHowValue = z.infer<typeof NotifiedHow>;

export type DecisionValues = {
  intervention: InterventionValue | '';
  requested: string;
  outcome: OutcomeValue | '';
  motivation: string;
  decidedOn: string;
  notified: boolean;
  notifiedHow: NotifiedHowValue | '';
  notifiedOn: string;
};

export const emptyDecision = (): DecisionValues => ({
  intervention: '',
  requested: '',
  outcome: '',
  motivation: '',
  decidedOn: stockholmToday(),
  notified: false,
  notifiedHow: '',
  notifiedOn: stockholmToday(),
});

export const decisionValuesOf = (v: z.infer<typeof DecisionVersion>): DecisionValues => ({
  intervention: v.intervention,
  requested: v.requested,
  outcome: v.outcome,
  motivation: v.motivation,
  decidedOn: v.decidedOn,
  notified: v.notified !== null,
  notifiedHow: v.notified?.how ?? '',
  notifiedOn: v.notified?.on ?? stockholmToday(),
});

/** Where the values stand in a beslut's body. */
export const decisionPaths = { notifiedHow: 'notified.how', notifiedOn: 'notified.on' } as const;

export const decisionUnchosen = {
  intervention: 'Välj insats.',
  outcome: 'Välj beslut.',
} as const;

/** What the contract cannot say with '' for a choice: how the person was told, once told. */
export const decisionProblems = (values: DecisionValues): FieldError[] =>
  values.notified && values.notifiedHow === ''
    ? [{ path: 'body.notified.how', message: 'Välj hur personen underrättades.' }]
    : [];

/** The fields as the API takes them; '' stands where a choice is still to be made. */
export const decisionFields = (values: DecisionValues) => ({
  intervention: values.intervention,
  requested: values.requested,
  outcome: values.outcome,
  motivation: values.motivation,
  decidedOn: values.decidedOn,
  notified: values.notified ? { how: values.notifiedHow, on: values.notifiedOn } : null,
});

/** Insats, what was applied for, the outcome, motivation, date, and how the person was told. */
export function DecisionFields({
  form,
  interventions = Intervention.options,
}: {
  form: FieldBindings<DecisionValues>;
  /** The insatser the reader may decide on (delegation); all of them when not given. */
  interventions?: readonly InterventionValue[];
}) {
  const { values, set } = form;
  return (
    <VStack gap="space-16">
      <Select {...form.select('intervention')} className="field-narrow" label="Insats">
        <option value="">Välj insats</option>
        {Intervention.options
          .filter((i) => interventions.includes(i))
          .map((i) => (
            <option key={i} value={i}>
              {interventionLabels[i]}
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
      <Textarea {...form.longText('motivation')} label="Motivering" minRows={4} />
      <DateField {...form.text('decidedOn')} label="Beslutsdatum" />
      <RadioGroup
        legend="Har personen underrättats om beslutet?"
        value={values.notified ? 'yes' : 'no'}
        onChange={(v: 'yes' | 'no') => {
          set({ notified: v === 'yes' });
        }}
      >
        <HStack gap="space-24">
          <Radio value="no">Inte än</Radio>
          <Radio value="yes">Ja</Radio>
        </HStack>
      </RadioGroup>
      {values.notified ? (
        <HStack gap="space-16" align="start" wrap className="indented">
          <Select {...form.select('notifiedHow')} label="Hur?">
            <option value="">Välj hur</option>
            {NotifiedHow.options.map((h) => (
              <option key={h} value={h}>
                {notifiedHowLabels[h]}
              </option>
            ))}
          </Select>
          <DateField {...form.text('notifiedOn')} label="När?" />
        </HStack>
      ) : null}
    </VStack>
  );
}
