import { useEffect, useRef, useState } from 'react';
import { BodyShort, Button, Heading, HStack, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  createJournalEntry,
  discardJournalDraft,
  getJournalDraft,
  saveJournalDraft,
} from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { ApiError, call, callWhileLeaving, unreachableMessage } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { formatTime } from '../../components/format.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { SourceFields, sourceForApi, sourceFromApi } from './SourceFields.tsx';
import type { SourceValue } from './SourceFields.tsx';

const formId = 'ny-anteckning';
/** How long typing may pause before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1_000;

interface Fields {
  occurredOn: string;
  text: string;
  source: SourceValue;
}

const emptyFields = (): Fields => ({
  occurredOn: stockholmToday(),
  text: '',
  source: { kind: 'person', detail: '' },
});

const isEmpty = (f: Fields) => f.text.trim() === '' && f.source.detail.trim() === '';

/** The fields as the server stores a draft. */
const draftBody = (f: Fields): BodyOf<typeof saveJournalDraft> => ({
  draft: { occurredOn: f.occurredOn.slice(0, 10), text: f.text, source: sourceForApi(f.source) },
});

/**
 * A new journal entry. What is typed is saved as the writer's draft on the server a moment after
 * typing stops, so nothing is lost if the page is closed; it comes back on the next visit and is
 * gone once the entry is saved or the draft thrown away.
 */
