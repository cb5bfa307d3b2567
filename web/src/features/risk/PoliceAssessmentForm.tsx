import {
  BodyShort,
  Button,
  Heading,
  RadioGroup,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import type { CaseRisk } from '../../../../core/contracts/risk.ts';
import { recordPoliceAssessment } from '../../../../core/contracts/risk.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { RiskLevelOptions } from './RiskLevelOptions.tsx';
import { onlyPerson, PersonSelect } from './PersonSelect.tsx';

const formId = 'polisens-bedomning';

/** The police's risk assessment, recorded with the victim's consent. */
export function PoliceAssessmentForm({
  caseId,
  persons,
}: {
  caseId: string;
  persons: CaseRisk['persons'];
}) {
  const refresh = useRefreshCase(caseId);
  const form = useContractForm(recordPoliceAssessment, {
    formId,
    initial: {
      personId: onlyPerson(persons),
      level: '',
      summary: '',
      policeReference: '',
      consentReference: '',
      assessedOn: stockholmToday(),
    },
    check: (v) => [
      ...(v.personId === '' ? [{ path: 'body.personId', message: 'Välj person.' }] : []),
      ...(v.level === '' ? [{ path: 'body.level', message: 'Välj risknivå.' }] : []),
    ],
    send: (body) => call(recordPoliceAssessment, { params: { caseId }, body }),
    clearOnSuccess: true,
    onSuccess: () => {
      refresh();
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Polisens riskbedömning
        </Heading>
        <BodyShort>Registreras bara med personens samtycke.</BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <PersonSelect {...form.select('personId')} persons={persons} />
        <RadioGroup {...form.choice('level')} legend="Polisens risknivå">
          <RiskLevelOptions />
        </RadioGroup>
        <Textarea
          {...form.longText('summary')}
          label="Sammanfattning av polisens bedömning"
          minRows={3}
        />
        <TextField
          {...form.text('policeReference')}
          label="Polisens diarienummer"
          autoComplete="off"
        />
        <TextField
          {...form.text('consentReference')}
          label="Var samtycket är dokumenterat"
          description="Till exempel journalanteckning och datum."
          autoComplete="off"
        />
        <DateField {...form.text('assessedOn')} label="Datum för polisens bedömning" />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera polisens bedömning
          </Button>
        </div>
        <div role="status">{form.saved ? 'Polisens riskbedömning är registrerad.' : null}</div>
      </VStack>
    </form>
  );
}
