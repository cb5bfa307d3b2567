import { useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Box,
  Button,
  CopyButton,
  Heading,
  HStack,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import {
  MIN_PASSWORD_LENGTH,
  completeEnrollment,
  getEnrollment,
} from '../../../../core/contracts/auth.ts';
import type { BodyOf, ResponseOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useSession } from './session.tsx';
import { useLogout } from './useLogout.ts';

const formId = 'kom-igang';
/** The secret in blocks of four, easier to read and type into an app by hand. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function EnrollmentPage() {
  const enrollment = useQuery({
    queryKey: ['enrollment'],
    queryFn: () => call(getEnrollment),
    staleTime: Infinity,
  });
  const cancel = useLogout();

  return (
    <VStack gap="space-24" className="narrow-page">
      <PageHeading>Kom igång med ditt konto</PageHeading>
      {enrollment.isPending ? <Loading /> : null}
      <ApiErrorAlert error={enrollment.error} />
      {enrollment.data ? <EnrollmentForm enrollment={enrollment.data} /> : null}
      <div>
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
      </div>
    </VStack>
  );
}

function EnrollmentForm({ enrollment }: { enrollment: ResponseOf<typeof getEnrollment> }) {
  const { accept } = useSession();
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const form = useFormMutation(completeEnrollment.body, {
    mutationFn: (body: BodyOf<typeof completeEnrollment>) => call(completeEnrollment, { body }),
    onSuccess: accept,
  });
  const errors = form.fieldErrors;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const problems: FieldError[] = [];
        if (enrollment.mustChangePassword) {
          if (newPassword.length < MIN_PASSWORD_LENGTH) {
            problems.push({
              path: 'body.newPassword',
              message: `Lösenordet behöver minst ${MIN_PASSWORD_LENGTH} tecken.`,
            });
          } else if (newPassword !== repeat) {
            problems.push({ path: 'body.repeat', message: 'Lösenorden är inte likadana.' });
          }
        }
        if (enrollment.totp && !/^\d{6}$/.test(code.trim())) {
          problems.push({ path: 'body.code', message: 'Koden har sex siffror.' });
        }
        form.submit(
          {
            ...(enrollment.mustChangePassword ? { newPassword } : {}),
            ...(enrollment.totp ? { code } : {}),
          },
          problems,
        );
      }}
    >
      <VStack gap="space-24">
        <FormErrorSummary formId={formId} errors={errors} />
        <ApiErrorAlert error={form.generalError} />
        {enrollment.mustChangePassword ? (
          <VStack gap="space-16">
            <Heading level="2" size="medium">
              Välj ett eget lösenord
            </Heading>
            <BodyLong>
              Lösenordet du fick är tillfälligt. Välj ett eget med minst {MIN_PASSWORD_LENGTH}{' '}
              tecken; en mening med några ord är lätt att komma ihåg och svår att gissa.
            </BodyLong>
            <TextField
              id={fieldId(formId, 'body.newPassword')}
              label="Nytt lösenord"
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => {
                setNewPassword(e.target.value);
              }}
              error={messageFor(errors, 'body.newPassword')}
            />
            <TextField
              id={fieldId(formId, 'body.repeat')}
              label="Upprepa det nya lösenordet"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => {
                setRepeat(e.target.value);
              }}
              error={messageFor(errors, 'body.repeat')}
            />
          </VStack>
        ) : null}
        {enrollment.totp ? (
          <VStack gap="space-16">
            <Heading level="2" size="medium">
              Registrera engångskoder
            </Heading>
            <BodyLong>
              Öppna autentiseringsappen på din tjänstetelefon, välj att lägga till ett konto och
              skriv in nyckeln nedan. Skriv sedan koden med sex siffror som appen visar.
            </BodyLong>
            <Box padding="space-16" borderWidth="1" borderRadius="8" background="neutral-soft">
              <VStack gap="space-8">
                <BodyShort weight="semibold" id="totp-nyckel-rubrik">
                  Nyckel
                </BodyShort>
                <HStack gap="space-8" align="center">
                  <code className="totp-secret" aria-labelledby="totp-nyckel-rubrik">
                    {groupSecret(enrollment.totp.secret)}
                  </code>
                  <CopyButton copyText={enrollment.totp.secret} text="Kopiera nyckeln" />
                </HStack>
                <BodyShort size="small">Länk för appar som kan öppna den:</BodyShort>
                <code className="totp-uri">{enrollment.totp.uri}</code>
              </VStack>
            </Box>
            <TextField
              id={fieldId(formId, 'body.code')}
              label="Koden från appen"
              description="Sex siffror"
              inputMode="numeric"
              autoComplete="one-time-code"
              htmlSize={8}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
              }}
              error={messageFor(errors, 'body.code')}
            />
          </VStack>
        ) : null}
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Spara och fortsätt
          </Button>
        </div>
      </VStack>
    </form>
  );
}
