import { useEffect, useRef } from 'react';
import type { ReactNode, SyntheticEvent } from 'react';
import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';

/** The part of a bound form (useContractForm) its frame needs. */
export interface FramedForm {
  formId: string;
  formProps: { noValidate: boolean; onSubmit: (event: SyntheticEvent) => void };
  summaryProps: { formId: string; errors: readonly FieldError[] };
  generalError: unknown;
  mutation: { isPending: boolean };
}

/**
 * The frame of a form opened from the plans tab: its heading, which takes the focus when the
 * form opens so the person hears where they are, what the form does, the errors, and the
 * submit with "Avbryt". A refusal is shown in the server's words; a version written by someone
 * else meanwhile offers to load it.
 */
export function PlanFormFrame({
  form,
  heading,
  level,
  intro,
  submit,
  onCancel,
  onReload,
  children,
}: {
  form: FramedForm;
  heading: string;
  level: '3' | '4';
  intro?: string;
  submit: string;
  onCancel: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const headingId = `${form.formId}-rubrik`;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <form {...form.formProps} aria-labelledby={headingId} className="step-form">
      <VStack gap="space-16">
        <Heading level={level} size="small" id={headingId} ref={ref} tabIndex={-1}>
          {heading}
        </Heading>
        {intro ? <BodyShort>{intro}</BodyShort> : null}
        <FormErrorSummary {...form.summaryProps} />
        <ChangeErrorAlert error={form.generalError} onReload={onReload} />
        {children}
        <FormActions submit={submit} pending={form.mutation.isPending} onCancel={onCancel} />
      </VStack>
    </form>
  );
}