export function NewJournalEntry({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const draft = useQuery({
    // Not under the case's key: a step on the case must not read the draft again.
    queryKey: ['journal-draft', caseId],
    queryFn: () => call(getJournalDraft, { params: { caseId } }),
    // Read once when the form opens: a later refetch must not overwrite what is being typed.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: 'always',
  });
  return (
    <section aria-labelledby={`${formId}-rubrik`}>
      <VStack gap="space-16">
        <Heading level="2" size="medium" id={`${formId}-rubrik`}>
          Ny journalanteckning
        </Heading>
        {draft.isPending ? <Loading label="Hämtar ditt utkast…" /> : null}
        <ApiErrorAlert error={draft.error} />
        {draft.isSuccess ? (
          <EntryForm
            caseId={caseId}
            initial={
              draft.data.draft
                ? {
                    occurredOn: draft.data.draft.occurredOn,
                    text: draft.data.draft.text,
                    source: sourceFromApi(draft.data.draft.source),
                  }
                : null
            }
            initialSavedAt={draft.data.savedAt}
            onSaved={onSaved}
          />
        ) : null}
      </VStack>
    </section>
  );
}

function EntryForm({
  caseId,
  initial,
  initialSavedAt,
  onSaved,
}: {
  caseId: string;
  initial: Fields | null;
  initialSavedAt: string | null;
  onSaved: () => void;
}) {
  const [fields, setFields] = useState<Fields>(initial ?? emptyFields());
  const [savedAt, setSavedAt] = useState<string | null>(initial ? initialSavedAt : null);
  const [restored, setRestored] = useState(initial !== null);
  const [done, setDone] = useState<string | null>(null);
  // Set by typing, not by restoring the draft: only a change is autosaved.
  const [changed, setChanged] = useState(0);
  const pendingSave = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const autosave = useMutation({
    mutationFn: (next: Fields) =>
      isEmpty(next)
        ? call(discardJournalDraft, { params: { caseId } }).then(() => null)
        : call(saveJournalDraft, { params: { caseId }, body: draftBody(next) }).then(
            (r) => r.savedAt,
          ),
    onSuccess: (at) => {
      setSavedAt(at);
    },
  });
  const { mutateAsync: saveDraft } = autosave;

  useEffect(() => {
    if (changed === 0) return undefined;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      pendingSave.current = saveDraft(fields).catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
    return () => {
      clearTimeout(timer.current);
    };
    // Fields change only together with `changed` (typing) or with it reset to 0 (saved,
    // discarded), so each keystroke restarts the delay exactly once.
  }, [changed, fields, saveDraft]);

  // Leaving the tab or the page within the delay still saves what was typed last.
  const unsaved = useRef<Fields | null>(null);
  useEffect(() => {
    unsaved.current = changed > 0 ? fields : null;
  });
  useEffect(
    () => () => {
      if (unsaved.current && timer.current !== undefined) void saveDraft(unsaved.current);
    },
    [saveDraft],
  );
  // Closing the tab, or the page hidden (a phone locked) within the delay: the last words are
  // sent with a request that outlives the page.
  useEffect(() => {
    const flush = () => {
      const last = unsaved.current;
      if (!last || timer.current === undefined || isEmpty(last)) return;
      clearTimeout(timer.current);
      timer.current = undefined;
      callWhileLeaving(saveJournalDraft, { params: { caseId }, body: draftBody(last) });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [caseId]);

  const update = (next: Partial<Fields>) => {
    setFields((old) => ({ ...old, ...next }));
    setChanged((n) => n + 1);
    setDone(null);
  };

  const form = useFormMutation(createJournalEntry.body, {
    mutationFn: async (body: BodyOf<typeof createJournalEntry>) => {
      // A draft save still on its way must not land after the entry and bring the draft back.
      clearTimeout(timer.current);
      timer.current = undefined;
      await pendingSave.current;
      return call(createJournalEntry, { params: { caseId }, body });
    },
    onSuccess: () => {
      setFields(emptyFields());
      setSavedAt(null);
      setRestored(false);
      setChanged(0);
      setDone('Journalanteckningen är sparad.');
      onSaved();
    },
  });

  const discard = useMutation({
    mutationFn: async () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      await pendingSave.current;
      return call(discardJournalDraft, { params: { caseId } });
    },
    onSuccess: () => {
      setFields(emptyFields());
      setSavedAt(null);
      setRestored(false);
      setChanged(0);
      setDone('Utkastet är borttaget.');
    },
  });

  const draftStatus = autosave.isPending
    ? 'Sparar utkast…'
    : autosave.error instanceof ApiError && autosave.error.unreachable
      ? // Saved again with the next keystroke, or by "Spara anteckningen" once Värn answers.
        unreachableMessage
      : autosave.isError
        ? 'Utkastet kunde inte sparas. Det du skrivit finns kvar här; försök spara anteckningen.'
        : savedAt
          ? `Utkast sparat ${formatTime(savedAt)}`
          : null;

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          occurredOn: fields.occurredOn,
          text: fields.text,
          source: sourceForApi(fields.source),
        });
      }}
    >
      <VStack gap="space-16">
        {restored ? (
          <BodyShort>
            Ditt osparade utkast är återställt. Spara anteckningen när den är klar.
          </BodyShort>
        ) : null}
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <ApiErrorAlert error={form.generalError ?? discard.error} />
        <TextField
          id={fieldId(formId, 'body.occurredOn')}
          label="Datum"
          description="När det som anteckningen handlar om hände. ÅÅÅÅ-MM-DD"
          htmlSize={12}
          maxLength={10}
          autoComplete="off"
          value={fields.occurredOn}
          onChange={(e) => {
            update({ occurredOn: e.target.value });
          }}
          error={messageFor(form.fieldErrors, 'body.occurredOn')}
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
          error={messageFor(form.fieldErrors, 'body.text')}
        />
        <SourceFields
          idPrefix={fieldId(formId, 'body.source')}
          value={fields.source}
          onChange={(source) => {
            update({ source });
          }}
          kindError={messageFor(form.fieldErrors, 'body.source.kind')}
          detailError={messageFor(form.fieldErrors, 'body.source.detail')}
        />
        <HStack gap="space-16" align="center">
          <Button type="submit" loading={form.mutation.isPending}>
            Spara anteckningen
          </Button>
          {savedAt ? (
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
          <BodyShort size="small" textColor="subtle" aria-live="polite" className="draft-status">
            {draftStatus}
          </BodyShort>
        </HStack>
        <div role="status">{done}</div>
      </VStack>
    </form>
  );
}
