import { useEffect, useRef, useState } from 'react';
import { BodyLong, BodyShort, Button, Modal, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  correctJournalEntry,
  discardCorrectionDraft,
  getCorrectionDraft,
  saveCorrectionDraft,
} from '../../../../core/contracts/case-documents.ts';
import type { CorrectionDraft, JournalEntry } from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { sourceLabel } from '../../../../core/domain/investigation-template.ts';
import { call, callWhileLeaving } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import {
  ChangeErrorAlert,
  isVersionConflict,
  VersionConflictEffect,
} from '../../components/ChangeErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useServerDraft } from '../../components/useServerDraft.tsx';
import { SourceFields, sourceForApi, sourceFromApi } from './SourceFields.tsx';
import type { SourceValue } from './SourceFields.tsx';

const formId = 'rattelse';
type Result = 'saved' | 'cancelled';

interface Fields {
  occurredOn: string;
  text: string;
  source: SourceValue;
  reason: string;
}

const fieldsOfEntry = (entry: JournalEntry): Fields => ({
  occurredOn: entry.occurredOn,
  text: entry.text,
  source: sourceFromApi(entry.source),
  reason: '',
});
const fieldsOfDraft = (draft: CorrectionDraft): Fields => ({
  occurredOn: draft.occurredOn,
  text: draft.text,
  source: sourceFromApi(draft.source),
  reason: draft.reason,
});
/** The fields as the server stores the draft, with the version the writer's text started from. */
const draftOf = (version: number, f: Fields): CorrectionDraft => ({
  version,
  occurredOn: f.occurredOn.slice(0, 10),
  text: f.text,
  source: sourceForApi(f.source),
  reason: f.reason,
});

/**
 * Rätta a journal entry: a new version with the reason. The earlier text is never changed and
 * stays in the entry's history. What the writer types is her draft on the server (as a new entry
 * is): saved a moment after typing stops and as the page goes away, kept when the dialog is
 * closed, and restored when she opens the correction again. `reload` fetches the journal again,
 * so that after a version conflict the entry is the one saved meanwhile.
 */
export function CorrectionDialog({
  entry,
  onClose,
  reload,
}: {
  entry: JournalEntry;
  onClose: (result: Result) => void;
  reload: () => Promise<unknown>;
}) {
  // Closing the dialog (rather than removing it) lets the browser return focus to "Rätta".
  const [open, setOpen] = useState(true);
  const result = useRef<Result>('cancelled');
  const finish = (how: Result) => {
    result.current = how;
    setOpen(false);
  };
  const draft = useQuery({
    // Not under the journal's key: a refetch of the journal must not read the draft again.
    queryKey: ['correction-draft', entry.id],
    queryFn: () => call(getCorrectionDraft, { params: { entryId: entry.id } }),
    // Read once when the dialog opens: a later refetch must not overwrite what is being typed.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: 'always',
  });

  return (
    <Modal
      open={open}
      onClose={() => {
        onClose(result.current);
      }}
      header={{ heading: 'Rätta journalanteckningen' }}
      width="medium"
    >
      {draft.isSuccess ? (
        <CorrectionForm
          entry={entry}
          stored={
            draft.data.draft && draft.data.savedAt
              ? { value: draft.data.draft, savedAt: draft.data.savedAt }
              : null
          }
          finish={finish}
          reload={reload}
        />
      ) : (
        <>
          <Modal.Body>
            {draft.isPending ? <Loading label="Hämtar ditt utkast…" /> : null}
            <ApiErrorAlert error={draft.error} />
          </Modal.Body>
          <Modal.Footer>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                finish('cancelled');
              }}
            >
              Avbryt
            </Button>
          </Modal.Footer>
        </>
      )}
    </Modal>
  );
}

