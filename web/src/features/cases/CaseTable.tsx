import type { ReactNode } from 'react';
import { Table } from '@navikt/ds-react';
import type { CaseListItem } from '../../../../core/contracts/cases.ts';
import { targetGroupLabels } from '../../app/labels.ts';
import { formatDate } from '../../components/format.ts';
import { PersonCell } from '../../components/PersonCell.tsx';

/** Cases as rows: person, unit, target group, opened; optionally an action per row. */
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
    <Table size="medium" aria-labelledby={labelledBy}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col">Person</Table.HeaderCell>
          <Table.HeaderCell scope="col">Enhet</Table.HeaderCell>
          <Table.HeaderCell scope="col">Målgrupp</Table.HeaderCell>
          <Table.HeaderCell scope="col">Öppnat</Table.HeaderCell>
          {action ? <Table.HeaderCell scope="col">{action.header}</Table.HeaderCell> : null}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((item) => (
          <Table.Row key={item.id}>
            <Table.DataCell>
              <PersonCell person={item.person} />
            </Table.DataCell>
            <Table.DataCell>{item.unitName}</Table.DataCell>
            <Table.DataCell>{targetGroupLabels[item.targetGroup]}</Table.DataCell>
            <Table.DataCell>{formatDate(item.openedAt)}</Table.DataCell>
            {action ? <Table.DataCell>{action.render(item)}</Table.DataCell> : null}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
