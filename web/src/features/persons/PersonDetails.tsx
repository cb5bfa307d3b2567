import { useEffect, useRef, useState } from 'react';
import { BodyShort, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import type { ProtectedDetails } from '../../../../core/contracts/persons.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { AddContactChannel, ChannelSafetyForm } from './ContactChannelForms.tsx';
import type { ChannelEditing } from './ContactChannelForms.tsx';

/**
 * Contact channels (safe or not), whereabouts, school; the real identity when fingerad. With
 * `editing`, a handläggare may add a channel and mark each one safe or unsafe for contact.
 */
export function PersonDetails({
  details,
  headingLevel,
  editing,
}: {
  details: ProtectedDetails;
  headingLevel: '2' | '3';
  editing?: ChannelEditing | undefined;
}) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (editingId !== null || !focusAfter.current) return;
    const id = focusAfter.current;
    focusAfter.current = null;
    listRef.current
      ?.querySelector<HTMLButtonElement>(`button[data-channel-id="${CSS.escape(id)}"]`)
      ?.focus();
  }, [editingId]);

  return (
    <section aria-labelledby="kontaktuppgifter-rubrik">
      <VStack gap="space-16">
        <Heading level={headingLevel} size="medium" id="kontaktuppgifter-rubrik">
          Kontaktuppgifter och vistelse
        </Heading>
        {editing ? <div role="status">{status}</div> : null}
        {details.contactChannels.length === 0 ? (
          <BodyShort>Inga kontaktuppgifter är registrerade.</BodyShort>
        ) : (
          <ul className="plain-list contact-list" ref={listRef}>
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
                  {editing && editingId === channel.id ? (
                    <ChannelSafetyForm
                      channel={channel}
                      editing={editing}
                      onDone={(saved) => {
                        focusAfter.current = channel.id;
                        if (saved) {
                          setStatus(
                            `${contactKindLabels[saved.kind]} ${saved.value}: ${
                              saved.safeForContact
                                ? 'säker för kontakt'
                                : 'får inte användas för kontakt'
                            }. Ändringen är sparad.`,
                          );
                        }
                        setEditingId(null);
                      }}
                    />
                  ) : editing ? (
                    <div>
                      <Button
                        type="button"
                        variant="tertiary"
                        size="xsmall"
                        data-channel-id={channel.id}
                        onClick={() => {
                          setStatus(null);
                          setEditingId(channel.id);
                        }}
                      >
                        Ändra
                        <span className="visually-hidden">
                          {` om ${contactKindLabels[channel.kind].toLowerCase()} ${channel.value} är säker för kontakt`}
                        </span>
                      </Button>
                    </div>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
        {editing ? (
          <AddContactChannel editing={editing} headingLevel={headingLevel === '2' ? '3' : '4'} />
        ) : null}
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
