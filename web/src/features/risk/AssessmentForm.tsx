import { useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Fieldset,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '../../../../core/contracts/contract.ts';
import {
  listInstruments,
  recordAssessment,
  recordIncident,
  recordPoliceAssessment,
} from '../../../../core/contracts/risk.ts';
import type { CaseRisk } from '../../../../core/contracts/risk.ts';
import type {
  Answer,
  InstrumentDefinition,
  RiskLevel,
} from '../../../../core/domain/instruments.ts';
import { riskLevelLabels, riskLevels, violenceForms } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';
import { fieldId, messageFor, validateBody, withOwnErrors } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useFormMutation } from '../../components/useFormMutation.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { instrumentsKey } from './keys.ts';
import { violenceFormLabels } from './labels.ts';
import { RiskLevelTag } from './RiskLevelTag.tsx';

type Persons = CaseRisk['persons'];
type Item = InstrumentDefinition['sections'][number]['items'][number];
type CalendarRow = Extract<Answer, { kind: 'violence_calendar' }>['incidents'][number];

const formId = 'riskbedomning';
type Body = BodyOf<typeof recordAssessment>;

/** The first message under a path, for a group whose answers have nested paths. */
const messageUnder = (errors: readonly { path: string; message: string }[], path: string) =>
  errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;

