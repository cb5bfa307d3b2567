import { BodyShort, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import type { ProtectedDetails } from '../../../../core/contracts/persons.ts';
import { contactKindLabels } from '../../app/labels.ts';

/** Contact channels (safe or not), whereabouts, school; the real identity when fingerad. */
export function PersonDetails({
  details,
  headingLevel,
}: {
  details: ProtectedDetails;
  headingLevel: '2' | '3';
}) {
  return (
    <section aria-labelledby="kontaktuppgifter-rubrik">
      <VStack gap="space-16">
        <Heading level={headingLevel} size="medium" id="kontaktuppgifter-rubrik">
          Kontaktuppgifter och vistelse
        </Heading>
        {details.contactChannels.length === 0 ? (
          <BodyShort>Inga kontaktuppgifter är registrerade.</BodyShort>
        ) : (
          <ul className="plain-list contact-list">
            {details.contactChannels.map((channel) => (
              <li
                key={channel.id}
                className={channel.safeForContact ? undefined : 'contact-unsafe'}
              >
                <VStack gap="space-4">
                  <HStack gap="space-8" align="center">
                    <BodyShort weight="semibold">{contactKindLabels[channel.kind]}</BodyShort>
                    {channel.safeForContact ? (
                      <Tag variant="moderate" data-color="success" size="small">
                        Säker för kontakt
                      </Tag>
                    ) : (
                      <Tag variant="strong" data-color="danger" size="small">
                        Får inte användas för kontakt
                      </Tag>
                    )}
                  </HStack>
                  <BodyShort className={channel.safeForContact ? undefined : 'unsafe-value'}>
                    {channel.value}
                  </BodyShort>
                  {channel.note ? (
                    <BodyShort size="small" textColor="subtle">
                      {channel.note}
                    </BodyShort>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
        <dl className="facts">
          <dt>Vistelseort</dt>
          <dd>{details.whereabouts ?? 'Inte registrerad'}</dd>
          <dt>Skola eller förskola</dt>
          <dd>{details.school ?? 'Inte registrerad'}</dd>
          {details.realIdentity ? (
            <>
              <dt>Verklig identitet</dt>
              <dd>{details.realIdentity}</dd>
            </>
          ) : null}
        </dl>
      </VStack>
    </section>
  );
}
