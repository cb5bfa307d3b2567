import { Select } from '@navikt/ds-react';
import type { ChangeEvent } from 'react';
import type { CaseRisk } from '../../../../core/contracts/risk.ts';
import { personName } from '../../components/PersonCell.tsx';

/** Who an assessment is about: the case's person or a child of the household. */
export function PersonSelect({
  persons,
  ...field
}: {
  persons: CaseRisk['persons'];
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  error: string | undefined;
}) {
  return (
    <Select label="Person" {...field}>
      <option value="">Välj person</option>
      {persons.map((p) => (
        <option key={p.id} value={p.id}>
          {personName(p)}
        </option>
      ))}
    </Select>
  );
}

/** The one person preselected, when there is only one to choose. */
export const onlyPerson = (persons: CaseRisk['persons']) =>
  persons.length === 1 ? (persons[0]?.id ?? '') : '';
