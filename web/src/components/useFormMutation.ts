import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { UseMutationOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FieldError } from '../../../core/contracts/errors.ts';
import { fieldErrorsOf, validateBody } from '../api/forms.ts';

/**
 * A form's submit: checks the body against the contract's schema first (same Swedish messages as
 * the server), then sends it. Field errors, from either side, go on their fields; any other
 * failure is a general error shown above the form.
 */
export function useFormMutation<TBody, TResult>(
  schema: z.ZodType | undefined,
  options: UseMutationOptions<TResult, Error, TBody>,
) {
  const mutation = useMutation(options);
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);

  /** `problems`: what the form itself found (an empty choice, passwords that differ). */
  const submit = (body: TBody, problems: FieldError[] = []) => {
    const errors = problems.length > 0 ? problems : validateBody(schema, body);
    setClientErrors(errors);
    if (errors.length === 0) mutation.mutate(body);
  };
  const serverFieldErrors = fieldErrorsOf(mutation.error);
  const fieldErrors = clientErrors.length > 0 ? clientErrors : serverFieldErrors;
  const generalError =
    clientErrors.length === 0 && serverFieldErrors.length === 0 ? mutation.error : null;
  const reset = () => {
    setClientErrors([]);
    mutation.reset();
  };
  return { mutation, submit, fieldErrors, generalError, reset };
}
