import { Alert, BodyLong, Button, TextField, VStack } from '@navikt/ds-react';
import { login } from '../../../../core/contracts/auth.ts';
import { call } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useSession } from './session.tsx';

const formId = 'inloggning';

export function LoginPage() {
  const { accept, signedOut } = useSession();
  const form = useContractForm(login, {
    formId,
    initial: { username: '', password: '' },
    send: (body) => call(login, { body }),
    onSuccess: (result) => {
      accept(result);
    },
  });

  return (
    <VStack gap="space-24" className="narrow-page">
      <PageHeading>Logga in</PageHeading>
      {signedOut === 'expired' ? (
        <Alert variant="info">
          Du har loggats ut eftersom sessionen tog slut. Ingenting du hade sparat har försvunnit.
          Logga in igen för att fortsätta där du var.
        </Alert>
      ) : signedOut === 'logged_out' ? (
        <Alert variant="info">Du har loggats ut.</Alert>
      ) : null}
      <form {...form.formProps}>
        <VStack gap="space-16">
          <FormErrorSummary {...form.summaryProps} />
          <ApiErrorAlert error={form.generalError} />
          <TextField
            {...form.text('username')}
            label="Användarnamn"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
          <TextField
            {...form.text('password')}
            label="Lösenord"
            type="password"
            autoComplete="current-password"
          />
          <div>
            <Button type="submit" loading={form.mutation.isPending}>
              Logga in
            </Button>
          </div>
        </VStack>
      </form>
      <BodyLong size="small">
        Värn innehåller sekretessuppgifter. Allt du läser och gör loggas och kan granskas av din
        enhetschef.
      </BodyLong>
    </VStack>
  );
}
