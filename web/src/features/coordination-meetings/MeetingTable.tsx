import { Link, Table, Tag } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import type { MeetingSummary } from '../../../../core/contracts/coordination-meetings.ts';
import { formatDate } from '../../components/format.ts';
import { meetingStatusLabels } from './meetings.ts';

export function MeetingStatusTag({ status }: { status: MeetingSummary['status'] }) {
  return (
    <Tag variant={status === 'held' ? 'success' : 'info'} size="small">
      {meetingStatusLabels[status]}
    </Tag>
  );
}

/** Samråd as a list shows them: when, what for, who called it, how it stands. */
export function MeetingTable({
  meetings,
  label,
}: {
  meetings: readonly MeetingSummary[];
  label: string;
}) {
  return (
    <div className="table-scroll">
      <Table size="small" aria-label={label}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">Datum</Table.HeaderCell>
            <Table.HeaderCell scope="col">Syfte</Table.HeaderCell>
            <Table.HeaderCell scope="col">Kallat av</Table.HeaderCell>
            <Table.HeaderCell scope="col">Status</Table.HeaderCell>
            <Table.HeaderCell scope="col">Uppföljning</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {meetings.map((m) => (
            <Table.Row key={m.id}>
              <Table.DataCell>
                <Link as={RouterLink} to={`/samrad/${m.id}`}>
                  Samråd {formatDate(m.heldOn ?? m.plannedOn)}
                </Link>
              </Table.DataCell>
              <Table.DataCell className="preserve-lines">{m.purpose}</Table.DataCell>
              <Table.DataCell>
                {m.holder.displayName}, {m.unitName}
              </Table.DataCell>
              <Table.DataCell>
                <MeetingStatusTag status={m.status} />
              </Table.DataCell>
              <Table.DataCell>{m.followUpOn ? formatDate(m.followUpOn) : '–'}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
