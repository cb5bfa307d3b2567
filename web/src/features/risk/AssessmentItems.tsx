import {
  BodyShort,
  Button,
  Fieldset,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { recordAssessment } from '../../../../core/contracts/risk.ts';
import type { Answer, InstrumentDefinition } from '../../../../core/domain/instruments.ts';
import { violenceForms } from '../../../../core/domain/instruments.ts';
import { fieldRules } from '../../api/forms.ts';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { violenceFormLabels } from './labels.ts';

type Item = InstrumentDefinition['sections'][number]['items'][number];
type CalendarRow = Extract<Answer, { kind: 'violence_calendar' }>['incidents'][number];

const textLength = fieldRules(recordAssessment.body, 'answers.any.kind=text.value').maxLength;
const descriptionLength = fieldRules(
  recordAssessment.body,
  'answers.any.kind=violence_calendar.incidents.0.description',
).maxLength;

const yesNoLabels = { yes: 'Ja', no: 'Nej', unknown: 'Vet inte' } as const;

/** One question of the instrument, in the input its answer scale asks for. */
export function ItemField({
  id,
  item,
  answer,
  onChange,
  error,
}: {
  id: string;
  item: Item;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  error: string | undefined;
}) {
  switch (item.answer.kind) {
    case 'yes_no_unknown':
      return (
        <RadioGroup
          id={id}
          legend={item.text}
          description={item.guidance}
          value={answer?.kind === 'yes_no_unknown' ? answer.value : ''}
          onChange={(value: 'yes' | 'no' | 'unknown') => {
            onChange({ kind: 'yes_no_unknown', value });
          }}
          error={error}
        >
          <HStack gap="space-24">
            {(['yes', 'no', 'unknown'] as const).map((value) => (
              <Radio key={value} value={value}>
                {yesNoLabels[value]}
              </Radio>
            ))}
          </HStack>
        </RadioGroup>
      );
    case 'ordinal':
      return (
        <RadioGroup
          id={id}
          legend={item.text}
          description={item.guidance}
          value={answer?.kind === 'ordinal' ? String(answer.value) : ''}
          onChange={(value: string) => {
            onChange({ kind: 'ordinal', value: Number(value) });
          }}
          error={error}
        >
          {item.answer.options.map((option) => (
            <Radio key={option.value} value={String(option.value)}>
              {option.label}
            </Radio>
          ))}
        </RadioGroup>
      );
    case 'text':
      return (
        <Textarea
          id={id}
          label={item.text}
          description={item.guidance}
          minRows={2}
          maxLength={textLength}
          value={answer?.kind === 'text' ? answer.value : ''}
          onChange={(e) => {
            const value = e.target.value;
            onChange(value === '' ? undefined : { kind: 'text', value });
          }}
          error={error}
        />
      );
    case 'violence_calendar':
      return (
        <ViolenceCalendar
          id={id}
          item={item}
          rows={answer?.kind === 'violence_calendar' ? answer.incidents : []}
          onChange={(incidents) => {
            onChange(incidents.length === 0 ? undefined : { kind: 'violence_calendar', incidents });
          }}
          error={error}
        />
      );
  }
}

/** The mapping of the violence: one row per incident — date, form and what happened. */
function ViolenceCalendar({
  id,
  item,
  rows,
  onChange,
  error,
}: {
  id: string;
  item: Item;
  rows: readonly CalendarRow[];
  onChange: (rows: CalendarRow[]) => void;
  error: string | undefined;
}) {
  const update = (index: number, patch: Partial<CalendarRow>) => {
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  return (
    <Fieldset id={id} legend={item.text} description={item.guidance} error={error}>
      {rows.length === 0 ? <BodyShort size="small">Ingen händelse tillagd.</BodyShort> : null}
      {rows.map((row, index) => (
        <div key={index} className="calendar-row">
          <VStack gap="space-8">
            <HStack gap="space-16" wrap>
              <DateField
                label={`Datum, händelse ${index + 1}`}
                value={row.on}
                onChange={(e) => {
                  update(index, { on: e.target.value });
                }}
              />
              <Select
                label={`Våldsform, händelse ${index + 1}`}
                value={row.form}
                onChange={(e) => {
                  update(index, { form: e.target.value as CalendarRow['form'] });
                }}
              >
                {violenceForms.map((form) => (
                  <option key={form} value={form}>
                    {violenceFormLabels[form]}
                  </option>
                ))}
              </Select>
            </HStack>
            <Textarea
              label={`Beskrivning, händelse ${index + 1}`}
              minRows={2}
              maxLength={descriptionLength}
              value={row.description}
              onChange={(e) => {
                update(index, { description: e.target.value });
              }}
            />
            <div>
              <Button
                type="button"
                size="small"
                variant="tertiary"
                onClick={() => {
                  onChange(rows.filter((_r, i) => i !== index));
                }}
              >
                Ta bort händelse {index + 1}
              </Button>
            </div>
          </VStack>
        </div>
      ))}
      <div>
        <Button
          type="button"
          size="small"
          variant="secondary"
          onClick={() => {
            onChange([...rows, { on: stockholmToday(), form: 'physical', description: '' }]);
          }}
        >
          Lägg till händelse
        </Button>
      </div>
    </Fieldset>
  );
}
