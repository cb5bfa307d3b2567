import {
  BodyLong,
  BodyShort,
  Button,
  Fieldset,
  Heading,
  HStack,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import type { FieldError } from '../../../../core/contracts/errors.ts';
import { listInstruments, recordAssessment } from '../../../../core/contracts/risk.ts';
import type { CaseRisk } from '../../../../core/contracts/risk.ts';
import type {
  Answer,
  InstrumentDefinition,
  RiskLevel,
} from '../../../../core/domain/instruments.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';
import { scenarioRatingGaps } from '../../../../core/domain/scenario-ratings.ts';
import { call } from '../../api/client.ts';
import { fieldRules } from '../../api/forms.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';
import { ItemField } from './AssessmentItems.tsx';
import { instrumentsKey } from './keys.ts';
import { onlyPerson, PersonSelect } from './PersonSelect.tsx';
import { RiskLevelOptions } from './RiskLevelOptions.tsx';
import { RiskLevelTag } from './RiskLevelTag.tsx';

const formId = 'riskbedomning';
type Rating = { level: RiskLevel | ''; motivation: string };
const noAnswers: Record<string, Answer> = {};
const noRatings: Record<string, Rating> = {};
const scenarioMotivationLength = fieldRules(
  recordAssessment.body,
  'scenarioRatings.0.motivation',
).maxLength;

/** The first message under a path, for a group whose answers have nested paths. */
const messageUnder = (errors: readonly FieldError[], path: string) =>
  errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;

const scenariosOf = (definition: InstrumentDefinition | undefined) =>
  definition?.scoring.kind === 'judgement' ? definition.scoring.scenarios : [];

/** A structured assessment: person and instrument, then the form the definition describes. */
export function AssessmentForm({
  caseId,
  persons,
}: {
  caseId: string;
  persons: CaseRisk['persons'];
}) {
  const instruments = useQuery({
    queryKey: instrumentsKey,
    queryFn: () => call(listInstruments),
  });
  const refresh = useRefreshCase(caseId);
  const definitionOf = (ref: string) =>
    instruments.data?.items.find((d) => `${d.id}@${d.version}` === ref);
  const form = useContractForm(recordAssessment, {
    formId,
    initial: {
      personId: onlyPerson(persons),
      instrumentRef: '',
      answers: noAnswers,
      ratings: noRatings,
      motivation: '',
      assessedOn: stockholmToday(),
    },
    paths: { instrumentRef: 'instrument', ratings: 'scenarioRatings' },
    toBody: (v) => {
      const definition = definitionOf(v.instrumentRef);
      const scenarios = scenariosOf(definition);
      return {
        personId: v.personId,
        instrument: { id: definition?.id ?? '', version: definition?.version ?? 0 },
        answers: v.answers,
        scenarioRatings:
          scenarios.length > 0
            ? scenarios.map((s) => ({
                scenario: s.key,
                level: v.ratings[s.key]?.level ?? '',
                motivation: v.ratings[s.key]?.motivation ?? '',
              }))
            : null,
        motivation: v.motivation,
        assessedOn: v.assessedOn,
      };
    },
    check: (v) => {
      const definition = definitionOf(v.instrumentRef);
      const scenarios = scenariosOf(definition);
      const ratings = Object.entries(v.ratings).map(([scenario, r]) => ({ scenario, ...r }));
      const { unrated } = scenarioRatingGaps(scenarios, ratings);
      return [
        ...(v.personId === '' ? [{ path: 'body.personId', message: 'Välj person.' }] : []),
        ...(definition ? [] : [{ path: 'body.instrument', message: 'Välj instrument.' }]),
        ...scenarios.flatMap((s, index) =>
          unrated.includes(s.key)
            ? [
                {
                  path: `body.scenarioRatings.${index}.level`,
                  message: `Välj risknivå för scenariot ${s.title}.`,
                },
              ]
            : [],
        ),
      ];
    },
    send: (body) => call(recordAssessment, { params: { caseId }, body }),
    clearOnSuccess: ['answers', 'ratings', 'motivation'],
    onSuccess: () => {
      refresh();
    },
  });

  if (instruments.isPending) return <Loading label="Hämtar bedömningsinstrument…" />;
  if (instruments.isError) return <ApiErrorAlert error={instruments.error} />;
  const { values, set } = form;
  const definition = definitionOf(values.instrumentRef);
  const setAnswer = (key: string, answer: Answer | undefined) => {
    const rest = Object.fromEntries(Object.entries(values.answers).filter(([k]) => k !== key));
    set({ answers: answer === undefined ? rest : { ...rest, [key]: answer } });
  };
  const setRating = (key: string, patch: Partial<Rating>) => {
    const rating = values.ratings[key] ?? { level: '', motivation: '' };
    set({ ratings: { ...values.ratings, [key]: { ...rating, ...patch } } });
  };
  const saved = form.saved ? form.mutation.data : undefined;
  const savedPerson = persons.find((p) => p.id === form.mutation.variables?.personId);

  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="small" id={`${formId}-rubrik`}>
          Ny riskbedömning
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ApiErrorAlert error={form.generalError} />
        <PersonSelect {...form.select('personId')} persons={persons} />
        <Select
          id={form.idOf('instrument')}
          label="Bedömningsinstrument"
          value={values.instrumentRef}
          onChange={(e) => {
            set({ instrumentRef: e.target.value, answers: {}, ratings: {} });
          }}
          error={messageUnder(form.fieldErrors, 'body.instrument')}
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
                    id={form.idOf(`answers.${item.key}`)}
                    item={item}
                    answer={values.answers[item.key]}
                    onChange={(answer) => {
                      setAnswer(item.key, answer);
                    }}
                    error={messageUnder(form.fieldErrors, `body.answers.${item.key}`)}
                  />
                ))}
              </Fieldset>
            ))}
            {scenariosOf(definition).map((s, index) => (
              <Fieldset key={s.key} legend={`Scenario: ${s.title}`} description={s.guidance}>
                <RadioGroup
                  id={form.idOf(`scenarioRatings.${index}.level`)}
                  legend="Risknivå"
                  value={values.ratings[s.key]?.level ?? ''}
                  onChange={(level: RiskLevel) => {
                    setRating(s.key, { level });
                  }}
                  error={form.errorOf(`scenarioRatings.${index}.level`)}
                >
                  <RiskLevelOptions />
                </RadioGroup>
                <Textarea
                  id={form.idOf(`scenarioRatings.${index}.motivation`)}
                  label="Motivering för scenariot"
                  minRows={2}
                  maxLength={scenarioMotivationLength}
                  value={values.ratings[s.key]?.motivation ?? ''}
                  onChange={(e) => {
                    setRating(s.key, { motivation: e.target.value });
                  }}
                  error={form.errorOf(`scenarioRatings.${index}.motivation`)}
                />
              </Fieldset>
            ))}
          </VStack>
        ) : null}
        <Textarea
          {...form.longText('motivation')}
          label="Sammanfattande bedömning och motivering"
          minRows={3}
        />
        <DateField {...form.text('assessedOn')} label="Datum för bedömningen" />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Spara bedömningen
          </Button>
        </div>
        <div role="status">
          {saved ? (
            <HStack gap="space-8" align="center">
              <BodyShort>
                Bedömningen av {savedPerson ? personName(savedPerson) : ''} är sparad. Risknivå:{' '}
                {saved.level ? riskLevelLabels[saved.level] : 'ingen (instrumentet ger ingen nivå)'}
                {saved.score !== null ? `, ${saved.score} poäng` : ''}.
              </BodyShort>
              {saved.level ? <RiskLevelTag level={saved.level} /> : null}
            </HStack>
          ) : null}
        </div>
      </VStack>
    </form>
  );
}
