import { useState } from 'react';
import { Alert, BodyLong, Button, TextField, VStack } from '@navikt/ds-react';
import { login } from '../../../../core/contracts/auth.ts';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useSession } from './session.tsx';

const formId = 'inloggning';

export function LoginPage() {
  const { accept, signedOut } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormMutation(login.body, {
    mutationFn: (body: BodyOf<typeof login>) => call(login, { body }),
    onSuccess: accept,
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
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          form.submit({ username, password });
        }}
      >
        <VStack gap="space-16">
          <FormErrorSummary formId={formId} errors={form.fieldErrors} />
          <ApiErrorAlert error={form.generalError} />
          <TextField
            id={fieldId(formId, 'body.username')}
            label="Användarnamn"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
            }}
            error={messageFor(form.fieldErrors, 'body.username')}
          />
          <TextField
            id={fieldId(formId, 'body.password')}
            label="Lösenord"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
            error={messageFor(form.fieldErrors, 'body.password')}
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
