import type { ReactNode } from 'react';
import { BodyShort, Link, Table, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import type { CaseListItem } from '../../../../core/contracts/cases.ts';
import { phaseLabels, targetGroupLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';
import { PersonCell } from '../../components/PersonCell.tsx';
import { RiskLevelTag } from '../risk/RiskLevelTag.tsx';
import { DeadlineList } from './Deadlines.tsx';

/** Acute need of protection, said in words wherever a case is listed. */
export function AcuteTag({ acuteNeed }: { acuteNeed: CaseListItem['acuteNeed'] }) {
  if (acuteNeed !== 'yes') return null;
  return (
    <Tag variant="strong" data-color="danger" size="small">
      Akut skyddsbehov
    </Tag>
  );
}

/**
 * Cases as rows: person, the case (a link to it) with its phase, risk level, unit, opened, the deadlines
 * still running; optionally an action per row.
 */
export function CaseTable({
  items,
  labelledBy,
  action,
}: {
  items: readonly CaseListItem[];
  labelledBy: string;
  action?: { header: string; render: (item: CaseListItem) => ReactNode };
}) {
  return (
    <div className="table-scroll">
      <Table size="medium" aria-labelledby={labelledBy}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Person</Table.HeaderCell>
            <Table.HeaderCell scope="col">Ärende</Table.HeaderCell>
            <Table.HeaderCell scope="col">Risknivå</Table.HeaderCell>
            <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
            <Table.HeaderCell scope="col">Öppnat</Table.HeaderCell>
            <Table.HeaderCell scope="col">Tidsfrister</Table.HeaderCell>
            {action ? <Table.HeaderCell scope="col">{action.header}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.DataCell>
                <PersonCell person={item.person} />
              </Table.DataCell>
              <Table.DataCell>
                <VStack gap="space-2" align="start">
                  <Link as={RouterLink} to={`/arenden/${item.id}`}>
                    {targetGroupLabels[item.targetGroup]}
                  </Link>
                  <BodyShort size="small">Fas: {phaseLabels[item.phase]}</BodyShort>
                  <AcuteTag acuteNeed={item.acuteNeed} />
                  {item.handedOver ? (
                    <Tag variant="strong" data-color="warning" size="small">
                      Överlämnat från socialjouren {formatDate(item.handedOver.on)}
                    </Tag>
                  ) : null}
                  {item.routed ? (
                    <Tag variant="outline" data-color="info" size="small">
                      Skickad hit: personen har en akt här
                    </Tag>
                  ) : null}
                </VStack>
              </Table.DataCell>
              <Table.DataCell>
                <RiskLevelTag level={item.riskLevel} />
              </Table.DataCell>
              <Table.DataCell>{item.unitName}</Table.DataCell>
              <Table.DataCell>{formatDate(item.openedAt)}</Table.DataCell>
              <Table.DataCell>
                <DeadlineList deadlines={item.deadlines} />
              </Table.DataCell>
              {action ? <Table.DataCell>{action.render(item)}</Table.DataCell> : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
