import { useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import { recordCommunication } from '../../../../core/contracts/case-documents.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { getPerson, getProtectedDetails } from '../../../../core/contracts/persons.ts';
import type { ContactChannel } from '../../../../core/contracts/persons.ts';
import { call } from '../../api/client.ts';
import { communicationMethodLabels, contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';

const formId = 'kommunicering';

/**
 * The person's contact channels, to choose how to communicate. A protected person's channels are
 * a separate, logged read: fetched only when the handläggare asks for them.
 */
function useChannels(personId: string, protectedPerson: boolean, asked: boolean) {
  const file = useQuery({
    queryKey: ['person', personId],
    queryFn: () => call(getPerson, { params: { personId } }),
    enabled: !protectedPerson,
  });
  const details = useQuery({
    queryKey: ['person', personId, 'protected-details'],
    queryFn: () => call(getProtectedDetails, { params: { personId } }),
    enabled: protectedPerson && asked,
    staleTime: Infinity,
    gcTime: 0,
  });
  return protectedPerson
    ? {
        channels: details.data?.contactChannels,
        pending: asked && details.isPending,
        error: details.error,
      }
    : { channels: file.data?.details?.contactChannels, pending: file.isPending, error: file.error };
}

const channelText = (c: ContactChannel) => `${contactKindLabels[c.kind]} ${c.value}`;

/** Kommunicering before a beslut: what, when, and how — at a meeting or by a safe channel. */
export function CommunicationSection({ detail }: { detail: CaseDetail }) {
  const done = detail.communications;
  const canCommunicate = detail.abilities.steps.communication.allowed;

  return (
    <section aria-labelledby="kommunicering-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="kommunicering-rubrik">
          Kommunicering
        </Heading>
        <BodyLong>
          Innan beslut får personen ta del av materialet och lämna synpunkter. Kommunicera bara via
          en kontaktväg som den som utövar våld inte kan nå, eller vid ett möte.
        </BodyLong>
        {done.length > 0 ? (
          <ul className="plain-list">
            {done.map((c, index) => (
              <li key={index}>
                <BodyShort>
                  {c.communicatedOn} · {c.what} ·{' '}
                  {c.method === 'meeting'
                    ? communicationMethodLabels.meeting
                    : c.channelKind
                      ? `Via ${contactKindLabels[c.channelKind].toLowerCase()}`
                      : communicationMethodLabels.channel}
                  {c.recordedBy ? ` · ${c.recordedBy}` : ''}
                </BodyShort>
              </li>
            ))}
          </ul>
        ) : (
          <BodyShort textColor="subtle">Inget är kommunicerat än.</BodyShort>
        )}
        {canCommunicate ? <CommunicationForm detail={detail} /> : null}
      </VStack>
    </section>
  );
}

function CommunicationForm({ detail }: { detail: CaseDetail }) {
  const refresh = useRefreshCase(detail.id);
  const protectedPerson = detail.person.protectionLevel !== 'none';
  const [asked, setAsked] = useState(false);
  const { channels, pending, error } = useChannels(detail.person.id, protectedPerson, asked);
  const save = useContractForm(recordCommunication, {
    formId,
    initial: { what: '', communicatedOn: stockholmToday(), method: '' },
    unchosen: { method: 'Välj hur materialet kommunicerades.' },
    // Until a way is chosen, the contract's complaints about it say nothing more.
    relevant: (e, v) => v.method !== '' || !e.path.startsWith('body.method'),
    toBody: (v) => ({
      what: v.what,
      communicatedOn: v.communicatedOn,
      method:
        v.method === 'meeting'
          ? { kind: 'meeting' }
          : { kind: 'channel', contactChannelId: v.method },
      version: detail.version,
    }),
    send: (body) => call(recordCommunication, { params: { caseId: detail.id }, body }),
    clearOnSuccess: ['what', 'method'],
    onSuccess: () => {
      refresh('detail');
    },
  });
  const chosen = channels?.find((c) => c.id === save.values.method);

  return (
    <form {...save.formProps} aria-label="Registrera kommunicering" className="step-form">
      <VStack gap="space-16">
        <Heading level="3" size="small">
          Registrera kommunicering
        </Heading>
        <FormErrorSummary {...save.summaryProps} />
        <ChangeErrorAlert
          error={save.generalError}
          onReload={() => {
            save.reset();
            refresh('detail');
          }}
        />
        <Textarea
          {...save.longText('what')}
          label="Vad kommunicerades?"
          description="Till exempel utredningen i sin helhet, eller de delar som beslutet bygger på."
          minRows={2}
        />
        <DateField {...save.text('communicatedOn')} label="Datum" />
        {protectedPerson && !asked ? (
          <VStack gap="space-8" align="start">
            <BodyShort>
              Personen har skyddade personuppgifter. Hennes eller hans kontaktvägar visas bara när
              du ber om dem, och visningen loggas.
            </BodyShort>
            <Button
              type="button"
              variant="secondary"
              size="small"
              onClick={() => {
                setAsked(true);
              }}
            >
              Visa kontaktvägar
            </Button>
          </VStack>
        ) : null}
        {pending ? <Loading label="Hämtar kontaktvägar…" /> : null}
        <ApiErrorAlert error={error} />
        <RadioGroup
          {...save.choice('method')}
          legend="Hur?"
          error={save.errorOf('method') ?? save.errorOf('method.contactChannelId')}
        >
          <Radio value="meeting">Vid ett möte</Radio>
          {channels?.map((c) => (
            <Radio
              key={c.id}
              value={c.id}
              description={
                c.safeForContact
                  ? 'Säker för kontakt'
                  : 'Osäker: den som utövar våld kan nå den. Får inte användas.'
              }
            >
              {channelText(c)}
            </Radio>
          ))}
        </RadioGroup>
        {channels?.length === 0 ? (
          <BodyShort size="small">
            Personen har inga registrerade kontaktvägar. Lägg till en säker kontaktväg i
            personakten, eller kommunicera vid ett möte.
          </BodyShort>
        ) : null}
        {chosen && !chosen.safeForContact ? (
          <Alert variant="warning" size="small">
            {channelText(chosen)} är markerad som osäker. Välj en annan kontaktväg eller kommunicera
            vid ett möte.
          </Alert>
        ) : null}
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Registrera kommuniceringen
          </Button>
        </div>
        <div role="status">{save.saved ? 'Kommuniceringen är registrerad.' : null}</div>
      </VStack>
    </form>
  );
}
