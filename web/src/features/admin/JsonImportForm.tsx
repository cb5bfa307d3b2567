import { useState } from 'react';
import { Alert, BodyShort, Button, Heading, Textarea, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { fieldErrorsOf } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

/**
 * An administrator's "paste a JSON definition and load it" form (instruments, legal catalogues).
 * The JSON has no fields of its own on the page, so its problems — found here by `check`, or by
 * the server — are listed by their path in the JSON.
 */
export function JsonImportForm<R>({
  id,
  texts,
  minRows,
  check,
  load: send,
  onLoaded,
}: {
  id: string;
  texts: {
    heading: string;
    failed: string;
    label: string;
    description: string;
    fix: string;
    submit: string;
  };
  minRows: number;
  /** Problems found before sending, if the page can check the shape itself. */
  check?: (parsed: unknown) => FieldError[];
  load: (parsed: unknown) => Promise<R>;
  onLoaded: (result: R) => void;
}) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const load = useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      setText('');
      onLoaded(result);
    },
  });
  const fieldErrors = problems.length > 0 ? problems : fieldErrorsOf(load.error);
  const headingId = `${id}-rubrik`;

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        load.reset();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          setProblems([{ path: 'body', message: 'Texten är inte giltig JSON.' }]);
          return;
        }
        const found = check?.(parsed) ?? [];
        setProblems(found);
        if (found.length === 0) load.mutate(parsed);
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id={headingId}>
          {texts.heading}
        </Heading>
        {fieldErrors.length > 0 ? (
          <Alert variant="error" size="small" role="alert">
            <BodyShort spacing>{texts.failed}</BodyShort>
            <ul className="compact-list">
              {fieldErrors.map((e) => (
                <li key={e.path}>
                  {e.path === 'body' ? '' : `${e.path.replace(/^body\./, '')}: `}
                  {e.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <ApiErrorAlert error={load.error} />
        )}
        <Textarea
          label={texts.label}
          description={texts.description}
          minRows={minRows}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblems([]);
          }}
          error={fieldErrors.length > 0 ? texts.fix : undefined}
          className="monospace"
        />
        <div>
          <Button type="submit" variant="secondary" loading={load.isPending}>
            {texts.submit}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
