import { useEffect, useRef } from 'react';
import { Heading, Textarea, VStack } from '@navikt/ds-react';
import { closeAction } from '../../../../core/contracts/coordination-meetings.ts';
import type { MeetingItem } from '../../../../core/contracts/coordination-meetings.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshMeetings } from './meetings.ts';

/** "Åtgärden är klar": when, and what came of it if it needs saying. */
export function CloseActionForm({
  meetingId,
  item,
  onCancel,
  onDone,
}: {
  meetingId: string;
  item: MeetingItem;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshMeetings();
  const formId = `klar-${item.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(closeAction, {
    formId,
    initial: { doneOn: stockholmToday(), note: '' },
    toBody: (v) => ({ doneOn: v.doneOn, note: v.note.trim() === '' ? null : v.note }),
    send: (body) => call(closeAction, { params: { meetingId, itemId: item.id }, body }),
    onSuccess: () => {
      void refresh();
      onDone('Åtgärden är markerad som klar.');
    },
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="5" size="xsmall" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Åtgärden är klar
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <DateField {...form.text('doneOn')} label="Klar den" />
        <Textarea
          {...form.longText('note')}
          label="Kommentar (frivillig)"
          description="Till exempel vad som kom fram eller vad som händer nu."
          minRows={2}
        />
        <FormActions
          submit="Markera som klar"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
