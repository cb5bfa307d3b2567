import { BodyShort, Button, Fieldset, Heading, Select, Textarea, VStack } from '@navikt/ds-react';
import { useNavigate } from 'react-router';
import { callMeeting } from '../../../../core/contracts/coordination-meetings.ts';
import type { MeetingSummary } from '../../../../core/contracts/coordination-meetings.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { formatDate } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshMeetings } from './meetings.ts';
import { newParticipant, ParticipantFields, participantBody } from './ParticipantFields.tsx';
import { RowList } from './RowList.tsx';
import type { Options, ParticipantRow } from './ParticipantFields.tsx';

const formId = 'kalla-samrad';

/**
 * "Kalla till samråd" from the case: when, what it is to coordinate, and who else takes part.
 * The case's file joins, and the caller takes part for the case's unit; every other file joins
 * by whoever works it. Called, the samråd opens.
 */
export function CallMeetingForm({
  caseId,
  options,
  earlier,
}: {
  caseId: string;
  options: Options;
  /** The file's samråd, one of which the new one may follow up. */
  earlier: readonly MeetingSummary[];
}) {
  const navigate = useNavigate();
  const refresh = useRefreshMeetings();
  const form = useContractForm(callMeeting, {
    formId,
    initial: {
      plannedOn: '',
      purpose: '',
      participants: [newParticipant()] as ParticipantRow[],
      followsId: '',
    },
    toBody: (v) => ({
      plannedOn: v.plannedOn,
      purpose: v.purpose,
      participants: v.participants.map(participantBody),
      followsId: v.followsId === '' ? null : v.followsId,
    }),
    send: (body) => call(callMeeting, { params: { caseId }, body }),
    onSuccess: (result) => {
      void refresh();
      void navigate(`/samrad/${result.id}`);
    },
  });
  const rows = form.values.participants;
  const setRow = (i: number, patch: Partial<ParticipantRow>) => {
    form.set({ participants: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  };
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`}>
          Kalla till samråd
        </Heading>
        <BodyShort>
          Akten i det här ärendet ansluts till samrådet, och du deltar för din enhet. Andra enheter
          ansluter sina akter själva. Den som handlägger en akt registrerar samtycke eller lagstöd
          för varje deltagare från en annan enhet eller verksamhet.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <DateField {...form.text('plannedOn')} label="Datum för samrådet" />
        <Textarea
          {...form.longText('purpose')}
          label="Syfte"
          description="Vad samrådet ska samordna, till exempel vem som utreder vad och i vilken ordning."
          minRows={2}
        />
        {earlier.length > 0 ? (
          <Select {...form.select('followsId')} label="Följer upp samråd">
            <option value="">Inget, ett nytt samråd</option>
            {earlier.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.heldOn ?? m.plannedOn)}: {m.purpose}
              </option>
            ))}
          </Select>
        ) : null}
        <Fieldset
          legend="Andra deltagare"
          description="Enheter, utförare och verksamheter utanför socialtjänsten, till exempel skolan."
          id={form.idOf('participants')}
          error={form.errorOf('participants')}
        >
          <RowList
            count={rows.length}
            noun="deltagare"
            min={0}
            addLabel="Lägg till en deltagare"
            onAdd={() => {
              form.set({ participants: [...rows, newParticipant()] });
            }}
            onRemove={(i) => {
              form.set({ participants: rows.filter((_, j) => j !== i) });
            }}
          >
            {(i, rowName) => {
              const row = rows[i] ?? newParticipant();
              return (
                <ParticipantFields
                  row={row}
                  rowName={rowName}
                  options={options}
                  onChange={(patch) => {
                    setRow(i, patch);
                  }}
                  field={(name) => ({
                    id: form.idOf(`participants.${String(i)}.${name}`),
                    error: form.errorOf(`participants.${String(i)}.${name}`),
                  })}
                />
              );
            }}
          </RowList>
        </Fieldset>
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Kalla till samrådet
          </Button>
        </div>
      </VStack>
    </form>
  );
}
