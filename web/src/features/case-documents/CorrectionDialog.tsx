import { useRef, useState } from 'react';
import { BodyLong, Button, Modal, Textarea, TextField, VStack } from '@navikt/ds-react';
import { correctJournalEntry } from '../../../../core/contracts/case-documents.ts';
import type { JournalEntry } from '../../../../core/contracts/case-documents.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { SourceFields, sourceForApi, sourceFromApi } from './SourceFields.tsx';

const formId = 'rattelse';

/**
 * Rätta a journal entry: a new version with the reason. The earlier text is never changed and
 * stays in the entry's history. 'reload': someone corrected it first; fetch it again.
 */
export function CorrectionDialog({
  entry,
  onClose,
}: {
  entry: JournalEntry;
  onClose: (result: 'saved' | 'cancelled' | 'reload') => void;
}) {
  const [occurredOn, setOccurredOn] = useState(entry.occurredOn);
  const [text, setText] = useState(entry.text);
  const [source, setSource] = useState(sourceFromApi(entry.source));
  const [reason, setReason] = useState('');
  // Closing the dialog (rather than removing it) lets the browser return focus to "Rätta".
  const [open, setOpen] = useState(true);
  const result = useRef<'saved' | 'cancelled' | 'reload'>('cancelled');
  const finish = (how: 'saved' | 'cancelled' | 'reload') => {
    result.current = how;
    setOpen(false);
  };
  const form = useFormMutation(correctJournalEntry.body, {
    mutationFn: (body: BodyOf<typeof correctJournalEntry>) =>
      call(correctJournalEntry, { params: { entryId: entry.id }, body }),
    onSuccess: () => {
      finish('saved');
    },
  });
  const err = (path: string) => messageFor(form.fieldErrors, path);

  return (
    <Modal
      open={open}
      onClose={() => {
        onClose(result.current);
      }}
      header={{ heading: 'Rätta journalanteckningen' }}
      width="medium"
    >
      <Modal.Body>
        <form
          id={formId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            form.submit({
              occurredOn,
              text,
              source: sourceForApi(source),
              reason,
              version: entry.version,
            });
          }}
        >
          <VStack gap="space-16">
            <BodyLong>
              Rättelsen sparas som en ny version. Det som stod tidigare finns kvar och visas i
              anteckningens historik, med vem som rättade, när och varför.
            </BodyLong>
            <FormErrorSummary formId={formId} errors={form.fieldErrors} />
            <ChangeErrorAlert
              error={form.generalError}
              onReload={() => {
                finish('reload');
              }}
            />
            <TextField
              id={fieldId(formId, 'body.occurredOn')}
              label="Datum"
              description="ÅÅÅÅ-MM-DD"
              htmlSize={12}
              maxLength={10}
              autoComplete="off"
              value={occurredOn}
              onChange={(e) => {
                setOccurredOn(e.target.value);
              }}
              error={err('body.occurredOn')}
            />
            <Textarea
              id={fieldId(formId, 'body.text')}
              label="Anteckning"
              minRows={5}
              maxLength={20_000}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
              }}
              error={err('body.text')}
            />
            <SourceFields
              idPrefix={fieldId(formId, 'body.source')}
              value={source}
              onChange={setSource}
              kindError={err('body.source.kind')}
              detailError={err('body.source.detail')}
            />
            <Textarea
              id={fieldId(formId, 'body.reason')}
              label="Skäl till rättelsen"
              description="Till exempel fel datum, fel person angiven som källa eller ett felskrivet ord."
              minRows={2}
              maxLength={2_000}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
              error={err('body.reason')}
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={form.mutation.isPending}>
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
      </Modal.Footer>
    </Modal>
  );
}
