import { useEffect, useRef, useState } from 'react';
import {
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Modal,
  Radio,
  RadioGroup,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setProtectionLevel } from '../../../../core/contracts/persons.ts';
import type { PersonFile } from '../../../../core/contracts/persons.ts';
import {
  isProtected,
  lowersProtection,
  protectionLevels,
} from '../../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../../core/domain/protection.ts';
import { protectionLabels } from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { call } from '../../api/client.ts';
import { personName } from '../../components/PersonCell.tsx';

const formId = 'skyddsniva';

/**
 * Change skyddade personuppgifter. Raising is offered to every handläggare working with the
 * person; lowering only to the assigned one, and only after a plain-words confirmation, because
 * more people will then see where the person is and how to reach her.
 */
export function ProtectionLevelSection({ file }: { file: PersonFile }) {
  const queryClient = useQueryClient();
  const current = file.protectionLevel;
  const options = protectionLevels.filter(
    (level) => file.abilities.lowerProtection || !lowersProtection(current, level),
  );
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<ProtectionLevel>(current);
  const [problem, setProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const selected = options.includes(choice) ? choice : current;

  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing) {
      groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    } else if (returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [editing]);

  const save = useMutation({
    mutationFn: (level: ProtectionLevel) =>
      call(setProtectionLevel, {
        params: { personId: file.id },
        body: { protectionLevel: level, version: file.version },
      }),
    onSuccess: (result) => {
      returnFocus.current = true;
      setEditing(false);
      setSaved(
        `Skyddade personuppgifter är ändrade till: ${protectionLabels[result.protectionLevel]}.`,
      );
    },
    onSettled: () => {
      setConfirming(false);
      // Saved, or changed by someone else first (409): either way, show the file as it is now.
      void queryClient.invalidateQueries({ queryKey: ['person', file.id], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });

  const close = () => {
    returnFocus.current = true;
    setEditing(false);
    setProblem(undefined);
    save.reset();
  };

  const onlyCurrent = options.length === 1;

  return (
    <section aria-labelledby="skyddsniva-rubrik">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="medium" id="skyddsniva-rubrik">
          Skyddade personuppgifter
        </Heading>
        <BodyShort>
          Nu: <strong>{protectionLabels[current]}</strong>
        </BodyShort>
        <div role="status">{saved}</div>
        {onlyCurrent ? (
          <BodyLong size="small">
            Skyddet kan inte bli starkare. Bara den handläggare som har ärendet för personen kan
            sänka det.
          </BodyLong>
        ) : !editing ? (
          <Button
            ref={toggleRef}
            variant="secondary"
            size="small"
            aria-expanded={false}
            onClick={() => {
              setChoice(current);
              setSaved(null);
              setEditing(true);
            }}
          >
            Ändra skyddade personuppgifter
          </Button>
        ) : (
          <form
            noValidate
            aria-label="Ändra skyddade personuppgifter"
            onSubmit={(event) => {
              event.preventDefault();
              if (selected === current) {
                setProblem('Välj en annan nivå än den som gäller nu.');
                return;
              }
              setProblem(undefined);
              if (lowersProtection(current, selected)) setConfirming(true);
              else save.mutate(selected);
            }}
          >
            <VStack gap="space-16" align="start">
              <ApiErrorAlert error={save.error} />
              <RadioGroup
                ref={groupRef}
                id={`${formId}-protectionLevel`}
                legend="Vilket skydd har personen?"
                description={
                  file.abilities.lowerProtection
                    ? 'Ändra när Skatteverket eller Polismyndigheten har fattat ett nytt beslut.'
                    : 'Du kan göra skyddet starkare. Bara den handläggare som har ärendet kan sänka det.'
                }
                value={selected}
                onChange={(value: ProtectionLevel) => {
                  setChoice(value);
                  setProblem(undefined);
                }}
                error={problem}
              >
                {options.map((level) => (
                  <Radio key={level} value={level}>
                    {level === current
                      ? `${protectionLabels[level]} (gäller nu)`
                      : protectionLabels[level]}
                  </Radio>
                ))}
              </RadioGroup>
              <HStack gap="space-12">
                <Button type="submit" size="small" loading={save.isPending && !confirming}>
                  Spara skyddet
                </Button>
                <Button type="button" size="small" variant="tertiary" onClick={close}>
                  Avbryt
                </Button>
              </HStack>
            </VStack>
          </form>
        )}
      </VStack>
      <Modal
        open={confirming}
        onClose={() => {
          setConfirming(false);
        }}
        header={{ heading: 'Vill du sänka skyddet?', closeButton: false }}
        width="medium"
      >
        <Modal.Body>
          <BodyLong spacing>
            Du ändrar skyddet för {personName(file)} från{' '}
            <strong>{protectionLabels[current]}</strong> till{' '}
            <strong>{protectionLabels[selected]}</strong>.
          </BodyLong>
          <BodyLong spacing>
            {isProtected(selected)
              ? 'Personen får ett svagare skydd än i dag. Uppgifterna kan lättare lämnas ut av misstag.'
              : 'Fler medarbetare kommer att kunna se kontaktuppgifterna, vistelseorten och skolan: alla som kan öppna personakten, också enhetschefen, enhetens inkorg och den som använder nödåtkomst.'}
          </BodyLong>
          <BodyLong>Sänk bara skyddet när beslutet om skyddet har ändrats.</BodyLong>
        </Modal.Body>
        <Modal.Footer>
          <Button
            type="button"
            variant="danger"
            loading={save.isPending}
            onClick={() => {
              save.mutate(selected);
            }}
          >
            Ja, sänk skyddet
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Nej, behåll skyddet
          </Button>
        </Modal.Footer>
      </Modal>
    </section>
  );
}
