import { useState } from 'react';
import { BodyShort, Button, Heading, HStack, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  createJournalEntry,
  discardJournalDraft,
  getJournalDraft,
  saveJournalDraft,
} from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call, callWhileLeaving } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useServerDraft } from '../../components/useServerDraft.tsx';
import { SourceFields, sourceForApi, sourceFromApi } from './SourceFields.tsx';
import type { SourceValue } from './SourceFields.tsx';

const formId = 'ny-anteckning';

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
  const [done, setDone] = useState<string | null>(null);
  const draft = useServerDraft<Fields>(
    {
      save: (f) => call(saveJournalDraft, { params: { caseId }, body: draftBody(f) }),
      saveWhileLeaving: (f) => {
        callWhileLeaving(saveJournalDraft, { params: { caseId }, body: draftBody(f) });
      },
      discard: () => call(discardJournalDraft, { params: { caseId } }),
      isEmpty,
    },
    initial && initialSavedAt ? { value: initial, savedAt: initialSavedAt } : null,
  );

  const update = (next: Partial<Fields>) => {
    const all = { ...fields, ...next };
    setFields(all);
    draft.change(all);
    setDone(null);
  };

  const form = useFormMutation(createJournalEntry.body, {
    mutationFn: async (body: BodyOf<typeof createJournalEntry>) => {
      // A draft save still on its way must not land after the entry and bring the draft back.
      await draft.settle();
      return call(createJournalEntry, { params: { caseId }, body });
    },
    onSuccess: () => {
      setFields(emptyFields());
      draft.reset();
      setDone('Journalanteckningen är sparad.');
      onSaved();
    },
  });

  const discard = useMutation({
    mutationFn: () => draft.discard(),
    onSuccess: () => {
      setFields(emptyFields());
      setDone('Utkastet är borttaget.');
    },
  });

  const draftStatus = draft.status;

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
        {draft.guard}
        {draft.restoredNote ? (
          <BodyShort>{draft.restoredNote} Spara anteckningen när den är klar.</BodyShort>
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
          <BodyShort size="small" textColor="subtle" aria-live="polite" className="draft-status">
            {draftStatus}
          </BodyShort>
        </HStack>
        <div role="status">{done}</div>
      </VStack>
    </form>
  );
}
