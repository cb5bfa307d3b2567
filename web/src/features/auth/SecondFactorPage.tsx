import { useState } from 'react';
import { BodyLong, Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { secondFactor } from '../../../../core/contracts/auth.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useSession } from './session.tsx';
import { useLogout } from './useLogout.ts';

const formId = 'engangskod';

export function SecondFactorPage() {
  const { accept } = useSession();
  const cancel = useLogout();
  const [code, setCode] = useState('');
  const form = useFormMutation(secondFactor.body, {
    mutationFn: (body: BodyOf<typeof secondFactor>) => call(secondFactor, { body }),
    onSuccess: accept,
  });

  return (
    <VStack gap="space-24" className="narrow-page">
      <PageHeading>Engångskod</PageHeading>
      <BodyLong>Skriv koden med sex siffror som visas i din autentiseringsapp just nu.</BodyLong>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          form.submit({ code });
        }}
      >
        <VStack gap="space-16">
          <FormErrorSummary formId={formId} errors={form.fieldErrors} />
          <ApiErrorAlert error={form.generalError} />
          <TextField
            id={fieldId(formId, 'body.code')}
            label="Engångskod"
            description="Sex siffror"
            inputMode="numeric"
            autoComplete="one-time-code"
            htmlSize={8}
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
            }}
            error={messageFor(form.fieldErrors, 'body.code')}
          />
          <HStack gap="space-12">
            <Button type="submit" loading={form.mutation.isPending}>
              Fortsätt
            </Button>
            <Button
              type="button"
              variant="tertiary"
              loading={cancel.isPending}
              onClick={() => {
                cancel.mutate();
              }}
            >
              Avbryt och logga ut
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
