import { useEffect, useRef, useState } from 'react';
import {
  BodyLong,
  Button,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { AcuteNeed, recordAcuteScreening } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import { call } from '../../../api/client.ts';
import { fieldId, messageFor, validateBody, withOwnErrors } from '../../../api/forms.ts';
import { acuteNeedLabels } from '../../../app/labels.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useFormMutation } from '../../../components/useFormMutation.ts';
import { AcuteNotice } from '../AcuteNotice.tsx';
import { useRefreshCase } from '../useCase.ts';

const formId = 'ny-skyddsbedomning';
type Body = BodyOf<typeof recordAcuteScreening>;

/** A new screening of acute need: the situation changes, and so may the need of protection. */
export function AcuteScreeningStep({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (message: string) => void;
}) {
  const refresh = useRefreshCase(detail.id);
  const [open, setOpen] = useState(false);
  const [acuteNeed, setAcuteNeed] = useState<Body['acuteNeed'] | ''>('');
  const [motivation, setMotivation] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);
  const save = useFormMutation(recordAcuteScreening.body, {
    mutationFn: (body: Body) => call(recordAcuteScreening, { params: { caseId: detail.id }, body }),
    onSuccess: (_result, body) => {
      onDone(`Ny bedömning av akut skyddsbehov registrerad: ${acuteNeedLabels[body.acuteNeed]}.`);
      returnFocus.current = true;
      setOpen(false);
      refresh('detail');
    },
  });

  return (
    <section aria-labelledby="skyddsbedomning-rubrik">
      <VStack gap="space-16" align="start">
        <Heading level="2" size="medium" id="skyddsbedomning-rubrik" ref={headingRef} tabIndex={-1}>
          Bedömning av akut skyddsbehov
        </Heading>
        {!open ? (
          <>
            <BodyLong>
              Gör en ny bedömning när situationen ändras. Den senaste bedömningen visas överst på
              sidan.
            </BodyLong>
            <Button
              ref={toggleRef}
              variant="secondary"
              aria-expanded={false}
              onClick={() => {
                setAcuteNeed('');
                setMotivation('');
                save.reset();
                setOpen(true);
              }}
            >
              Gör en ny bedömning
            </Button>
          </>
        ) : (
          <form
            noValidate
            aria-labelledby="skyddsbedomning-rubrik"
            className="full-width"
            onSubmit={(event) => {
              event.preventDefault();
              const body = { acuteNeed, motivation, version: detail.version } as Body;
              const own =
                acuteNeed === ''
                  ? [
                      {
                        path: 'body.acuteNeed',
                        message: 'Svara på om det finns ett akut skyddsbehov.',
                      },
                    ]
                  : [];
              save.submit(body, withOwnErrors(validateBody(recordAcuteScreening.body, body), own));
            }}
          >
            <VStack gap="space-16">
              <FormErrorSummary formId={formId} errors={save.fieldErrors} />
              <ChangeErrorAlert
                error={save.generalError}
                onReload={() => {
                  save.reset();
                  refresh('detail');
                }}
              />
              <RadioGroup
                id={fieldId(formId, 'body.acuteNeed')}
                legend="Finns det ett akut behov av skydd nu?"
                value={acuteNeed}
                onChange={(value: Body['acuteNeed']) => {
                  setAcuteNeed(value);
                }}
                error={messageFor(save.fieldErrors, 'body.acuteNeed')}
              >
                {AcuteNeed.options.map((a) => (
                  <Radio key={a} value={a}>
                    {acuteNeedLabels[a]}
                  </Radio>
                ))}
              </RadioGroup>
              {acuteNeed === 'yes' ? <AcuteNotice /> : null}
              <Textarea
                id={fieldId(formId, 'body.motivation')}
                label="Motivering"
                minRows={2}
                maxLength={5_000}
                value={motivation}
                onChange={(e) => {
                  setMotivation(e.target.value);
                }}
                error={messageFor(save.fieldErrors, 'body.motivation')}
              />
              <HStack gap="space-12">
                <Button type="submit" loading={save.mutation.isPending}>
                  Spara bedömningen
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  onClick={() => {
                    returnFocus.current = true;
                    setOpen(false);
                  }}
                >
                  Avbryt
                </Button>
              </HStack>
            </VStack>
          </form>
        )}
      </VStack>
    </section>
  );
}
