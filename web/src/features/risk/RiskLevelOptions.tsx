import { Radio } from '@navikt/ds-react';
import { riskLevelLabels, riskLevels } from '../../../../core/domain/instruments.ts';

/** The radios of a risk level, lowest first, inside the form's own RadioGroup. */
export function RiskLevelOptions() {
  return riskLevels.map((level) => (
    <Radio key={level} value={level}>
      {riskLevelLabels[level]}
    </Radio>
  ));
}
