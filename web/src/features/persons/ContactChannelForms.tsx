import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { addContactChannel, updateContactChannel } from '../../../../core/contracts/persons.ts';
import type { ContactChannel } from '../../../../core/contracts/persons.ts';
import { ApiError, call } from '../../api/client.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import type { ChoiceBinding } from '../../components/useContractForm.ts';

type Kind = ContactChannel['kind'];
type Safety = '' | 'yes' | 'no';

/** What the person page does with a saved channel, and when someone else changed it first. */
export interface ChannelEditing {
  personId: string;
  onSaved: (channel: ContactChannel) => void;
  /** A 409: fetch the channels again so the next attempt starts from what is stored. */
  onConflict: () => void;
}

/** The details with one channel added or replaced, as the server answered it. */
export function withChannel<T extends { contactChannels: ContactChannel[] }>(
  details: T,
  channel: ContactChannel,
): T {
  const exists = details.contactChannels.some((c) => c.id === channel.id);
  return {
    ...details,
    contactChannels: exists
      ? details.contactChannels.map((c) => (c.id === channel.id ? channel : c))
      : [...details.contactChannels, channel],
  };
}

const valueLabels: Record<Kind, string> = {
  phone: 'Telefonnummer',
  email: 'E-postadress',
  address: 'Adress',
  digital_mailbox: 'Digital brevlåda',
};

const noteOrNull = (note: string) => (note.trim() === '' ? null : note.trim());
const isConflict = (error: unknown) =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT';

const safetyPaths = { safety: 'safeForContact' } as const;

function SafetyRadios(field: ChoiceBinding) {
  return (
    <RadioGroup
      {...field}
      legend="Är uppgiften säker för kontakt?"
      description="Svara nej om den som utövar våld kan komma åt den, till exempel en delad e-post eller ett nummer som familjen känner till."
      size="small"
    >
      <Radio value="yes">Ja, säker för kontakt</Radio>
      <Radio value="no">Nej, får inte användas för kontakt</Radio>
    </RadioGroup>
  );
}

/** "Lägg till kontaktuppgift": kind, value, whether it is safe for contact, a note. */
export function AddContactChannel({
  editing,
  headingLevel,
}: {
  editing: ChannelEditing;
  headingLevel: '3' | '4';
}) {
  const formId = 'ny-kontaktuppgift';
  const [open, setOpen] = useState(false);
  const blank: { kind: Kind; value: string; safety: Safety; note: string } = {
    kind: 'phone',
    value: '',
    safety: '',
    note: '',
  };
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);

  const form = useContractForm(addContactChannel, {
    formId,
    initial: blank,
    paths: safetyPaths,
    unchosen: { safety: 'Välj om uppgiften är säker för kontakt.' },
    toBody: (v) => ({
      kind: v.kind,
      value: v.value,
      safeForContact: v.safety === 'yes',
      note: noteOrNull(v.note),
    }),
    send: (body) => call(addContactChannel, { params: { personId: editing.personId }, body }),
    onSuccess: (channel) => {
      editing.onSaved(channel);
      returnFocus.current = true;
      setOpen(false);
    },
  });
  const saved = form.saved ? form.mutation.data : undefined;

  const close = () => {
    form.reset();
    returnFocus.current = true;
    setOpen(false);
  };

  if (!open) {
    return (
      <VStack gap="space-8" align="start">
        <div role="status">
          {saved ? `${contactKindLabels[saved.kind]} ${saved.value} är sparad.` : null}
        </div>
        <Button
          ref={toggleRef}
          variant="secondary"
          size="small"
          aria-expanded={false}
          onClick={() => {
            form.reset();
            setOpen(true);
          }}
        >
          Lägg till kontaktuppgift
        </Button>
      </VStack>
    );
  }

  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`}>
      <VStack gap="space-16" align="start">
        <Heading
          level={headingLevel}
          size="small"
          id={`${formId}-rubrik`}
          ref={headingRef}
          tabIndex={-1}
        >
          Ny kontaktuppgift
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <Select
          {...form.select('kind')}
          className="field-narrow"
          label="Typ av kontaktuppgift"
          size="small"
        >
          {(Object.keys(contactKindLabels) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {contactKindLabels[k]}
            </option>
          ))}
        </Select>
        <TextField
          {...form.longText('value')}
          label={valueLabels[form.values.kind]}
          size="small"
          autoComplete="off"
        />
        <SafetyRadios {...form.choice('safety')} />
        <Textarea
          {...form.longText('note')}
          label="Anteckning (frivillig)"
          description="Till exempel när det går bra att ringa, eller vem som mer kan nå uppgiften."
          size="small"
          minRows={2}
        />
        <HStack gap="space-12">
          <Button type="submit" size="small" loading={form.mutation.isPending}>
            Spara kontaktuppgiften
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={close}>
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

/** On one channel: mark it safe or unsafe for contact, with a note saying why. */
export function ChannelSafetyForm({
  channel,
  editing,
  onDone,
}: {
  channel: ContactChannel;
  editing: ChannelEditing;
  onDone: (saved: ContactChannel | null) => void;
}) {
  const formId = `kanal-${channel.id}`;
  const groupRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);
  const safety: Safety = channel.safeForContact ? 'yes' : 'no';
  const form = useContractForm(updateContactChannel, {
    formId,
    initial: { safety, note: channel.note ?? '' },
    paths: safetyPaths,
    toBody: (v) => ({
      safeForContact: v.safety === 'yes',
      note: noteOrNull(v.note),
      version: channel.version,
    }),
    send: (body) =>
      call(updateContactChannel, {
        params: { personId: editing.personId, channelId: channel.id },
        body,
      }),
    onSuccess: (saved) => {
      editing.onSaved(saved);
      onDone(saved);
    },
    onError: (error) => {
      if (isConflict(error)) editing.onConflict();
    },
  });

  return (
    <form
      {...form.formProps}
      aria-label={`Ändra ${contactKindLabels[channel.kind].toLowerCase()} ${channel.value}`}
    >
      <VStack gap="space-12" align="start">
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <div ref={groupRef}>
          <SafetyRadios {...form.choice('safety')} />
        </div>
        <Textarea
          {...form.longText('note')}
          label="Anteckning"
          description="Till exempel varför uppgiften inte längre är säker."
          size="small"
          minRows={2}
        />
        <HStack gap="space-12">
          <Button type="submit" size="small" loading={form.mutation.isPending}>
            Spara
          </Button>
          <Button
            type="button"
            size="small"
            variant="tertiary"
            onClick={() => {
              onDone(null);
            }}
          >
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
