import type { ReactNode } from 'react';
import {
  BodyLong,
  BodyShort,
  Detail,
  Heading,
  ReadMore,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import type { Plan, PlanVersion } from '../../../../core/contracts/coordinated-plans.ts';
import { informationCategoryLabels } from '../../../../core/domain/consents.ts';
import { goalFulfilmentLabels } from '../../../../core/domain/follow-ups.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';

type Level = '4' | '5';

/** Who a participant is in a sentence: "Vårdcentralen Centrum, Vera Vård". */
export const participantName = (p: PlanVersion['participants'][number]) =>
  p.recipient.name === p.name ? p.name : `${p.recipient.name}, ${p.name}`;

/**
 * One version of a plan as it was written: the insatser the person needs, who is responsible
 * for what and on which consent, what others do, who holds the overall responsibility, when it
 * is followed up, what it shares, and who wrote it when.
 */
export function PlanVersionView({
  version: v,
  idPrefix,
  level,
}: {
  version: PlanVersion;
  /** Unique on the page: the ids of the version's headings start with it. */
  idPrefix: string;
  level: Level;
}) {
  const tableHeadingId = `${idPrefix}-ansvar`;
  const overall = v.participants[v.overallResponsible];
  return (
    <VStack gap="space-16">
      <Detail>
        Version {v.version}, skriven {formatDateTime(v.recordedAt)} av {v.recordedBy.displayName}
      </Detail>
      <div>
        <Heading level={level} size="xsmall" spacing>
          Insatser som behövs
        </Heading>
        <BodyLong className="preserve-lines">{v.needs}</BodyLong>
      </div>
      <section aria-labelledby={tableHeadingId}>
        <Heading level={level} size="xsmall" spacing id={tableHeadingId}>
          Vem ansvarar för vad
        </Heading>
        <PlanTable
          labelledBy={tableHeadingId}
          columns={['Deltagare', 'Namn och roll', 'Ansvar', 'Samtycke']}
        >
          {v.participants.map((p, i) => (
            // A version never changes: a participant's place is who they are.
            <Table.Row key={i}>
              <Table.DataCell>{p.recipient.name}</Table.DataCell>
              <Table.DataCell>
                {p.name}, {p.role}
              </Table.DataCell>
              <Table.DataCell className="preserve-lines">{p.responsibility}</Table.DataCell>
              <Table.DataCell>
                {p.consent ? (
                  <>
                    {p.consent.text}{' '}
                    {p.consent.revoked ? (
                      <Tag variant="error" size="small">
                        Återkallat
                      </Tag>
                    ) : null}
                  </>
                ) : (
                  'Ärendets egen enhet'
                )}
              </Table.DataCell>
            </Table.Row>
          ))}
        </PlanTable>
      </section>
      <div>
        <Heading level={level} size="xsmall" spacing>
          Vad andra gör
        </Heading>
        {v.othersDo ? (
          <BodyLong className="preserve-lines">{v.othersDo}</BodyLong>
        ) : (
          <BodyShort textColor="subtle">Inget är skrivet.</BodyShort>
        )}
      </div>
      <dl className="facts">
        <dt>Övergripande ansvar</dt>
        <dd>{overall ? participantName(overall) : 'Ingen'}</dd>
        <dt>Uppföljning senast</dt>
        <dd>{formatDate(v.followUpOn)}</dd>
        <dt>Uppgifter som lämnas ut</dt>
        <dd>{v.categories.map((c) => informationCategoryLabels[c]).join(', ')}</dd>
      </dl>
    </VStack>
  );
}

/** The versions written before the current one, newest first, folded away. */
export function EarlierVersions({ plan }: { plan: Plan }) {
  if (plan.earlier.length === 0) return null;
  return (
    <ReadMore header={`Tidigare versioner (${String(plan.earlier.length)})`}>
      <VStack gap="space-24">
        {plan.earlier.map((v) => (
          <PlanVersionView
            key={v.version}
            version={v}
            idPrefix={`plan-${plan.id}-${String(v.version)}`}
            level="5"
          />
        ))}
      </VStack>
    </ReadMore>
  );
}

/** The plan's uppföljningar, newest first. */
export function PlanFollowUps({ plan, level }: { plan: Plan; level: Level }) {
  const headingId = `plan-${plan.id}-uppfoljningar`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={level} size="xsmall" spacing id={headingId}>
        Uppföljningar
      </Heading>
      {plan.followUps.length === 0 ? (
        <BodyShort textColor="subtle">Planen är inte uppföljd ännu.</BodyShort>
      ) : (
        <PlanTable
          labelledBy={headingId}
          columns={['Datum', 'Måluppfyllelse', 'Bedömning', 'Personens syn', 'Registrerad']}
        >
          {plan.followUps.map((f) => (
            <Table.Row key={f.id}>
              <Table.DataCell>{formatDate(f.followedUpOn)}</Table.DataCell>
              <Table.DataCell>{goalFulfilmentLabels[f.goalFulfilment]}</Table.DataCell>
              <Table.DataCell className="preserve-lines">{f.assessment}</Table.DataCell>
              <Table.DataCell className="preserve-lines">{f.personView}</Table.DataCell>
              <Table.DataCell>
                {formatDateTime(f.recordedAt)} av {f.recordedBy.displayName}
              </Table.DataCell>
            </Table.Row>
          ))}
        </PlanTable>
      )}
    </section>
  );
}

/** A small table of a plan, named by its heading, that scrolls sideways on a narrow screen. */
function PlanTable({
  labelledBy,
  columns,
  children,
}: {
  labelledBy: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <Table size="small" aria-labelledby={labelledBy}>
        <Table.Header>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c} scope="col">
                {c}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  );
}
