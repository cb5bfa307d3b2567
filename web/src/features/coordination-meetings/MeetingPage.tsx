import { useState } from 'react';
import { BodyShort, Button, Heading, Link, VStack } from '@navikt/ds-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { joinMeeting } from '../../../../core/contracts/coordination-meetings.ts';
import type { Meeting } from '../../../../core/contracts/coordination-meetings.ts';
import { ApiError, call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { AddParticipantForm } from './AddParticipantForm.tsx';
import { MeetingFileSection, participantName } from './MeetingFileSection.tsx';
import { meetingQuery, useRefreshMeetings } from './meetings.ts';
import { MeetingStatusTag } from './MeetingTable.tsx';
import { MinutesForm } from './MinutesForm.tsx';
import { OpenButton } from './RowList.tsx';
import { useFocusBack } from './useFocusBack.ts';

/**
 * One samråd: when, what for, who called it and who takes part; each file in it, as far as the
 * reader may read it — each participant's presence for the file and the points of the minutes
 * that belong to it; the reader's own files that may join; and, for the holder, participants to
 * add and the minutes to write.
 */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const query = useQuery(meetingQuery(meetingId));
  if (query.isPending) {
    return (
      <div>
        <PageHeading>Samråd</PageHeading>
        <Loading label="Hämtar samrådet…" />
      </div>
    );
  }
  if (query.error instanceof ApiError && query.error.code === 'NOT_FOUND') return <NotFoundPage />;
  if (query.isError) {
    return (
      <VStack gap="space-16">
        <PageHeading>Samråd</PageHeading>
        <ApiErrorAlert error={query.error} />
      </VStack>
    );
  }
  return <MeetingView meeting={query.data} />;
}

function MeetingView({ meeting: m }: { meeting: Meeting }) {
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [open, setOpen] = useState<'participant' | 'minutes' | null>(null);
  const mayChange = m.holds && m.minutes === null;
  // The holder's own file, the one the samråd was called from: its units and providers.
  const holderFile = m.files.find((f) => f.workable);
  // Back from a form, focus goes to the heading of what it changed.
  const [participantsRef, participantsBack] = useFocusBack<HTMLHeadingElement>();
  const [filesRef, filesBack] = useFocusBack<HTMLHeadingElement>();
  const close = () => {
    if (open === 'participant') participantsBack();
    else filesBack();
    setOpen(null);
  };
  const done = (message: string) => {
    close();
    setAnnouncement(message);
  };
  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <Link as={RouterLink} to="/samrad">
          Tillbaka till samråd
        </Link>
        <PageHeading>{`Samråd ${formatDate(m.plannedOn)}: ${m.purpose}`}</PageHeading>
        <div>
          <MeetingStatusTag status={m.status} />
        </div>
        <dl className="facts">
          <dt>Kallat av</dt>
          <dd>
            {m.holder.displayName}, {m.unitName}, {formatDateTime(m.calledAt)}
          </dd>
          <dt>Planerat till</dt>
          <dd>{formatDate(m.plannedOn)}</dd>
          {m.minutes ? (
            <>
              <dt>Hölls</dt>
              <dd>
                {formatDate(m.minutes.heldOn)}, minnesanteckningar av{' '}
                {m.minutes.writtenBy.displayName}
              </dd>
              <dt>Uppföljande samråd</dt>
              <dd>{m.minutes.followUpOn ? formatDate(m.minutes.followUpOn) : 'Inte bestämt'}</dd>
            </>
          ) : null}
          {m.followsId ? (
            <>
              <dt>Följer upp</dt>
              <dd>
                <Link as={RouterLink} to={`/samrad/${m.followsId}`}>
                  Det tidigare samrådet
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      {m.joinable.length > 0 ? <JoinSection meeting={m} onDone={done} /> : null}
      <section aria-labelledby="deltagare-rubrik">
        <VStack gap="space-12">
          <Heading
            level="2"
            size="medium"
            id="deltagare-rubrik"
            ref={participantsRef}
            tabIndex={-1}
          >
            Deltagare
          </Heading>
          <ul aria-labelledby="deltagare-rubrik">
            {m.participants.map((p) => (
              <li key={p.id}>{participantName(p)}</li>
            ))}
          </ul>
          {mayChange && holderFile && open !== 'participant' ? (
            <OpenButton
              onClick={() => {
                setOpen('participant');
              }}
            >
              Lägg till deltagare
            </OpenButton>
          ) : null}
          {mayChange && holderFile && open === 'participant' ? (
            <AddParticipantForm
              meetingId={m.id}
              caseId={holderFile.caseId}
              onCancel={close}
              onDone={done}
            />
          ) : null}
        </VStack>
      </section>
      <section aria-labelledby="akter-rubrik">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="akter-rubrik" ref={filesRef} tabIndex={-1}>
            Akter i samrådet
          </Heading>
          {m.files.map((f) => (
            <MeetingFileSection key={f.caseId} meeting={m} file={f} onDone={setAnnouncement} />
          ))}
        </VStack>
      </section>
      {mayChange && open !== 'minutes' ? (
        <div>
          <Button
            type="button"
            onClick={() => {
              setOpen('minutes');
            }}
          >
            Skriv minnesanteckningar
          </Button>
        </div>
      ) : null}
      {mayChange && open === 'minutes' ? (
        <MinutesForm meeting={m} onCancel={close} onDone={done} />
      ) : null}
    </VStack>
  );
}

/** The reader's own files whose unit takes part: each joins with one press. */
function JoinSection({ meeting, onDone }: { meeting: Meeting; onDone: (message: string) => void }) {
  const refresh = useRefreshMeetings();
  const join = useMutation({
    mutationFn: (caseId: string) =>
      call(joinMeeting, { params: { caseId, meetingId: meeting.id } }),
    onSuccess: (_result, caseId) => {
      void refresh();
      const person = meeting.joinable.find((j) => j.caseId === caseId)?.personName ?? '';
      onDone(`Akten för ${person} är ansluten till samrådet.`);
    },
  });
  return (
    <section aria-labelledby="anslut-rubrik">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="anslut-rubrik">
          Anslut akt
        </Heading>
        <BodyShort>
          Din enhet deltar i samrådet. Anslut akten för den person samrådet gäller, så kan du
          registrera grunden för varje deltagares närvaro och läsa punkterna för akten.
        </BodyShort>
        <ApiErrorAlert error={join.error} />
        <VStack gap="space-8" align="start">
          {meeting.joinable.map((j) => (
            <Button
              key={j.caseId}
              type="button"
              variant="secondary"
              size="small"
              loading={join.isPending && join.variables === j.caseId}
              onClick={() => {
                join.mutate(j.caseId);
              }}
            >
              Anslut akten för {j.personName}
            </Button>
          ))}
        </VStack>
      </VStack>
    </section>
  );
}
