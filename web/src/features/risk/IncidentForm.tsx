import { BodyShort, Button, Heading, Textarea, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { recordIncident } from '../../../../core/contracts/risk.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';

const formId = 'handelse';

/** New violence, a threat or a police report: a reason to assess the risk again. */
export function IncidentForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase(caseId);
  const form = useContractForm(recordIncident, {
    formId,
    initial: { occurredOn: stockholmToday(), description: '' },
    send: (body) => call(recordIncident, { params: { caseId }, body }),
    clearOnSuccess: ['description'],
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Registrera händelse
        </Heading>
        <BodyShort>
          Nytt våld, hot eller en polisanmälan: ett skäl att bedöma risken igen.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <DateField {...form.text('occurredOn')} label="Datum för händelsen" />
        <Textarea {...form.longText('description')} label="Vad hände?" minRows={3} />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera händelsen
          </Button>
        </div>
        <div role="status">{form.saved ? 'Händelsen är registrerad.' : null}</div>
      </VStack>
    </form>
  );
}
