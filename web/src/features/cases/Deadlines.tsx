import { BodyShort, Tag } from '@navikt/ds-react';
import { CheckmarkCircleIcon, ClockIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import type { DeadlineView } from '../../../../core/contracts/cases.ts';
import {
  deadlineLabels,
  deadlineStatusLabels,
  interventionLabels,
  interventionPeriodStatusLabels,
} from '../../app/labels.ts';

const colours = { ok: 'success', due_soon: 'warning', overdue: 'danger' } as const;
const icons = {
  ok: CheckmarkCircleIcon,
  due_soon: ClockIcon,
  overdue: ExclamationmarkTriangleIcon,
} as const;

function deadlineText(deadline: DeadlineView) {
  if (deadline.kind === 'intervention_period' && deadline.intervention) {
    return `${interventionPeriodStatusLabels[deadline.status]}: ${interventionLabels[deadline.intervention]}${deadline.place ? ` (${deadline.place})` : ''} till och med ${deadline.dueOn}`;
  }
  // An uppföljning names the insats it follows up.
  const what =
    deadline.kind === 'follow_up' && deadline.intervention
      ? `Uppföljning av ${interventionLabels[deadline.intervention].toLowerCase()}`
      : deadlineLabels[deadline.kind];
  return `${deadlineStatusLabels[deadline.status]}: ${what}, senast ${deadline.dueOn}`;
}

/** One deadline: its state in words and an icon, with the colour only as support. */
export function DeadlineTag({ deadline }: { deadline: DeadlineView }) {
  const Icon = icons[deadline.status];
  return (
    <Tag
      variant="moderate"
      data-color={colours[deadline.status]}
      size="small"
      icon={<Icon aria-hidden />}
      className="deadline-tag"
    >
      {deadlineText(deadline)}
    </Tag>
  );
}

/** The deadlines still running, most urgent first, or a calm line when there are none. */
export function DeadlineList({ deadlines }: { deadlines: readonly DeadlineView[] }) {
  if (deadlines.length === 0) {
    return (
      <BodyShort size="small" textColor="subtle">
        Inga tidsfrister löper
      </BodyShort>
    );
  }
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => (
        <li key={`${d.kind}-${d.intervention ?? ''}-${d.dueOn}`}>
          <DeadlineTag deadline={d} />
        </li>
      ))}
    </ul>
  );
}
