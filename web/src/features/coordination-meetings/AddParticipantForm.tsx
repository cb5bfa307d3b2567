import { useEffect, useRef } from 'react';
import { Heading, VStack } from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { addParticipant } from '../../../../core/contracts/coordination-meetings.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { consentsQuery } from '../consents/ConsentsTab.tsx';
import { useRefreshMeetings } from './meetings.ts';
import { newParticipant, ParticipantFields, participantBody } from './ParticipantFields.tsx';
import type { Options } from './ParticipantFields.tsx';

/**
 * "Lägg till deltagare", for the holder until the samråd is held. The units and providers to
 * choose from are those of the file the samråd was called from.
 */
export function AddParticipantForm({
  meetingId,
  caseId,
  onCancel,
  onDone,
}: {
  meetingId: string;
  caseId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const query = useQuery(consentsQuery(caseId));
  if (query.isPending) return <Loading label="Hämtar enheter och utförare…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  if (!query.data.options) return null;
  return (
    <Form meetingId={meetingId} options={query.data.options} onCancel={onCancel} onDone={onDone} />
  );
}

function Form({
  meetingId,
  options,
  onCancel,
  onDone,
}: {
  meetingId: string;
  options: Options;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshMeetings();
  const formId = 'ny-deltagare';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(addParticipant, {
    formId,
    initial: { participant: newParticipant() },
    toBody: (v) => ({ participant: participantBody(v.participant) }),
    send: (body) => call(addParticipant, { params: { meetingId }, body }),
    onSuccess: (_result, body) => {
      void refresh();
      onDone(`${body.participant.name} är tillagd som deltagare.`);
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Lägg till deltagare
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <ParticipantFields
          row={form.values.participant}
          options={options}
          onChange={(patch) => {
            form.set({ participant: { ...form.values.participant, ...patch } });
          }}
          field={(name) => ({
            id: form.idOf(`participant.${name}`),
            error: form.errorOf(`participant.${name}`),
          })}
        />
        <FormActions
          submit="Lägg till deltagaren"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
