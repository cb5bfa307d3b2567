import { Alert, BodyLong, Radio, RadioGroup, Textarea } from '@navikt/ds-react';
import { AcuteNeed } from '../../../../core/contracts/cases.ts';
import { acuteNeedLabels } from '../../app/labels.ts';
import type { ChoiceBinding, LongTextBinding } from '../../components/useContractForm.ts';

/** Said in words, not only in colour: the case goes first, and protection is offered now. */
export function AcuteNotice() {
  return (
    <Alert variant="warning" size="small">
      <BodyLong weight="semibold" spacing>
        Akut skyddsbehov: ärendet går först i kön.
      </BodyLong>
      <BodyLong>
        Ärendet hamnar först i enhetens inkorg. Erbjud akut skydd redan nu, till exempel skyddat
        boende, och gör en säkerhetsplanering med personen.
      </BodyLong>
    </Alert>
  );
}

/**
 * The screening of acute need, wherever a matter comes in (an intake, a case moved here, the
 * screening again): the choice, what an acute need asks for now, and the motivation.
 */
export function AcuteNeedFields({
  need,
  motivation,
  value,
  legend = 'Finns det ett akut behov av skydd nu?',
  description,
}: {
  need: ChoiceBinding;
  motivation: LongTextBinding;
  value: string;
  legend?: string;
  description?: string;
}) {
  return (
    <>
      <RadioGroup {...need} legend={legend} description={description}>
        {AcuteNeed.options.map((a) => (
          <Radio key={a} value={a}>
            {acuteNeedLabels[a]}
          </Radio>
        ))}
      </RadioGroup>
      {value === 'yes' ? <AcuteNotice /> : null}
      <Textarea {...motivation} label="Motivering" minRows={2} />
    </>
  );
}
