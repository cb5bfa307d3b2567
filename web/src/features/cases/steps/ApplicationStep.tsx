import { useState } from 'react';
import {
  BodyLong,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { recordApplication } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import { call } from '../../../api/client.ts';
import { fieldId, messageFor } from '../../../api/forms.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { stockholmToday } from '../../../components/dates.ts';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../../components/useFormMutation.ts';
import { useRefreshCase } from '../useCase.ts';

const formId = 'ansokan';
type Body = BodyOf<typeof recordApplication>;

const kindLabels = { application: 'Ansökan', consent: 'Samtycke till utredning' } as const;

/** An adult's utredning needs their application or consent: it is never opened against their will. */
export function ApplicationStep({
  detail,
  canWork,
  onDone,
}: {
  detail: CaseDetail;
  canWork: boolean;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshCase(detail.id);
  const [kind, setKind] = useState<Body['kind']>('consent');
  const [form, setForm] = useState<Body['form']>('oral');
  const [receivedOn, setReceivedOn] = useState(stockholmToday());
  const [note, setNote] = useState('');
  const save = useFormMutation(recordApplication.body, {
    mutationFn: (body: Body) => call(recordApplication, { params: { caseId: detail.id }, body }),
    onSuccess: (_result, body) => {
      onDone(`${kindLabels[body.kind]} är registrerad.`);
      refresh('detail');
    },
  });
  const open = canWork && detail.phase === 'preliminary_assessment';
  if (!detail.hasApplicationOrConsent && !open) return null;

  return (
    <section aria-labelledby="ansokan-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="ansokan-rubrik">
          Ansökan eller samtycke
        </Heading>
        {detail.hasApplicationOrConsent ? (
          <BodyLong>Personen har ansökt eller samtyckt till en utredning.</BodyLong>
        ) : (
          <form
            noValidate
            aria-labelledby="ansokan-rubrik"
            onSubmit={(event) => {
              event.preventDefault();
              save.submit({ kind, form, receivedOn, note, version: detail.version });
            }}
          >
            <VStack gap="space-16">
              <BodyLong>
                En utredning om en vuxen får inte inledas mot personens vilja. Registrera personens
                ansökan, eller samtycke till utredning, innan du inleder en utredning.
              </BodyLong>
              <FormErrorSummary formId={formId} errors={save.fieldErrors} />
              <ChangeErrorAlert
                error={save.generalError}
                onReload={() => {
                  save.reset();
                  refresh('detail');
                }}
              />
              <RadioGroup
                id={fieldId(formId, 'body.kind')}
                legend="Vad har personen lämnat?"
                value={kind}
                onChange={(value: Body['kind']) => {
                  setKind(value);
                }}
              >
                <HStack gap="space-24">
                  <Radio value="consent">{kindLabels.consent}</Radio>
                  <Radio value="application">{kindLabels.application}</Radio>
                </HStack>
              </RadioGroup>
              <RadioGroup
                id={fieldId(formId, 'body.form')}
                legend="Hur?"
                value={form}
                onChange={(value: Body['form']) => {
                  setForm(value);
                }}
              >
                <HStack gap="space-24">
                  <Radio value="oral">Muntligt</Radio>
                  <Radio value="written">Skriftligt</Radio>
                </HStack>
              </RadioGroup>
              <TextField
                id={fieldId(formId, 'body.receivedOn')}
                label="Datum"
                description="ÅÅÅÅ-MM-DD"
                htmlSize={12}
                autoComplete="off"
                value={receivedOn}
                onChange={(e) => {
                  setReceivedOn(e.target.value);
                }}
                error={messageFor(save.fieldErrors, 'body.receivedOn')}
              />
              <Textarea
                id={fieldId(formId, 'body.note')}
                label="Anteckning (frivillig)"
                minRows={2}
                maxLength={5_000}
                value={note}
                onChange={(e) => {
                  setNote(e.target.value);
                }}
                error={messageFor(save.fieldErrors, 'body.note')}
              />
              <div>
                <Button type="submit" loading={save.mutation.isPending}>
                  Registrera {kindLabels[kind].toLowerCase()}
                </Button>
              </div>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}
