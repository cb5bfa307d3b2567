import { BodyShort, HStack, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import type { PersonSummary } from '../../../core/contracts/persons.ts';
import { identityKindLabels } from '../app/labels.ts';
import { ProtectionTag } from './ProtectionTag.tsx';

export const personName = (p: { givenName: string; familyName: string }) =>
  `${p.givenName} ${p.familyName}`;

/** A person in a list: name as a link to the personakt, identity number, protection. */
export function PersonCell({ person }: { person: PersonSummary }) {
  return (
    <VStack gap="space-2">
      <HStack gap="space-8" align="center">
        <Link as={RouterLink} to={`/personer/${person.id}`}>
          {personName(person)}
        </Link>
        <ProtectionTag level={person.protectionLevel} />
      </HStack>
      <BodyShort size="small" textColor="subtle">
        {person.identity
          ? `${identityKindLabels[person.identity.kind]} ${person.identity.display}`
          : 'Saknar identitetsnummer'}
      </BodyShort>
    </VStack>
  );
}
