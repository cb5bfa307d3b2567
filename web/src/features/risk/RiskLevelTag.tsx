import { Tag } from '@navikt/ds-react';
import {
  CheckmarkCircleIcon,
  ExclamationmarkTriangleFillIcon,
  ExclamationmarkTriangleIcon,
} from '@navikt/aksel-icons';
import type { RiskLevel } from '../../../../core/domain/instruments.ts';
import { riskLevelLabels } from '../../../../core/domain/instruments.ts';

const colors: Record<RiskLevel, 'success' | 'warning' | 'danger'> = {
  low: 'success',
  medium: 'warning',
  high: 'danger',
};

/** A risk level said in words and with an icon, never by colour alone. */
export function RiskLevelTag({ level }: { level: RiskLevel | null }) {
  if (level === null) return <>Inte bedömd</>;
  const Icon =
    level === 'high'
      ? ExclamationmarkTriangleFillIcon
      : level === 'medium'
        ? ExclamationmarkTriangleIcon
        : CheckmarkCircleIcon;
  return (
    <Tag
      variant={level === 'high' ? 'strong' : 'moderate'}
      data-color={colors[level]}
      size="small"
      icon={<Icon aria-hidden />}
    >
      {riskLevelLabels[level]}
    </Tag>
  );
}
