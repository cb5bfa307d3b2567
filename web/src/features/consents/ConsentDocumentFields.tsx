import { useRef } from 'react';
import { FileImageIcon, FilePdfIcon } from '@navikt/aksel-icons';
import { FileUpload, Link, VStack } from '@navikt/ds-react';
import type { FileObject } from '@navikt/ds-react';
import { buildPath } from '../../../../core/contracts/contract.ts';
import {
  CONSENT_DOCUMENT_MAX_BYTES,
  consentDocumentPath,
} from '../../../../core/contracts/consents.ts';
import type { Consent, ConsentDocument } from '../../../../core/contracts/consents.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { formatDateTime, formatFileSize } from '../../components/format.ts';

/**
 * The signed consent as a file: the picker a form chooses it with — read to base64 for the JSON
 * body, refused at once when the picker can tell it is too large or of another kind — and the
 * list of a consent's attached documents, each a download. What a file is, the server decides
 * from its first bytes.
 */

/** A file chosen for a consent: read, being read, or refused by the picker. */
export interface ChosenDocument {
  file: File;
  /** The file's bytes in base64 once read; null while it is read, or when refused. */
  content: string | null;
  /** Why the picker refused it, in Swedish; null when it is taken. */
  refused: string | null;
}

/** The body's document for a chosen file that is read, or nothing. */
export const documentBody = (chosen: ChosenDocument | null) =>
  chosen && chosen.content !== null
    ? { filename: chosen.file.name, content: chosen.content }
    : undefined;

/**
 * What the form itself knows of the chosen file, at `path` (the body's path of its content): it
 * was refused, or is not read yet.
 */
export function chosenDocumentErrors(chosen: ChosenDocument | null, path: string): FieldError[] {
  if (chosen === null) return [];
  if (chosen.refused !== null) return [{ path, message: chosen.refused }];
  if (chosen.content === null) {
    return [{ path, message: 'Filen läses fortfarande in. Vänta ett ögonblick och försök igen.' }];
  }
  return [];
}

/**
 * A form's errors with those on the file's name under its content's path (`prefix`: `body` or
 * `body.document`), where the picker is: the summary links to the one field there is.
 */
export function onThePicker(errors: readonly FieldError[], prefix: string): readonly FieldError[] {
  if (!errors.some((e) => e.path === `${prefix}.filename`)) return errors;
  const seen = new Set<string>();
  return errors.flatMap((e) => {
    const path = e.path === `${prefix}.filename` ? `${prefix}.content` : e.path;
    if (seen.has(path)) return [];
    seen.add(path);
    return [{ ...e, path }];
  });
}

export const acceptedDocuments = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

const refusals: Record<string, string> = {
  fileType: 'Bifoga samtycket som PDF, JPEG eller PNG.',
  fileSize: `Filen är större än ${formatFileSize(CONSENT_DOCUMENT_MAX_BYTES)}. Välj en mindre fil, till exempel en inskanning med lägre upplösning.`,
};

/** The file's bytes in base64, as a JSON body carries them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // "data:application/pdf;base64,JVBERi0…": the bytes are what follows the comma.
      const comma = url.indexOf(',');
      resolve(comma === -1 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read'));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * The picker for the signed consent: one file, PDF, JPEG or PNG of at most 4 MB, shown once
 * chosen with a button to remove it. `id` and `error` are the field's (its content's path).
 */
export function ConsentDocumentPicker({
  id,
  error,
  chosen,
  onChange,
  label = 'Det undertecknade samtycket',
}: {
  id: string;
  error: string | undefined;
  chosen: ChosenDocument | null;
  onChange: (chosen: ChosenDocument | null) => void;
  label?: string;
}) {
  // The file chosen last: a file read after another was chosen, or after it was removed, is
  // forgotten.
  const current = useRef<File | null>(null);
  const choose = (files: FileObject[]) => {
    const picked = files[0];
    if (!picked) return;
    const file = picked.file;
    current.current = file;
    if (picked.error) {
      const refused = picked.reasons.map((r) => refusals[r] ?? r).join(' ');
      onChange({ file, content: null, refused });
      return;
    }
    onChange({ file, content: null, refused: null });
    readBase64(file).then(
      (content) => {
        if (current.current === file) onChange({ file, content, refused: null });
      },
      () => {
        if (current.current === file) {
          onChange({ file, content: null, refused: 'Filen kunde inte läsas. Välj den igen.' });
        }
      },
    );
  };
  return (
    <VStack gap="space-8">
      <FileUpload.Dropzone
        id={id}
        label={label}
        description={`PDF, JPEG eller PNG, högst ${formatFileSize(CONSENT_DOCUMENT_MAX_BYTES)}.`}
        multiple={false}
        accept={acceptedDocuments}
        maxSizeInBytes={CONSENT_DOCUMENT_MAX_BYTES}
        onSelect={choose}
        error={error}
      />
      {chosen ? (
        <FileUpload.Item
          file={chosen.file}
          description={formatFileSize(chosen.file.size)}
          error={chosen.refused ?? undefined}
          button={{
            action: 'delete',
            onClick: () => {
              current.current = null;
              onChange(null);
              // The remove button is gone with the file: back to the picker.
              document.getElementById(id)?.focus();
            },
          }}
        />
      ) : null}
    </VStack>
  );
}

function DocumentIcon({ document: d }: { document: ConsentDocument }) {
  return d.mediaType === 'application/pdf' ? (
    <FilePdfIcon aria-hidden />
  ) : (
    <FileImageIcon aria-hidden />
  );
}

/** A consent's attached documents, oldest first, each a link that downloads it. */
export function ConsentDocumentList({ caseId, consent: c }: { caseId: string; consent: Consent }) {
  return (
    <ul className="document-list">
      {c.documents.map((d) => (
        <li key={d.id}>
          <Link
            href={buildPath(consentDocumentPath, {
              caseId,
              consentId: c.id,
              documentId: d.id,
            })}
          >
            <DocumentIcon document={d} />
            {d.filename}
          </Link>{' '}
          ({formatFileSize(d.sizeBytes)}), bifogat {formatDateTime(d.attachedAt)} av{' '}
          {d.attachedBy.displayName}
        </li>
      ))}
    </ul>
  );
}
