import { Tag } from '@navikt/ds-react';
import type { ProtectionLevel } from '../../../core/domain/protection.ts';
import { protectionLabels } from '../app/labels.ts';

/** Shown wherever a protected person appears; nothing for a person without protection. */
export function ProtectionTag({ level }: { level: ProtectionLevel }) {
  if (level === 'none') return null;
  return (
    <Tag variant="strong" data-color="danger" size="small">
      {protectionLabels[level]}
    </Tag>
  );
}
