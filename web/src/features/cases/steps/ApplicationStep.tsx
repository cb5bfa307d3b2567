import {
  BodyLong,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { recordApplication } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import { call } from '../../../api/client.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { stockholmToday } from '../../../components/dates.ts';
import { DateField } from '../../../components/DateField.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { useRefreshCase } from '../useCase.ts';

const formId = 'ansokan';
type Body = BodyOf<typeof recordApplication>;

const kindLabels = { application: 'Ansökan', consent: 'Samtycke till utredning' } as const;
const blank = (): Omit<Body, 'version'> => ({
  kind: 'consent',
  form: 'oral',
  receivedOn: stockholmToday(),
  note: '',
});

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
  const save = useContractForm(recordApplication, {
    formId,
    initial: blank(),
    toBody: (v) => ({ ...v, version: detail.version }),
    send: (body) => call(recordApplication, { params: { caseId: detail.id }, body }),
    onSuccess: (_result, body) => {
      onDone(`${kindLabels[body.kind]} är registrerad.`);
      refresh('detail');
    },
  });
  // The case flow's own answer, the same as the server's 409: never a test of the phase.
  const step = detail.abilities.steps.application;
  // Why it cannot be taken now, for the one who works the case (nobody else could act on it).
  const refusal = canWork ? step.message : null;
  if (!detail.hasApplicationOrConsent && !step.allowed && refusal === null) return null;

  return (
    <section aria-labelledby="ansokan-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="ansokan-rubrik">
          Ansökan eller samtycke
        </Heading>
        {detail.hasApplicationOrConsent ? (
          <BodyLong>Personen har ansökt eller samtyckt till en utredning.</BodyLong>
        ) : !step.allowed ? (
          <BodyLong>{refusal}</BodyLong>
        ) : (
          <form {...save.formProps} aria-labelledby="ansokan-rubrik">
            <VStack gap="space-16">
              <BodyLong>
                En utredning om en vuxen får inte inledas mot personens vilja. Registrera personens
                ansökan, eller samtycke till utredning, innan du inleder en utredning.
              </BodyLong>
              <FormErrorSummary {...save.summaryProps} />
              <ChangeErrorAlert
                error={save.generalError}
                onReload={() => {
                  save.reset();
                  refresh('detail');
                }}
              />
              <RadioGroup {...save.choice('kind')} legend="Vad har personen lämnat?">
                <HStack gap="space-24">
                  <Radio value="consent">{kindLabels.consent}</Radio>
                  <Radio value="application">{kindLabels.application}</Radio>
                </HStack>
              </RadioGroup>
              <RadioGroup {...save.choice('form')} legend="Hur?">
                <HStack gap="space-24">
                  <Radio value="oral">Muntligt</Radio>
                  <Radio value="written">Skriftligt</Radio>
                </HStack>
              </RadioGroup>
              <DateField {...save.text('receivedOn')} label="Datum" />
              <Textarea {...save.longText('note')} label="Anteckning (frivillig)" minRows={2} />
              <div>
                <Button type="submit" loading={save.mutation.isPending}>
                  Registrera {kindLabels[save.values.kind].toLowerCase()}
                </Button>
              </div>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}
