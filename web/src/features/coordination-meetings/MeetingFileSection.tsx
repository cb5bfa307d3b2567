import { useState } from 'react';
import { BodyShort, Button, Heading, HStack, Table, Tag, VStack } from '@navikt/ds-react';
import type {
  Meeting,
  MeetingFile,
  MeetingItem,
  Participant,
} from '../../../../core/contracts/coordination-meetings.ts';
import { informationCategoryLabels } from '../../../../core/domain/consents.ts';
import { meetingItemKindLabels } from '../../../../core/domain/coordination-meetings.ts';
import { formatDate } from '../../components/format.ts';
import { CloseActionForm } from './CloseActionForm.tsx';
import { fileName } from './meetings.ts';
import { PresenceGroundForm } from './PresenceGroundForm.tsx';
import { OpenButton } from './RowList.tsx';
import { useFocusBack } from './useFocusBack.ts';

type Presence = NonNullable<MeetingFile['presences']>[number];

/** How a participant's presence for the file stands, in the handläggare's words. */
function presenceText(p: Presence | undefined): string {
  if (!p) return 'Grund saknas';
  switch (p.status) {
    case 'own_unit':
      return 'Egen enhet';
    case 'missing':
      return 'Grund saknas';
    case 'covered':
      return p.ground
        ? `${p.ground.kind === 'consent' ? 'Samtycke' : 'Lagstöd'}: ${p.ground.text}`
        : 'Grund registrerad';
    case 'not_covered':
      return `Gäller inte: ${p.reason ?? 'grunden täcker inte närvaron'}`;
  }
}

export const participantName = (p: Participant) => `${p.name}, ${p.role} (${p.recipient.name})`;

/**
 * One file of the samråd. Whoever may read it sees each participant's presence for it and the
 * points of the minutes that belong to it; whoever works it records the grounds. Whoever may
 * not read it sees only which unit keeps it.
 */
export function MeetingFileSection({
  meeting,
  file,
  onDone,
}: {
  meeting: Meeting;
  file: MeetingFile;
  onDone: (message: string) => void;
}) {
  const name = fileName(file);
  const headingId = `akt-${file.caseId}`;
  return (
    <section aria-labelledby={headingId} className="counterpart">
      <VStack gap="space-16">
        <VStack gap="space-4">
          <Heading level="3" size="small" id={headingId}>
            {name}
          </Heading>
          <BodyShort size="small" textColor="subtle">
            {file.personName ? `Akten hålls av ${file.unitName}. ` : ''}
            Ansluten av {file.joinedBy.displayName}
            {file.handler ? `. Handläggare: ${file.handler.displayName}` : ''}.
          </BodyShort>
        </VStack>
        {file.readable && file.presences && file.items ? (
          <>
            <PresenceTable meeting={meeting} file={file} name={name} onDone={onDone} />
            {meeting.minutes ? (
              <ItemList meetingId={meeting.id} items={file.items} name={name} onDone={onDone} />
            ) : null}
          </>
        ) : (
          <BodyShort>
            Du kan inte läsa akten. Närvaron och punkterna för den visas bara för dem som får läsa
            akten.
          </BodyShort>
        )}
      </VStack>
    </section>
  );
}

