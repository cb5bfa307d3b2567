import { BodyLong, Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { secondFactor } from '../../../../core/contracts/auth.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useSession } from './session.tsx';
import { useLogout } from './useLogout.ts';

const formId = 'engangskod';

export function SecondFactorPage() {
  const { accept } = useSession();
  const cancel = useLogout();
  const form = useContractForm(secondFactor, {
    formId,
    initial: { code: '' },
    send: (body) => call(secondFactor, { body }),
    onSuccess: (result) => {
      accept(result);
    },
  });

  return (
    <VStack gap="space-24" className="narrow-page">
      <PageHeading>Engångskod</PageHeading>
      <BodyLong>Skriv koden med sex siffror som visas i din autentiseringsapp just nu.</BodyLong>
      <form {...form.formProps}>
        <VStack gap="space-16">
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />
          <TextField
            {...form.text('code')}
            label="Engångskod"
            description="Sex siffror"
            inputMode="numeric"
            autoComplete="one-time-code"
            htmlSize={8}
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
