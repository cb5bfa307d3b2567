import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { getCaseRisk } from '../../../../core/contracts/risk.ts';
import type { CaseRisk } from '../../../../core/contracts/risk.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';
import { call } from '../../api/client.ts';
import { acuteNeedLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { AssessmentForm } from './AssessmentForm.tsx';
import { IncidentForm } from './IncidentForm.tsx';
import { PoliceAssessmentForm } from './PoliceAssessmentForm.tsx';
import { riskKey } from './keys.ts';
import { methodLabels } from './labels.ts';
import { RiskLevelTag } from './RiskLevelTag.tsx';
import { SafetyPlanEditor } from './SafetyPlanEditor.tsx';

const RiskChart = lazy(() => import('./RiskChart.tsx').then((m) => ({ default: m.RiskChart })));

type Form = 'assessment' | 'police' | 'incident' | null;

/**
 * Risk och säkerhet: each person's current level, what calls for a new assessment, the intake's
 * screening, the assessments over time (a chart and the same in a table), incidents, and the
 * safety plan per person.
 */
export function RiskTab({ detail }: { detail: CaseDetail }) {
  const risk = useQuery({
    queryKey: riskKey(detail.id),
    queryFn: () => call(getCaseRisk, { params: { caseId: detail.id } }),
  });
  const [form, setForm] = useState<Form>(null);
  const [planFor, setPlanFor] = useState<string | null>(null);
  if (risk.isPending) return <Loading label="Hämtar risk och säkerhet…" />;
  if (risk.isError) return <ApiErrorAlert error={risk.error} />;
  const data = risk.data;
  const canAssess = data.abilities.assess && detail.status === 'open';
  const planPerson = data.persons.find((p) => p.id === planFor);

  return (
    <VStack gap="space-40">
      <VStack gap="space-16">
        <Heading level="2" size="large">
          Risk och säkerhet
        </Heading>
        <Prompts
          prompts={data.prompts}
          persons={data.persons}
          onPlan={(personId) => {
            setPlanFor(personId);
          }}
        />
      </VStack>
      <CurrentLevels
        risk={data}
        onPlan={(personId) => {
          setPlanFor(personId);
        }}
      />
      {planPerson ? (
        <SafetyPlanEditor
          key={planPerson.id}
          caseId={detail.id}
          personId={planPerson.id}
          onClose={() => {
            setPlanFor(null);
          }}
        />
      ) : null}
      <AcuteScreening screening={data.acuteScreening} />
      {canAssess ? (
        <section aria-labelledby="risk-atgarder-rubrik">
          <VStack gap="space-16">
            <Heading level="3" size="medium" id="risk-atgarder-rubrik">
              Bedöm och registrera
            </Heading>
            <HStack gap="space-8" wrap>
              <Button
                variant={form === 'assessment' ? 'primary' : 'secondary'}
                aria-expanded={form === 'assessment'}
                onClick={() => {
                  setForm(form === 'assessment' ? null : 'assessment');
                }}
              >
                Ny riskbedömning
              </Button>
              <Button
                variant={form === 'police' ? 'primary' : 'secondary'}
                aria-expanded={form === 'police'}
                onClick={() => {
                  setForm(form === 'police' ? null : 'police');
                }}
              >
                Registrera polisens riskbedömning
              </Button>
              <Button
                variant={form === 'incident' ? 'primary' : 'secondary'}
                aria-expanded={form === 'incident'}
                onClick={() => {
                  setForm(form === 'incident' ? null : 'incident');
                }}
              >
                Registrera händelse
              </Button>
            </HStack>
            {form === 'assessment' ? (
              <AssessmentForm caseId={detail.id} persons={data.persons} />
            ) : null}
            {form === 'police' ? (
              <PoliceAssessmentForm caseId={detail.id} persons={data.persons} />
            ) : null}
            {form === 'incident' ? <IncidentForm caseId={detail.id} /> : null}
          </VStack>
        </section>
      ) : null}
      <LevelsOverTime risk={data} />
      <Assessments risk={data} />
      <Incidents risk={data} />
    </VStack>
  );
}

function Prompts({
  prompts,
  persons,
  onPlan,
}: {
  prompts: CaseRisk['prompts'];
  persons: CaseRisk['persons'];
  onPlan: (personId: string) => void;
}) {
  if (prompts.length === 0) return null;
  const withoutPlan = persons.filter((p) => p.currentLevel === 'high' && !p.hasSafetyPlan);
  return (
    <div className="risk-prompts">
      {prompts.map((prompt) => (
        <Alert key={prompt.kind} variant="warning" size="small">
          {prompt.kind === 'interval' ? (
            `Dags att bedöma risken igen – ${prompt.days} dagar sedan senaste bedömningen (${formatDate(prompt.since)}).`
          ) : prompt.kind === 'new_incident' ? (
            `Ny händelse efter senaste bedömningen (${formatDate(prompt.on)}).`
          ) : prompt.kind === 'own_view_only' ? (
            'Personens egen bedömning av faran är hittills den enda bedömningen. Komplettera med en strukturerad riskbedömning.'
          ) : (
            <VStack gap="space-8" align="start">
              <BodyShort>Hög risk men ingen säkerhetsplan – gör en säkerhetsplan.</BodyShort>
              {withoutPlan.map((person) => (
                <Button
                  key={person.id}
                  size="small"
                  variant="secondary"
                  onClick={() => {
                    onPlan(person.id);
                  }}
                >
                  Gör en säkerhetsplan för {personName(person)}
                </Button>
              ))}
            </VStack>
          )}
        </Alert>
      ))}
    </div>
  );
}

function CurrentLevels({ risk, onPlan }: { risk: CaseRisk; onPlan: (personId: string) => void }) {
  return (
    <section aria-labelledby="risk-nu-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="risk-nu-rubrik">
          Risknivå nu
        </Heading>
        <div className="table-scroll">
          <Table size="small" aria-labelledby="risk-nu-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                <Table.HeaderCell scope="col">Risknivå</Table.HeaderCell>
                <Table.HeaderCell scope="col">Säkerhetsplan</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {risk.persons.map((person) => (
                <Table.Row key={person.id}>
                  <Table.DataCell>{personName(person)}</Table.DataCell>
                  <Table.DataCell>
                    <RiskLevelTag level={person.currentLevel} />
                  </Table.DataCell>
                  <Table.DataCell>
                    <HStack gap="space-8" align="center">
                      <BodyShort size="small">
                        {person.hasSafetyPlan ? 'Finns' : 'Saknas'}
                      </BodyShort>
                      <Button
                        size="xsmall"
                        variant="tertiary"
                        onClick={() => {
                          onPlan(person.id);
                        }}
                      >
                        Säkerhetsplan
                        <span className="visually-hidden"> för {personName(person)}</span>
                      </Button>
                    </HStack>
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </VStack>
    </section>
  );
}

function AcuteScreening({ screening }: { screening: CaseRisk['acuteScreening'] }) {
  return (
    <section aria-labelledby="akut-rubrik">
      <VStack gap="space-8">
        <Heading level="3" size="medium" id="akut-rubrik">
          Akut skyddsbehov vid aktualiseringen
        </Heading>
        {screening ? (
          <dl className="facts">
            <dt>Bedömning</dt>
            <dd>{acuteNeedLabels[screening.acuteNeed]}</dd>
            <dt>Motivering</dt>
            <dd className="preserve-lines">{screening.motivation}</dd>
          </dl>
        ) : (
          <BodyShort textColor="subtle">Inte bedömt vid aktualiseringen.</BodyShort>
        )}
      </VStack>
    </section>
  );
}

const byDate = (a: { assessedOn: string; recordedAt: string }, b: typeof a) =>
  a.assessedOn.localeCompare(b.assessedOn) || a.recordedAt.localeCompare(b.recordedAt);

function LevelsOverTime({ risk }: { risk: CaseRisk }) {
  const rated = risk.assessments
    .filter((a) => a.level !== null)
    .sort(byDate)
    .map((a) => ({
      id: a.id,
      person: personName(a.person),
      on: a.assessedOn,
      level: a.level ?? 'low',
    }));
  return (
    <section aria-labelledby="risk-over-tid-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="risk-over-tid-rubrik">
          Risknivå över tid
        </Heading>
        {rated.length === 0 ? (
          <BodyShort textColor="subtle">Ingen bedömning med risknivå ännu.</BodyShort>
        ) : (
          <>
            <BodyShort size="small">
              Diagrammet visar risknivån vid varje bedömning, en linje per person. Tabellen under
              visar samma uppgifter.
            </BodyShort>
            <Suspense fallback={<Loading label="Ritar diagrammet…" />}>
              <RiskChart points={rated} />
            </Suspense>
            <div className="table-scroll">
              <Table size="small" aria-label="Risknivå över tid">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Person</Table.HeaderCell>
                    <Table.HeaderCell scope="col">Risknivå</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {rated.map((point) => (
                    <Table.Row key={point.id}>
                      <Table.DataCell>{point.on}</Table.DataCell>
                      <Table.DataCell>{point.person}</Table.DataCell>
                      <Table.DataCell>{riskLevelLabels[point.level]}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </>
        )}
      </VStack>
    </section>
  );
}

function Assessments({ risk }: { risk: CaseRisk }) {
  const items = [...risk.assessments].sort(byDate).reverse();
  return (
    <section aria-labelledby="bedomningar-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="bedomningar-rubrik">
          Bedömningar
        </Heading>
        {items.length === 0 ? (
          <BodyShort textColor="subtle">Ingen riskbedömning är gjord i ärendet.</BodyShort>
        ) : (
          <ol className="version-list" aria-labelledby="bedomningar-rubrik">
            {items.map((a) => (
              <li key={a.id}>
                <VStack gap="space-8">
                  <HStack gap="space-8" align="center" wrap>
                    <BodyShort weight="semibold">
                      {a.assessedOn} · {personName(a.person)} ·{' '}
                      {a.instrument
                        ? `${a.instrument.name}, version ${a.instrument.version}`
                        : (methodLabels[a.method] ?? a.method)}
                    </BodyShort>
                    {a.instrument?.example ? (
                      <Tag variant="outline" data-color="neutral" size="small">
                        Exempel
                      </Tag>
                    ) : null}
                    <RiskLevelTag level={a.level} />
                  </HStack>
                  <dl className="facts">
                    {a.score !== null ? (
                      <>
                        <dt>Poäng</dt>
                        <dd>{a.score}</dd>
                      </>
                    ) : null}
                    {a.scenarioRatings?.map((s) => (
                      <div key={s.scenario} className="contents">
                        <dt>{s.title}</dt>
                        <dd>
                          {riskLevelLabels[s.level]}: {s.motivation}
                        </dd>
                      </div>
                    ))}
                    {a.policeReference ? (
                      <>
                        <dt>Polisens diarienummer</dt>
                        <dd>{a.policeReference}</dd>
                        <dt>Samtycke</dt>
                        <dd>{a.consentReference}</dd>
                      </>
                    ) : null}
                    <dt>Motivering</dt>
                    <dd className="preserve-lines">{a.motivation}</dd>
                    <dt>Bedömd av</dt>
                    <dd>{a.recordedBy.displayName}</dd>
                  </dl>
                </VStack>
              </li>
            ))}
          </ol>
        )}
      </VStack>
    </section>
  );
}

function Incidents({ risk }: { risk: CaseRisk }) {
  return (
    <section aria-labelledby="handelser-rubrik">
      <VStack gap="space-12">
        <Heading level="3" size="medium" id="handelser-rubrik">
          Händelser
        </Heading>
        {risk.incidents.length === 0 ? (
          <BodyShort textColor="subtle">Inga händelser är registrerade.</BodyShort>
        ) : (
          <ul className="plain-list">
            {risk.incidents.map((i) => (
              <li key={i.id}>
                <BodyLong>
                  <strong>{i.occurredOn}</strong> · {i.description} · {i.recordedBy.displayName}
                </BodyLong>
              </li>
            ))}
          </ul>
        )}
      </VStack>
    </section>
  );
}
