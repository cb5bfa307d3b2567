import { useState } from 'react';
import { BodyLong, BodyShort, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJournalHistory, listJournal } from '../../../../core/contracts/case-documents.ts';
import type { JournalEntry } from '../../../../core/contracts/case-documents.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { sourceLabel } from '../../../../core/domain/investigation-template.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { VersionsButton } from '../../components/VersionsButton.tsx';
import { journalKey } from './keys.ts';
import { CorrectionDialog } from './CorrectionDialog.tsx';
import { NewJournalEntry } from './NewJournalEntry.tsx';
import { ShowMoreButton } from '../../components/ShowMoreButton.tsx';

const PAGE_SIZE = 25;

/** Journalanteckningar, newest first, a page at a time; new entries with autosave; corrections. */
export function JournalTab({ detail }: { detail: CaseDetail }) {
  const canWrite = detail.abilities.work;
  const queryClient = useQueryClient();
  const journal = useInfiniteQuery({
    queryKey: journalKey(detail.id),
    queryFn: ({ pageParam }) =>
      call(listJournal, {
        params: { caseId: detail.id },
        query: { limit: PAGE_SIZE, after: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = journal.data?.pages.flatMap((p) => p.items) ?? [];
  const [correcting, setCorrecting] = useState<JournalEntry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refetch = () => queryClient.invalidateQueries({ queryKey: journalKey(detail.id) });

  return (
    <VStack gap="space-40">
      {canWrite ? (
        <NewJournalEntry
          caseId={detail.id}
          onSaved={() => {
            void refetch();
          }}
        />
      ) : null}
      <section aria-labelledby="journal-rubrik">
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="journal-rubrik">
            Journalanteckningar
          </Heading>
          <div role="status">{status}</div>
          {journal.isPending ? <Loading label="Hämtar journalen…" /> : null}
          <ApiErrorAlert error={journal.error} />
          {journal.isSuccess && entries.length === 0 ? (
            <BodyLong>Inga journalanteckningar ännu.</BodyLong>
          ) : null}
          {entries.length > 0 ? (
            <ol className="journal-list">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <JournalEntryView
                    entry={entry}
                    onCorrect={
                      canWrite
                        ? () => {
                            setStatus(null);
                            setCorrecting(entry);
                          }
                        : undefined
                    }
                  />
                </li>
              ))}
            </ol>
          ) : null}
          <ShowMoreButton query={journal} />
        </VStack>
      </section>
      {correcting ? (
        <CorrectionDialog
          // One dialog per entry, kept across a refetch: after a version conflict it shows the
          // entry saved meanwhile beside the writer's text.
          key={correcting.id}
          entry={entries.find((e) => e.id === correcting.id) ?? correcting}
          reload={refetch}
          onClose={(result) => {
            setCorrecting(null);
            if (result === 'saved')
              setStatus('Rättelsen är sparad. Den tidigare texten finns kvar.');
            if (result !== 'cancelled') void refetch();
          }}
        />
      ) : null}
    </VStack>
  );
}

function JournalEntryView({
  entry,
  onCorrect,
}: {
  entry: JournalEntry;
  onCorrect: (() => void) | undefined;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const corrected = entry.version > 1;
  const headingId = `anteckning-${entry.id}`;
  return (
    <article aria-labelledby={headingId} className="journal-entry">
      <VStack gap="space-8">
        <HStack gap="space-8" align="center" wrap>
          <Heading level="3" size="xsmall" id={headingId}>
            {entry.occurredOn} · {entry.author.displayName}
          </Heading>
          {corrected ? (
            <Tag variant="moderate" data-color="info" size="small">
              Rättad
            </Tag>
          ) : null}
        </HStack>
        <BodyShort size="small" textColor="subtle">
          Källa: {sourceLabel(entry.source)}
        </BodyShort>
        <BodyLong className="preserve-lines">{entry.text}</BodyLong>
        <BodyShort size="small" textColor="subtle">
          Skriven {formatDateTime(entry.createdAt)}
          {corrected
            ? `. Rättad ${formatDateTime(entry.changedAt)} av ${entry.changedBy.displayName}`
            : ''}
        </BodyShort>
        <HStack gap="space-8">
          {onCorrect ? (
            <Button size="small" variant="secondary" onClick={onCorrect}>
              Rätta
              <span className="visually-hidden"> anteckningen {entry.occurredOn}</span>
            </Button>
          ) : null}
          {corrected ? (
            <VersionsButton
              shown={showHistory}
              onToggle={() => {
                setShowHistory((shown) => !shown);
              }}
              controls={`${headingId}-versioner`}
              count={entry.version}
            />
          ) : null}
        </HStack>
        <div id={`${headingId}-versioner`}>
          {showHistory ? <JournalHistory entryId={entry.id} version={entry.version} /> : null}
        </div>
      </VStack>
    </article>
  );
}

/** Every version of an entry, oldest first: the original stays readable after a correction. */
function JournalHistory({ entryId, version }: { entryId: string; version: number }) {
  const history = useQuery({
    queryKey: ['journal-history', entryId, version],
    queryFn: () => call(getJournalHistory, { params: { entryId } }),
  });
  if (history.isPending) return <Loading label="Hämtar versionerna…" />;
  if (history.isError) return <ApiErrorAlert error={history.error} />;
  return (
    <ol
      className="version-list"
      aria-label={`Versioner av anteckningen, ${history.data.versions.length} st`}
    >
      {history.data.versions.map((v) => (
        <li key={v.version}>
          <VStack gap="space-4">
            <BodyShort weight="semibold">
              {v.correctionReason === null ? 'Original' : `Rättelse ${v.version - 1}`} ·{' '}
              {formatDateTime(v.recordedAt)} · {v.recordedBy.displayName}
            </BodyShort>
            {v.correctionReason !== null ? (
              <BodyShort size="small">Skäl till rättelsen: {v.correctionReason}</BodyShort>
            ) : null}
            <BodyShort size="small" textColor="subtle">
              Datum {v.occurredOn} · Källa: {sourceLabel(v.source)}
            </BodyShort>
            <BodyLong size="small" className="preserve-lines">
              {v.text}
            </BodyLong>
          </VStack>
        </li>
      ))}
    </ol>
  );
}