function PresenceTable({
  meeting,
  file,
  name,
  onDone,
}: {
  meeting: Meeting;
  file: MeetingFile;
  name: string;
  onDone: (message: string) => void;
}) {
  const [recording, setRecording] = useState<Participant | null>(null);
  const [headingRef, focusBack] = useFocusBack<HTMLHeadingElement>();
  const mayRecord = file.workable && meeting.minutes === null;
  const presences = file.presences ?? [];
  const tableName = `Närvaro för ${name}`;
  return (
    <VStack gap="space-12">
      <Heading level="4" size="xsmall" ref={headingRef} tabIndex={-1}>
        Närvaro och grund
      </Heading>
      <div className="table-scroll">
        <Table size="small" aria-label={tableName}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">Deltagare</Table.HeaderCell>
              <Table.HeaderCell scope="col">Grund</Table.HeaderCell>
              <Table.HeaderCell scope="col">Uppgifter</Table.HeaderCell>
              {mayRecord ? (
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">Registrera</span>
                </Table.HeaderCell>
              ) : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {meeting.participants.map((p) => {
              const presence = presences.find((x) => x.participantId === p.id);
              const status = presence?.status ?? 'missing';
              return (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">{participantName(p)}</Table.HeaderCell>
                  <Table.DataCell className="preserve-lines">
                    {presenceText(presence)}
                  </Table.DataCell>
                  <Table.DataCell>
                    {presence?.categories
                      ? presence.categories.map((k) => informationCategoryLabels[k]).join(', ')
                      : '–'}
                  </Table.DataCell>
                  {mayRecord ? (
                    <Table.DataCell>
                      {status === 'own_unit' ? null : (
                        <Button
                          type="button"
                          size="small"
                          variant="secondary"
                          onClick={() => {
                            setRecording(p);
                          }}
                        >
                          Registrera grund
                          <span className="visually-hidden"> för {p.name}</span>
                        </Button>
                      )}
                    </Table.DataCell>
                  ) : null}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {recording ? (
        <PresenceGroundForm
          key={recording.id}
          caseId={file.caseId}
          meetingId={meeting.id}
          participant={recording}
          legalBases={meeting.legalBases}
          onCancel={() => {
            setRecording(null);
            focusBack();
          }}
          onDone={(message) => {
            setRecording(null);
            focusBack();
            onDone(message);
          }}
        />
      ) : null}
    </VStack>
  );
}

function ItemList({
  meetingId,
  items,
  name,
  onDone,
}: {
  meetingId: string;
  items: readonly MeetingItem[];
  name: string;
  onDone: (message: string) => void;
}) {
  return (
    <VStack gap="space-12">
      <Heading level="4" size="xsmall">
        Minnesanteckningar för akten
      </Heading>
      {items.length === 0 ? (
        <BodyShort textColor="subtle">Inga punkter gäller akten.</BodyShort>
      ) : (
        <VStack as="ol" gap="space-12" className="plain-list" aria-label={`Punkter för ${name}`}>
          {items.map((item) => (
            <li key={item.id}>
              <ItemCard meetingId={meetingId} item={item} onDone={onDone} />
            </li>
          ))}
        </VStack>
      )}
    </VStack>
  );
}

function ItemCard({
  meetingId,
  item,
  onDone,
}: {
  meetingId: string;
  item: MeetingItem;
  onDone: (message: string) => void;
}) {
  const [closing, setClosing] = useState(false);
  const [articleRef, focusBack] = useFocusBack<HTMLElement>();
  const action = item.kind === 'action';
  return (
    <article
      aria-label={`${meetingItemKindLabels[item.kind]}: ${item.text}`}
      ref={articleRef}
      tabIndex={-1}
    >
      <VStack gap="space-8">
        <HStack gap="space-8" align="center">
          <Tag variant={action ? 'alt1' : 'neutral'} size="small">
            {meetingItemKindLabels[item.kind]}
          </Tag>
          {action ? (
            <Tag variant={item.done ? 'success' : 'warning'} size="small">
              {item.done ? 'Klar' : 'Pågår'}
            </Tag>
          ) : null}
        </HStack>
        <BodyShort className="preserve-lines">{item.text}</BodyShort>
        {action ? (
          <dl className="facts">
            <dt>Ansvarig</dt>
            <dd>
              {item.owner ?? '–'}
              {item.ownedByReader ? ' (du)' : ''}
            </dd>
            <dt>Klar senast</dt>
            <dd>{item.dueOn ? formatDate(item.dueOn) : '–'}</dd>
            {item.done ? (
              <>
                <dt>Klar</dt>
                <dd>
                  {formatDate(item.done.doneOn)}, {item.done.by.displayName}
                  {item.done.note ? <div className="preserve-lines">{item.done.note}</div> : null}
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {action && !item.done && item.canClose && !closing ? (
          <OpenButton
            onClick={() => {
              setClosing(true);
            }}
          >
            Åtgärden är klar
          </OpenButton>
        ) : null}
        {closing ? (
          <CloseActionForm
            meetingId={meetingId}
            item={item}
            onCancel={() => {
              setClosing(false);
              focusBack();
            }}
            onDone={(message) => {
              setClosing(false);
              focusBack();
              onDone(message);
            }}
          />
        ) : null}
      </VStack>
    </article>
  );
}
