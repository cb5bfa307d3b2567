import { useEffect, useRef } from 'react';
import { BodyShort, Fieldset, Heading, HStack, Select, Textarea, VStack } from '@navikt/ds-react';
import { holdMeeting } from '../../../../core/contracts/coordination-meetings.ts';
import type { Meeting, MinutesItemIn } from '../../../../core/contracts/coordination-meetings.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import {
  meetingItemKindLabels,
  meetingItemKinds,
} from '../../../../core/domain/coordination-meetings.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { participantName } from './MeetingFileSection.tsx';
import { fileName, useRefreshMeetings } from './meetings.ts';
import { rowLabel, RowList } from './RowList.tsx';

/**
 * "Skriv minnesanteckningar": the samråd held, its minutes written once by the holder. Each
 * point belongs to one file — that file's readers, and only they, will read it — and is a
 * question, a decision or an action; an action has an owner (the file's handläggare or a
 * participant) and a date it is to be done by.
 */

interface ItemRow {
  caseId: string;
  kind: string;
  text: string;
  /** 'handler', a participant's id, or '' while unchosen. */
  owner: string;
  dueOn: string;
}

const newItem = (): ItemRow => ({ caseId: '', kind: '', text: '', owner: '', dueOn: '' });

function itemBody(row: ItemRow): unknown {
  const action = row.kind === 'action';
  const owner: MinutesItemIn['owner'] =
    !action || row.owner === ''
      ? null
      : row.owner === 'handler'
        ? { kind: 'handler' }
        : { kind: 'participant', participantId: row.owner };
  return {
    caseId: row.caseId,
    kind: row.kind,
    text: row.text,
    owner,
    dueOn: action ? row.dueOn : null,
  };
}

export function MinutesForm({
  meeting,
  onCancel,
  onDone,
}: {
  meeting: Meeting;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshMeetings();
  const formId = 'minnesanteckningar';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const form = useContractForm(holdMeeting, {
    formId,
    initial: { heldOn: stockholmToday(), followUpOn: '', items: [newItem()] as ItemRow[] },
    check: (v) =>
      v.items.flatMap((row, i): FieldError[] =>
        row.kind === 'action' && row.owner === ''
          ? [
              {
                path: `body.items.${String(i)}.owner`,
                message: `Välj vem som ansvarar för åtgärden i punkt ${String(i + 1)}.`,
              },
            ]
          : [],
      ),
    toBody: (v) => ({
      heldOn: v.heldOn,
      followUpOn: v.followUpOn.trim() === '' ? null : v.followUpOn,
      items: v.items.map(itemBody),
    }),
    send: (body) => call(holdMeeting, { params: { meetingId: meeting.id }, body }),
    onSuccess: () => {
      void refresh();
      onDone('Minnesanteckningarna är sparade och samrådet är hållet.');
    },
  });
  const rows = form.values.items;
  const setRow = (i: number, patch: Partial<ItemRow>) => {
    form.set({ items: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  };
  const field = (i: number, name: string) => ({
    id: form.idOf(`items.${String(i)}.${name}`),
    error: form.errorOf(`items.${String(i)}.${name}`),
  });
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="medium" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Skriv minnesanteckningar
        </Heading>
        <BodyShort>
          Minnesanteckningarna skrivs en gång. Varje punkt hör till en akt, och bara den som får
          läsa akten ser punkten. Varje deltagare måste ha en grund för sin närvaro för varje akt
          den dag samrådet hölls.
        </BodyShort>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <HStack gap="space-16">
          <DateField {...form.text('heldOn')} label="Samrådet hölls" />
          <DateField {...form.text('followUpOn')} label="Uppföljande samråd (frivilligt)" />
        </HStack>
        <Fieldset legend="Punkter" id={form.idOf('items')} error={form.errorOf('items')}>
          <RowList
            count={rows.length}
            noun="punkt"
            min={1}
            addLabel="Lägg till en punkt"
            onAdd={() => {
              form.set({ items: [...rows, newItem()] });
            }}
            onRemove={(i) => {
              form.set({ items: rows.filter((_, j) => j !== i) });
            }}
          >
            {(i, rowName) => {
              const row = rows[i] ?? newItem();
              const file = meeting.files.find((f) => f.caseId === row.caseId);
              return (
                <>
                  <Select
                    {...field(i, 'caseId')}
                    label={rowLabel('Akt', rowName)}
                    value={row.caseId}
                    onChange={(e) => {
                      setRow(i, { caseId: e.target.value, owner: '' });
                    }}
                  >
                    <option value="">Välj akt</option>
                    {meeting.files.map((f) => (
                      <option key={f.caseId} value={f.caseId}>
                        {fileName(f)}
                      </option>
                    ))}
                  </Select>
                  <Select
                    {...field(i, 'kind')}
                    label={rowLabel('Typ av punkt', rowName)}
                    value={row.kind}
                    onChange={(e) => {
                      setRow(i, { kind: e.target.value });
                    }}
                  >
                    <option value="">Välj typ</option>
                    {meetingItemKinds.map((k) => (
                      <option key={k} value={k}>
                        {meetingItemKindLabels[k]}
                      </option>
                    ))}
                  </Select>
                  <Textarea
                    {...field(i, 'text')}
                    label={rowLabel('Text', rowName)}
                    minRows={2}
                    value={row.text}
                    onChange={(e) => {
                      setRow(i, { text: e.target.value });
                    }}
                  />
                  {row.kind === 'action' ? (
                    <HStack gap="space-16" align="start">
                      <Select
                        {...field(i, 'owner')}
                        label={rowLabel('Ansvarig', rowName)}
                        value={row.owner}
                        onChange={(e) => {
                          setRow(i, { owner: e.target.value });
                        }}
                      >
                        <option value="">Välj ansvarig</option>
                        {file?.handler ? (
                          <option value="handler">
                            {file.handler.displayName}, handläggare för akten
                          </option>
                        ) : null}
                        {meeting.participants.map((p) => (
                          <option key={p.id} value={p.id}>
                            {participantName(p)}
                          </option>
                        ))}
                      </Select>
                      <DateField
                        {...field(i, 'dueOn')}
                        label={rowLabel('Klar senast', rowName)}
                        value={row.dueOn}
                        onChange={(e) => {
                          setRow(i, { dueOn: e.target.value });
                        }}
                      />
                    </HStack>
                  ) : null}
                </>
              );
            }}
          </RowList>
        </Fieldset>
        <FormActions
          submit="Spara minnesanteckningarna"
          pending={form.mutation.isPending}
          onCancel={onCancel}
        />
      </VStack>
    </form>
  );
}