/** A structured assessment: person and instrument, then the form the definition describes. */
export function AssessmentForm({ caseId, persons }: { caseId: string; persons: Persons }) {
  const instruments = useQuery({
    queryKey: instrumentsKey,
    queryFn: () => call(listInstruments),
  });
  const refresh = useRefreshCase(caseId);
  const [personId, setPersonId] = useState(persons.length === 1 ? (persons[0]?.id ?? '') : '');
  const [instrumentRef, setInstrumentRef] = useState('');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [ratings, setRatings] = useState<
    Record<string, { level: RiskLevel | ''; motivation: string }>
  >({});
  const [motivation, setMotivation] = useState('');
  const [assessedOn, setAssessedOn] = useState(stockholmToday());
  const [result, setResult] = useState<{
    level: RiskLevel | null;
    score: number | null;
    person: string;
  } | null>(null);
  const save = useFormMutation(recordAssessment.body, {
    mutationFn: (body: Body) => call(recordAssessment, { params: { caseId }, body }),
    onSuccess: (r, body) => {
      const person = persons.find((p) => p.id === body.personId);
      setResult({ level: r.level, score: r.score, person: person ? personName(person) : '' });
      setAnswers({});
      setRatings({});
      setMotivation('');
      refresh();
    },
  });

  if (instruments.isPending) return <Loading label="Hämtar bedömningsinstrument…" />;
  if (instruments.isError) return <ApiErrorAlert error={instruments.error} />;
  const definition = instruments.data.items.find((d) => `${d.id}@${d.version}` === instrumentRef);
  const setAnswer = (key: string, answer: Answer | undefined) => {
    setAnswers((all) => {
      const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== key));
      return answer === undefined ? rest : { ...rest, [key]: answer };
    });
  };

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        setResult(null);
        const own: { path: string; message: string }[] = [];
        if (personId === '') own.push({ path: 'body.personId', message: 'Välj person.' });
        if (!definition) own.push({ path: 'body.instrument', message: 'Välj instrument.' });
        const scenarios =
          definition?.scoring.kind === 'judgement' ? definition.scoring.scenarios : [];
        scenarios.forEach((s, index) => {
          if (!ratings[s.key]?.level) {
            own.push({
              path: `body.scenarioRatings.${index}.level`,
              message: `Välj risknivå för scenariot ${s.title}.`,
            });
          }
        });
        const body = {
          personId,
          instrument: { id: definition?.id ?? '', version: definition?.version ?? 0 },
          answers,
          scenarioRatings:
            scenarios.length > 0
              ? scenarios.map((s) => ({
                  scenario: s.key,
                  level: ratings[s.key]?.level ?? '',
                  motivation: ratings[s.key]?.motivation ?? '',
                }))
              : null,
          motivation,
          assessedOn,
        } as Body;
        save.submit(body, withOwnErrors(validateBody(recordAssessment.body, body), own));
      }}
    >
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Ny riskbedömning
        </Heading>
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError} />
        <Select
          id={fieldId(formId, 'body.personId')}
          label="Person"
          value={personId}
          onChange={(e) => {
            setPersonId(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.personId')}
        >
          <option value="">Välj person</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {personName(p)}
            </option>
          ))}
        </Select>
        <Select
          id={fieldId(formId, 'body.instrument')}
          label="Bedömningsinstrument"
          value={instrumentRef}
          onChange={(e) => {
            setInstrumentRef(e.target.value);
            setAnswers({});
            setRatings({});
          }}
          error={messageUnder(save.fieldErrors, 'body.instrument')}
        >
          <option value="">Välj instrument</option>
          {instruments.data.items.map((d) => (
            <option key={`${d.id}@${d.version}`} value={`${d.id}@${d.version}`}>
              {d.name} (version {d.version}){d.example ? ' – exempel' : ''}
            </option>
          ))}
        </Select>
        {definition ? (
          <VStack gap="space-24">
            <VStack gap="space-8">
              <HStack gap="space-8" align="center">
                <Heading level="5" size="xsmall">
                  {definition.name}, version {definition.version}
                </Heading>
                {definition.example ? (
                  <Tag variant="outline" data-color="neutral" size="small">
                    Exempel
                  </Tag>
                ) : null}
              </HStack>
              <BodyLong size="small">{definition.description}</BodyLong>
              {definition.example ? (
                <BodyShort size="small">
                  Exempel skrivet för Värn, inte ett validerat instrument.
                </BodyShort>
              ) : null}
            </VStack>
            {definition.sections.map((section) => (
              <Fieldset key={section.key} legend={section.title} description={section.guidance}>
                {section.items.map((item) => (
                  <ItemField
                    key={item.key}
                    item={item}
                    answer={answers[item.key]}
                    onChange={(answer) => {
                      setAnswer(item.key, answer);
                    }}
                    error={messageUnder(save.fieldErrors, `body.answers.${item.key}`)}
                  />
                ))}
              </Fieldset>
            ))}
            {definition.scoring.kind === 'judgement'
              ? definition.scoring.scenarios.map((s, index) => (
                  <Fieldset key={s.key} legend={`Scenario: ${s.title}`} description={s.guidance}>
                    <RadioGroup
                      id={fieldId(formId, `body.scenarioRatings.${index}.level`)}
                      legend="Risknivå"
                      value={ratings[s.key]?.level ?? ''}
                      onChange={(level: RiskLevel) => {
                        setRatings((all) => ({
                          ...all,
                          [s.key]: { motivation: all[s.key]?.motivation ?? '', level },
                        }));
                      }}
                      error={messageFor(save.fieldErrors, `body.scenarioRatings.${index}.level`)}
                    >
                      {riskLevels.map((level) => (
                        <Radio key={level} value={level}>
                          {riskLevelLabels[level]}
                        </Radio>
                      ))}
                    </RadioGroup>
                    <Textarea
                      id={fieldId(formId, `body.scenarioRatings.${index}.motivation`)}
                      label="Motivering för scenariot"
                      minRows={2}
                      maxLength={5_000}
                      value={ratings[s.key]?.motivation ?? ''}
                      onChange={(e) => {
                        const text = e.target.value;
                        setRatings((all) => ({
                          ...all,
                          [s.key]: { level: all[s.key]?.level ?? '', motivation: text },
                        }));
                      }}
                      error={messageFor(
                        save.fieldErrors,
                        `body.scenarioRatings.${index}.motivation`,
                      )}
                    />
                  </Fieldset>
                ))
              : null}
          </VStack>
        ) : null}
        <Textarea
          id={fieldId(formId, 'body.motivation')}
          label="Sammanfattande bedömning och motivering"
          minRows={3}
          maxLength={20_000}
          value={motivation}
          onChange={(e) => {
            setMotivation(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.motivation')}
        />
        <TextField
          id={fieldId(formId, 'body.assessedOn')}
          label="Datum för bedömningen"
          description="ÅÅÅÅ-MM-DD"
          htmlSize={12}
          autoComplete="off"
          value={assessedOn}
          onChange={(e) => {
            setAssessedOn(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.assessedOn')}
        />
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Spara bedömningen
          </Button>
        </div>
        <div role="status">
          {result ? (
            <HStack gap="space-8" align="center">
              <BodyShort>
                Bedömningen av {result.person} är sparad. Risknivå:{' '}
                {result.level
                  ? riskLevelLabels[result.level]
                  : 'ingen (instrumentet ger ingen nivå)'}
                {result.score !== null ? `, ${result.score} poäng` : ''}.
              </BodyShort>
              {result.level ? <RiskLevelTag level={result.level} /> : null}
            </HStack>
          ) : null}
        </div>
      </VStack>
    </form>
  );
}

const yesNoLabels = { yes: 'Ja', no: 'Nej', unknown: 'Vet inte' } as const;

function ItemField({
  item,
  answer,
  onChange,
  error,
}: {
  item: Item;
  answer: Answer | undefined;
  onChange: (answer: Answer | undefined) => void;
  error: string | undefined;
}) {
  const id = fieldId(formId, `body.answers.${item.key}`);
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
          maxLength={5_000}
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
              <TextField
                label={`Datum, händelse ${index + 1}`}
                description="ÅÅÅÅ-MM-DD"
                htmlSize={12}
                autoComplete="off"
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
              maxLength={2_000}
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

const policeFormId = 'polisens-bedomning';
type PoliceBody = BodyOf<typeof recordPoliceAssessment>;

/** The police's risk assessment, recorded with the victim's consent. */
export function PoliceAssessmentForm({ caseId, persons }: { caseId: string; persons: Persons }) {
  const refresh = useRefreshCase(caseId);
  const empty = {
    personId: persons.length === 1 ? (persons[0]?.id ?? '') : '',
    level: '',
    summary: '',
    policeReference: '',
    consentReference: '',
    assessedOn: stockholmToday(),
  };
  const [values, setValues] = useState(empty);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useFormMutation(recordPoliceAssessment.body, {
    mutationFn: (body: PoliceBody) => call(recordPoliceAssessment, { params: { caseId }, body }),
    onSuccess: () => {
      setSaved('Polisens riskbedömning är registrerad.');
      setValues(empty);
      refresh();
    },
  });
  const set = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
  };
  return (
    <form
      noValidate
      aria-labelledby={`${policeFormId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        const own = [
          ...(values.personId === '' ? [{ path: 'body.personId', message: 'Välj person.' }] : []),
          ...(values.level === '' ? [{ path: 'body.level', message: 'Välj risknivå.' }] : []),
        ];
        const body = values as PoliceBody;
        save.submit(body, withOwnErrors(validateBody(recordPoliceAssessment.body, body), own));
      }}
    >
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${policeFormId}-rubrik`}>
          Polisens riskbedömning
        </Heading>
        <BodyShort>Registreras bara med personens samtycke.</BodyShort>
        <FormErrorSummary formId={policeFormId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError} />
        <Select
          id={fieldId(policeFormId, 'body.personId')}
          label="Person"
          value={values.personId}
          onChange={(e) => {
            set({ personId: e.target.value });
          }}
          error={messageFor(save.fieldErrors, 'body.personId')}
        >
          <option value="">Välj person</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {personName(p)}
            </option>
          ))}
        </Select>
        <RadioGroup
          id={fieldId(policeFormId, 'body.level')}
          legend="Polisens risknivå"
          value={values.level}
          onChange={(level: string) => {
            set({ level });
          }}
          error={messageFor(save.fieldErrors, 'body.level')}
        >
          {riskLevels.map((level) => (
            <Radio key={level} value={level}>
              {riskLevelLabels[level]}
            </Radio>
          ))}
        </RadioGroup>
        <Textarea
          id={fieldId(policeFormId, 'body.summary')}
          label="Sammanfattning av polisens bedömning"
          minRows={3}
          maxLength={20_000}
          value={values.summary}
          onChange={(e) => {
            set({ summary: e.target.value });
          }}
          error={messageFor(save.fieldErrors, 'body.summary')}
        />
        <TextField
          id={fieldId(policeFormId, 'body.policeReference')}
          label="Polisens diarienummer"
          autoComplete="off"
          value={values.policeReference}
          onChange={(e) => {
            set({ policeReference: e.target.value });
          }}
          error={messageFor(save.fieldErrors, 'body.policeReference')}
        />
        <TextField
          id={fieldId(policeFormId, 'body.consentReference')}
          label="Var samtycket är dokumenterat"
          description="Till exempel journalanteckning och datum."
          autoComplete="off"
          value={values.consentReference}
          onChange={(e) => {
            set({ consentReference: e.target.value });
          }}
          error={messageFor(save.fieldErrors, 'body.consentReference')}
        />
        <TextField
          id={fieldId(policeFormId, 'body.assessedOn')}
          label="Datum för polisens bedömning"
          description="ÅÅÅÅ-MM-DD"
          htmlSize={12}
          autoComplete="off"
          value={values.assessedOn}
          onChange={(e) => {
            set({ assessedOn: e.target.value });
          }}
          error={messageFor(save.fieldErrors, 'body.assessedOn')}
        />
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Registrera polisens bedömning
          </Button>
        </div>
        <div role="status">{saved}</div>
      </VStack>
    </form>
  );
}

const incidentFormId = 'handelse';
type IncidentBody = BodyOf<typeof recordIncident>;

/** New violence, a threat or a police report: a reason to assess the risk again. */
export function IncidentForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase(caseId);
  const [occurredOn, setOccurredOn] = useState(stockholmToday());
  const [description, setDescription] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useFormMutation(recordIncident.body, {
    mutationFn: (body: IncidentBody) => call(recordIncident, { params: { caseId }, body }),
    onSuccess: () => {
      setSaved('Händelsen är registrerad.');
      setDescription('');
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <form
      noValidate
      aria-labelledby={`${incidentFormId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        save.submit({ occurredOn, description });
      }}
    >
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${incidentFormId}-rubrik`}>
          Registrera händelse
        </Heading>
        <BodyShort>
          Nytt våld, hot eller en polisanmälan: ett skäl att bedöma risken igen.
        </BodyShort>
        <FormErrorSummary formId={incidentFormId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError} />
        <TextField
          id={fieldId(incidentFormId, 'body.occurredOn')}
          label="Datum för händelsen"
          description="ÅÅÅÅ-MM-DD"
          htmlSize={12}
          autoComplete="off"
          value={occurredOn}
          onChange={(e) => {
            setOccurredOn(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.occurredOn')}
        />
        <Textarea
          id={fieldId(incidentFormId, 'body.description')}
          label="Vad hände?"
          minRows={3}
          maxLength={5_000}
          value={description}
          onChange={(e) => {
            setDescription(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.description')}
        />
        <div>
          <Button type="submit" loading={save.mutation.isPending}>
            Registrera händelsen
          </Button>
        </div>
        <div role="status">{saved}</div>
      </VStack>
    </form>
  );
}
