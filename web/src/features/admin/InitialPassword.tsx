import type { ReactNode } from 'react';
import { Alert, BodyLong, CopyButton, Heading, HStack, VStack } from '@navikt/ds-react';

/**
 * A one-time password, shown once to the person who approved it (never to the one who asked):
 * to be handed over in person, and replaced by the user's own at the login `when` names.
 */
export function InitialPassword({
  user,
  password,
  when,
  headingLevel = '3',
  children,
}: {
  user: { displayName: string; username: string };
  password: string;
  when: string;
  headingLevel?: '2' | '3';
  children?: ReactNode;
}) {
  return (
    <Alert variant="warning" role="status">
      <Heading level={headingLevel} size="small" spacing>
        Tillfälligt lösenord för {user.displayName} – visas bara nu
      </Heading>
      <VStack gap="space-12" align="start">
        <HStack gap="space-8" align="center">
          <code className="initial-password">{password}</code>
          <CopyButton copyText={password} text="Kopiera lösenordet" />
        </HStack>
        <BodyLong>
          Lämna lösenordet personligen till {user.displayName} ({user.username}). Det går inte att
          visa igen. {when} väljer användaren ett eget lösenord och registrerar engångskoder.
        </BodyLong>
        {children}
      </VStack>
    </Alert>
  );
}
