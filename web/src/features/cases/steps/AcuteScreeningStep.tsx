import { useEffect, useRef, useState } from 'react';
import { BodyLong, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { recordAcuteScreening } from '../../../../../core/contracts/cases.ts';
import type { CaseDetail } from '../../../../../core/contracts/cases.ts';
import { call } from '../../../api/client.ts';
import { acuteNeedLabels } from '../../../app/labels.ts';
import { ChangeErrorAlert } from '../../../components/ChangeErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { AcuteNeedFields } from '../AcuteNotice.tsx';
import { useRefreshCase } from '../useCase.ts';

const formId = 'ny-skyddsbedomning';

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
  const save = useContractForm(recordAcuteScreening, {
    formId,
    initial: { acuteNeed: '', motivation: '' },
    unchosen: { acuteNeed: 'Svara på om det finns ett akut skyddsbehov.' },
    toBody: (v) => ({ ...v, version: detail.version }),
    send: (body) => call(recordAcuteScreening, { params: { caseId: detail.id }, body }),
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
                save.reset();
                setOpen(true);
              }}
            >
              Gör en ny bedömning
            </Button>
          </>
        ) : (
          <form {...save.formProps} aria-labelledby="skyddsbedomning-rubrik" className="full-width">
            <VStack gap="space-16">
              <FormErrorSummary {...save.summaryProps} />
              <ChangeErrorAlert
                error={save.generalError}
                onReload={() => {
                  save.reset();
                  refresh('detail');
                }}
              />
              <AcuteNeedFields
                need={save.choice('acuteNeed')}
                motivation={save.longText('motivation')}
                value={save.values.acuteNeed}
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
