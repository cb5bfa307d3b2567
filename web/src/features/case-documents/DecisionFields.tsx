import {
  Alert,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { Intervention, NotifiedHow, Outcome } from '../../../../core/contracts/case-documents.ts';
import type { DecisionVersion } from '../../../../core/contracts/case-documents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import type { z } from 'zod';
import { messageFor, fieldId } from '../../api/forms.ts';
import { interventionLabels, notifiedHowLabels, outcomeLabels } from '../../app/labels.ts';
import { stockholmToday } from '../../components/dates.ts';

type InterventionValue = z.infer<typeof Intervention>;
type OutcomeValue = z.infer<typeof Outcome>;
type NotifiedHowValue = z.infer<typeof NotifiedHow>;

export interface DecisionValues {
  intervention: InterventionValue | '';
  requested: string;
  outcome: OutcomeValue | '';
  motivation: string;
  decidedOn: string;
  notified: boolean;
  notifiedHow: NotifiedHowValue | '';
  notifiedOn: string;
}

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

/** The fields as the API takes them, and what the form itself finds missing. */
export function decisionBody(values: DecisionValues) {
  const own: FieldError[] = [];
  if (values.intervention === '') own.push({ path: 'body.intervention', message: 'Välj insats.' });
  if (values.outcome === '') own.push({ path: 'body.outcome', message: 'Välj beslut.' });
  if (values.notified && values.notifiedHow === '') {
    own.push({ path: 'body.notified.how', message: 'Välj hur personen underrättades.' });
  }
  return {
    fields: {
      intervention: values.intervention as InterventionValue,
      requested: values.requested,
      outcome: values.outcome as OutcomeValue,
      motivation: values.motivation,
      decidedOn: values.decidedOn,
      notified: values.notified
        ? { how: values.notifiedHow as NotifiedHowValue, on: values.notifiedOn }
        : null,
    },
    own,
  };
}

/** Insats, what was applied for, the outcome, motivation, date, and how the person was told. */
export function DecisionFields({
  formId,
  values,
  onChange,
  errors,
  interventions = Intervention.options,
}: {
  formId: string;
  values: DecisionValues;
  onChange: (values: DecisionValues) => void;
  errors: readonly FieldError[];
  /** The insatser the reader may decide on (delegation); all of them when not given. */
  interventions?: readonly InterventionValue[];
}) {
  const set = (patch: Partial<DecisionValues>) => {
    onChange({ ...values, ...patch });
  };
  const err = (path: string) => messageFor(errors, path);
  return (
    <VStack gap="space-16">
      <Select
        className="field-narrow"
        id={fieldId(formId, 'body.intervention')}
        label="Insats"
        value={values.intervention}
        onChange={(e) => {
          set({ intervention: e.target.value as InterventionValue | '' });
        }}
        error={err('body.intervention')}
      >
        <option value="">Välj insats</option>
        {Intervention.options
          .filter((i) => interventions.includes(i))
          .map((i) => (
            <option key={i} value={i}>
              {interventionLabels[i]}
            </option>
          ))}
      </Select>
      <Textarea
        id={fieldId(formId, 'body.requested')}
        label="Vad personen har ansökt om"
        minRows={2}
        maxLength={2_000}
        value={values.requested}
        onChange={(e) => {
          set({ requested: e.target.value });
        }}
        error={err('body.requested')}
      />
      <RadioGroup
        id={fieldId(formId, 'body.outcome')}
        legend="Beslut"
        value={values.outcome}
        onChange={(outcome: OutcomeValue) => {
          set({ outcome });
        }}
        error={err('body.outcome')}
      >
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
      <Textarea
        id={fieldId(formId, 'body.motivation')}
        label="Motivering"
        minRows={4}
        maxLength={20_000}
        value={values.motivation}
        onChange={(e) => {
          set({ motivation: e.target.value });
        }}
        error={err('body.motivation')}
      />
      <TextField
        id={fieldId(formId, 'body.decidedOn')}
        label="Beslutsdatum"
        description="ÅÅÅÅ-MM-DD"
        htmlSize={12}
        autoComplete="off"
        value={values.decidedOn}
        onChange={(e) => {
          set({ decidedOn: e.target.value });
        }}
        error={err('body.decidedOn')}
      />
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
          <Select
            id={fieldId(formId, 'body.notified.how')}
            label="Hur?"
            value={values.notifiedHow}
            onChange={(e) => {
              set({ notifiedHow: e.target.value as NotifiedHowValue | '' });
            }}
            error={err('body.notified.how')}
          >
            <option value="">Välj hur</option>
            {NotifiedHow.options.map((h) => (
              <option key={h} value={h}>
                {notifiedHowLabels[h]}
              </option>
            ))}
          </Select>
          <TextField
            id={fieldId(formId, 'body.notified.on')}
            label="När?"
            description="ÅÅÅÅ-MM-DD"
            htmlSize={12}
            autoComplete="off"
            value={values.notifiedOn}
            onChange={(e) => {
              set({ notifiedOn: e.target.value });
            }}
            error={err('body.notified.on')}
          />
        </HStack>
      ) : null}
    </VStack>
  );
}