function CorrectionForm({
  entry,
  stored,
  finish,
  reload,
}: {
  entry: JournalEntry;
  stored: { value: CorrectionDraft; savedAt: string } | null;
  finish: (how: Result) => void;
  reload: () => Promise<unknown>;
}) {
  const [fields, setFields] = useState<Fields>(() =>
    stored ? fieldsOfDraft(stored.value) : fieldsOfEntry(entry),
  );
  // The version the writer's text started from; older than the entry's after a conflict (here,
  // or found when a draft from before someone else's correction is restored).
  const [baseVersion, setBaseVersion] = useState(stored?.value.version ?? entry.version);
  const conflict = baseVersion < entry.version;
  // The entry as it is now, for telling an untouched form from a correction being written.
  const current = useRef(entry);
  useEffect(() => {
    current.current = entry;
  });
  const params = { entryId: entry.id };
  const draft = useServerDraft<CorrectionDraft>(
    {
      save: (d) => call(saveCorrectionDraft, { params, body: { draft: d } }),
      saveWhileLeaving: (d) => {
        callWhileLeaving(saveCorrectionDraft, { params, body: { draft: d } });
      },
      discard: () => call(discardCorrectionDraft, { params }),
      // The entry's own text with no reason is nothing to keep: it is what the dialog opens with.
      isEmpty: (d) => {
        const saved = current.current;
        return (
          d.reason.trim() === '' &&
          d.occurredOn === saved.occurredOn &&
          d.text === saved.text &&
          d.source.kind === saved.source.kind &&
          (d.source.detail ?? '') === (saved.source.detail ?? '')
        );
      },
    },
    stored,
  );

  const update = (next: Partial<Fields>) => {
    const all = { ...fields, ...next };
    setFields(all);
    draft.change(draftOf(baseVersion, all));
  };

  const save = useFormMutation(correctJournalEntry.body, {
    mutationFn: async (body: BodyOf<typeof correctJournalEntry>) => {
      // A draft save still on its way must not land after the correction and bring it back.
      await draft.settle();
      return call(correctJournalEntry, { params, body });
    },
    onSuccess: () => {
      draft.reset();
      finish('saved');
    },
  });

  const discard = useMutation({
    mutationFn: () => draft.discard(),
    onSuccess: () => {
      setFields(fieldsOfEntry(current.current));
      setBaseVersion(current.current.version);
    },
  });

  const err = (path: string) => messageFor(save.fieldErrors, path);

  return (
    <>
      <Modal.Body>
        <form
          id={formId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.submit({
              occurredOn: fields.occurredOn,
              text: fields.text,
              source: sourceForApi(fields.source),
              reason: fields.reason,
              // In a conflict she has the saved text beside hers: she corrects it knowingly.
              version: conflict ? entry.version : baseVersion,
            });
          }}
        >
          <VStack gap="space-16">
            <BodyLong>
              Rättelsen sparas som en ny version. Det som stod tidigare finns kvar och visas i
              anteckningens historik, med vem som rättade, när och varför.
            </BodyLong>
            {draft.guard}
            {draft.restoredNote ? <BodyShort>{draft.restoredNote}</BodyShort> : null}
            <FormErrorSummary formId={formId} errors={save.fieldErrors} />
            {isVersionConflict(save.generalError) ? null : (
              <ChangeErrorAlert error={save.generalError} onReload={() => undefined} />
            )}
            <ApiErrorAlert error={discard.error} />
            <VersionConflictEffect
              error={save.generalError}
              onConflict={() => {
                // Her text is kept as her draft, on the version it started from; the entry as
                // saved meanwhile is loaded and shown beside it, so she can merge by hand.
                draft.change(draftOf(baseVersion, fields));
                void draft.saveNow();
                save.reset();
                void reload();
              }}
            />
            <div role="status">
              {conflict ? (
                <BodyShort weight="semibold">
                  Någon annan rättade anteckningen medan du skrev. Din text finns kvar i fälten.
                  Jämför med den sparade texten, för över det som ska vara kvar och spara igen.
                </BodyShort>
              ) : null}
            </div>
            {conflict ? (
              <div
                className="draft-conflict"
                role="region"
                aria-label="Sparad text att jämföra med"
              >
                <VStack gap="space-4">
                  <BodyShort size="small">
                    Sparad version {entry.version}, rättad {formatDateTime(entry.changedAt)} av{' '}
                    {entry.changedBy.displayName}:
                  </BodyShort>
                  <BodyShort size="small">
                    Datum {entry.occurredOn} · Källa: {sourceLabel(entry.source)}
                  </BodyShort>
                  <BodyLong className="preserve-lines">{entry.text}</BodyLong>
                </VStack>
              </div>
            ) : null}
            <TextField
              id={fieldId(formId, 'body.occurredOn')}
              label="Datum"
              description="ÅÅÅÅ-MM-DD"
              htmlSize={12}
              maxLength={10}
              autoComplete="off"
              value={fields.occurredOn}
              onChange={(e) => {
                update({ occurredOn: e.target.value });
              }}
              error={err('body.occurredOn')}
            />
            <Textarea
              id={fieldId(formId, 'body.text')}
              label="Anteckning"
              minRows={5}
              maxLength={20_000}
              value={fields.text}
              onChange={(e) => {
                update({ text: e.target.value });
              }}
              error={err('body.text')}
            />
            <SourceFields
              idPrefix={fieldId(formId, 'body.source')}
              value={fields.source}
              onChange={(source) => {
                update({ source });
              }}
              kindError={err('body.source.kind')}
              detailError={err('body.source.detail')}
            />
            <Textarea
              id={fieldId(formId, 'body.reason')}
              label="Skäl till rättelsen"
              description="Till exempel fel datum, fel person angiven som källa eller ett felskrivet ord."
              minRows={2}
              maxLength={2_000}
              value={fields.reason}
              onChange={(e) => {
                update({ reason: e.target.value });
              }}
              error={err('body.reason')}
            />
            <BodyShort size="small" textColor="subtle" aria-live="polite" className="draft-status">
              {draft.status}
            </BodyShort>
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={save.mutation.isPending}>
          Spara rättelsen
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            finish('cancelled');
          }}
        >
          Avbryt
        </Button>
        {draft.hasSaved ? (
          <Button
            type="button"
            variant="tertiary"
            loading={discard.isPending}
            onClick={() => {
              discard.mutate();
            }}
          >
            Kasta utkastet
          </Button>
        ) : null}
      </Modal.Footer>
    </>
  );
}
