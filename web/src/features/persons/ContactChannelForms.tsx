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
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { ApiError, call } from '../../api/client.ts';
import { fieldId, messageFor, validateBody } from '../../api/forms.ts';
import { contactKindLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';

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

function SafetyRadios({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Safety;
  onChange: (value: Safety) => void;
  error: string | undefined;
}) {
  return (
    <RadioGroup
      id={id}
      legend="Är uppgiften säker för kontakt?"
      description="Svara nej om den som utövar våld kan komma åt den, till exempel en delad e-post eller ett nummer som familjen känner till."
      value={value}
      onChange={onChange}
      error={error}
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
  const [kind, setKind] = useState<Kind>('phone');
  const [value, setValue] = useState('');
  const [safety, setSafety] = useState<Safety>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
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

  const form = useFormMutation(addContactChannel.body, {
    mutationFn: (body: BodyOf<typeof addContactChannel>) =>
      call(addContactChannel, { params: { personId: editing.personId }, body }),
    onSuccess: (channel) => {
      editing.onSaved(channel);
      setSaved(`${contactKindLabels[channel.kind]} ${channel.value} är sparad.`);
      returnFocus.current = true;
      setOpen(false);
    },
  });

  const close = () => {
    form.reset();
    returnFocus.current = true;
    setOpen(false);
  };

  if (!open) {
    return (
      <VStack gap="space-8" align="start">
        <div role="status">{saved}</div>
        <Button
          ref={toggleRef}
          variant="secondary"
          size="small"
          aria-expanded={false}
          onClick={() => {
            setKind('phone');
            setValue('');
            setSafety('');
            setNote('');
            setSaved(null);
            setOpen(true);
          }}
        >
          Lägg till kontaktuppgift
        </Button>
      </VStack>
    );
  }

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      onSubmit={(event) => {
        event.preventDefault();
        const body = { kind, value, safeForContact: safety === 'yes', note: noteOrNull(note) };
        const problems: FieldError[] = validateBody(addContactChannel.body, body);
        if (safety === '') {
          problems.push({
            path: 'body.safeForContact',
            message: 'Välj om uppgiften är säker för kontakt.',
          });
        }
        form.submit(body, problems);
      }}
    >
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
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <ApiErrorAlert error={form.generalError} />
        <Select
          className="field-narrow"
          id={fieldId(formId, 'body.kind')}
          label="Typ av kontaktuppgift"
          size="small"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
          }}
          error={messageFor(form.fieldErrors, 'body.kind')}
        >
          {(Object.keys(contactKindLabels) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {contactKindLabels[k]}
            </option>
          ))}
        </Select>
        <TextField
          id={fieldId(formId, 'body.value')}
          label={valueLabels[kind]}
          size="small"
          autoComplete="off"
          maxLength={500}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
          }}
          error={messageFor(form.fieldErrors, 'body.value')}
        />
        <SafetyRadios
          id={fieldId(formId, 'body.safeForContact')}
          value={safety}
          onChange={setSafety}
          error={messageFor(form.fieldErrors, 'body.safeForContact')}
        />
        <Textarea
          id={fieldId(formId, 'body.note')}
          label="Anteckning (frivillig)"
          description="Till exempel när det går bra att ringa, eller vem som mer kan nå uppgiften."
          size="small"
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
          error={messageFor(form.fieldErrors, 'body.note')}
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
  const [safety, setSafety] = useState<Safety>(channel.safeForContact ? 'yes' : 'no');
  const [note, setNote] = useState(channel.note ?? '');
  const groupRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);
  const form = useFormMutation(updateContactChannel.body, {
    mutationFn: (body: BodyOf<typeof updateContactChannel>) =>
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
      noValidate
      aria-label={`Ändra ${contactKindLabels[channel.kind].toLowerCase()} ${channel.value}`}
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          safeForContact: safety === 'yes',
          note: noteOrNull(note),
          version: channel.version,
        });
      }}
    >
      <VStack gap="space-12" align="start">
        <FormErrorSummary formId={formId} errors={form.fieldErrors} />
        <ApiErrorAlert error={form.generalError} size="small" />
        <div ref={groupRef}>
          <SafetyRadios
            id={fieldId(formId, 'body.safeForContact')}
            value={safety}
            onChange={setSafety}
            error={messageFor(form.fieldErrors, 'body.safeForContact')}
          />
        </div>
        <Textarea
          id={fieldId(formId, 'body.note')}
          label="Anteckning"
          description="Till exempel varför uppgiften inte längre är säker."
          size="small"
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
          error={messageFor(form.fieldErrors, 'body.note')}
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
