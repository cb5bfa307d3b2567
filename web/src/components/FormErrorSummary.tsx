import { useEffect, useRef } from 'react';
import { ErrorSummary } from '@navikt/ds-react';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { fieldId } from '../api/forms.ts';

/**
 * Lists a form's field errors above it, each linking to its field; takes focus when it appears
 * so a screen reader user hears what to fix.
 */
export function FormErrorSummary({
  formId,
  errors,
}: {
  formId: string;
  errors: readonly FieldError[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors]);
  if (count === 0) return null;
  return (
    <ErrorSummary ref={ref} heading="Rätta detta innan du går vidare:" size="small">
      {errors.map((error) => (
        <ErrorSummary.Item key={error.path} href={`#${fieldId(formId, error.path)}`}>
          {error.message}
        </ErrorSummary.Item>
      ))}
    </ErrorSummary>
  );
}
