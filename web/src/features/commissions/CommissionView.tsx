import {
  Alert,
  BodyLong,
  BodyShort,
  Detail,
  Heading,
  ReadMore,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import type { Commission, PlanVersion } from '../../../../core/contracts/commissions.ts';
import {
  childrenText,
  interventionName,
  commissionStatusLabels,
  consentCategoryLabels,
} from '../../../../core/domain/commissions.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';

export { interventionName };

export const periodText = (p: { from: string; to: string | null }) =>
  p.to ? `${formatDate(p.from)} – ${formatDate(p.to)}` : `från ${formatDate(p.from)}`;

const statusVariant = {
  sent: 'warning',
  accepted: 'success',
  declined: 'error',
  ended: 'neutral',
} as const;

export function CommissionStatusTag({ status }: { status: Commission['status'] }) {
  return (
    <Tag variant={statusVariant[status]} size="small">
      {commissionStatusLabels[status]}
    </Tag>
  );
}

const eventLabels: Record<Commission['events'][number]['type'], string> = {
  sent: 'Uppdraget skickades',
  accepted: 'Uppdraget accepterades',
  declined: 'Uppdraget avböjdes',
  ended: 'Uppdraget avslutades',
  plan_version: 'Ny version av genomförandeplanen',
  note: 'Anteckning',
  report: 'Återrapport',
};

/**
 * One uppdrag as it was sent — what, why, the period, what it shares about the person and on
 * which ground (consent or legal basis; nothing of it once the consent is revoked or has run
 * out), and the notice for a protected person — and the work on it: the genomförandeplan (the version in
 * force, earlier ones kept), notes, återrapporter and every step, who and when. Both sides see
 * the same; `headingLevel` places it in the page it is in.
 */
export function CommissionView({
  commission: c,
  headingLevel,
}: {
  commission: Commission;
  headingLevel: '2' | '3';
}) {
  const sub = headingLevel === '2' ? '3' : '4';
  return (
    <VStack gap="space-16">
      {c.protectionNotice ? (
        <Alert variant="warning">
          <Heading level={sub} size="xsmall" spacing>
            Skyddade personuppgifter
          </Heading>
          {c.protectionNotice}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>Insats</dt>
        <dd>{interventionName(c.intervention)}</dd>
        <dt>Period</dt>
        <dd>{periodText(c.period)}</dd>
        <dt>Utförare</dt>
        <dd>{c.provider.name}</dd>
        <dt>Skickat</dt>
        <dd>
          {formatDateTime(c.sentAt)} av {c.sentBy.displayName}
        </dd>
        <dt>Kontakt hos socialtjänsten</dt>
        <dd>{c.contact}</dd>
      </dl>
      <div>
        <Heading level={sub} size="small" spacing>
          Vad uppdraget gäller
        </Heading>
        <BodyLong className="preserve-lines">{c.what}</BodyLong>
      </div>
      <div>
        <Heading level={sub} size="small" spacing>
          Varför
        </Heading>
        <BodyLong className="preserve-lines">{c.why}</BodyLong>
      </div>
      <div>
        <Heading level={sub} size="small" spacing>
          Uppgifter om personen
        </Heading>
        <VStack gap="space-8">
          {c.withheld !== null ? (
            // The consent it shared on is revoked or has run out: nothing of it is shown.
            <Alert variant="warning" size="small">
              {c.withheld}
            </Alert>
          ) : (
            <>
              <BodyShort>
                {c.categories.length === 0
                  ? 'Uppdraget lämnar inte ut några personuppgifter.'
                  : `Uppdraget lämnar ut: ${c.categories.map((k) => consentCategoryLabels[k].toLowerCase()).join(', ')}.`}
              </BodyShort>
              <SharedFacts shared={c.shared} />
            </>
          )}
          <BodyShort>{c.ground.text}</BodyShort>
        </VStack>
      </div>
      <PlanSection plan={c.plan} level={sub} />
      <EntryList commission={c} level={sub} />
      <ReadMore header="Historik">
        <ol className="plain-list">
          {c.events.map((e) => (
            <li key={e.seq}>
              <BodyShort size="small">
                {formatDateTime(e.recordedAt)}: {eventLabels[e.type]} – {e.recordedBy.displayName}
                {e.reason ? `. ${e.reason}` : ''}
              </BodyShort>
            </li>
          ))}
        </ol>
      </ReadMore>
    </VStack>
  );
}

/** What the uppdrag shares about the person, as it was when sent. */
function SharedFacts({ shared }: { shared: Commission['shared'] }) {
  return (
    <dl className="facts">
      {shared.name !== null ? (
        <>
          <dt>Namn</dt>
          <dd>{shared.name}</dd>
        </>
      ) : null}
      {shared.personalIdentityNumber !== null ? (
        <>
          <dt>Personnummer</dt>
          <dd>{shared.personalIdentityNumber}</dd>
        </>
      ) : null}
      {shared.phone !== null ? (
        <>
          <dt>Telefon</dt>
          <dd>{shared.phone}</dd>
        </>
      ) : null}
      {shared.language !== null ? (
        <>
          <dt>Språk och tolkbehov</dt>
          <dd>{shared.language}</dd>
        </>
      ) : null}
      {shared.children !== null ? (
        <>
          <dt>Medföljande barn</dt>
          <dd>{childrenText(shared.children)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function PlanText({ plan }: { plan: PlanVersion }) {
  return (
    <dl className="facts">
      <dt>Mål</dt>
      <dd className="preserve-lines">{plan.goals}</dd>
      <dt>Vad som görs</dt>
      <dd className="preserve-lines">{plan.actions}</dd>
      <dt>Hur och när</dt>
      <dd className="preserve-lines">{plan.schedule}</dd>
      <dt>Så har personen deltagit</dt>
      <dd className="preserve-lines">{plan.participation}</dd>
    </dl>
  );
}

function PlanSection({ plan, level }: { plan: readonly PlanVersion[]; level: '3' | '4' }) {
  const [current, ...earlier] = plan;
  return (
    <section>
      <Heading level={level} size="small" spacing>
        Genomförandeplan
      </Heading>
      {current ? (
        <VStack gap="space-8">
          <Detail>
            Version {current.version}, {formatDateTime(current.recordedAt)} av{' '}
            {current.recordedBy.displayName}
          </Detail>
          <PlanText plan={current} />
          {earlier.length > 0 ? (
            <ReadMore header={`Tidigare versioner (${earlier.length})`}>
              <VStack gap="space-12">
                {earlier.map((p) => (
                  <div key={p.version}>
                    <Detail>
                      Version {p.version}, {formatDateTime(p.recordedAt)} av{' '}
                      {p.recordedBy.displayName}
                    </Detail>
                    <PlanText plan={p} />
                  </div>
                ))}
              </VStack>
            </ReadMore>
          ) : null}
        </VStack>
      ) : (
        <BodyShort textColor="subtle">Ingen genomförandeplan är skriven ännu.</BodyShort>
      )}
    </section>
  );
}

function EntryList({ commission, level }: { commission: Commission; level: '3' | '4' }) {
  const headingId = `anteckningar-${commission.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={level} size="small" spacing id={headingId}>
        Anteckningar och återrapporter
      </Heading>
      {commission.entries.length === 0 ? (
        <BodyShort textColor="subtle">Inga anteckningar ännu.</BodyShort>
      ) : (
        <div className="table-scroll">
          <Table size="small" aria-labelledby={headingId}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
                <Table.HeaderCell scope="col">Slag</Table.HeaderCell>
                <Table.HeaderCell scope="col">Vem</Table.HeaderCell>
                <Table.HeaderCell scope="col">Text</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {commission.entries.map((e) => (
                <Table.Row key={e.id}>
                  <Table.DataCell>{formatDate(e.occurredOn)}</Table.DataCell>
                  <Table.DataCell>
                    {e.kind === 'report' ? 'Återrapport' : 'Anteckning'}
                  </Table.DataCell>
                  <Table.DataCell>{e.recordedBy.displayName}</Table.DataCell>
                  <Table.DataCell className="preserve-lines">{e.text}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
