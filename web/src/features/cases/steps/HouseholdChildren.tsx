import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HGrid,
  HStack,
  Select,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQuery } from '@tanstack/react-query';
import {
  listChildrenUnits,
  registerChildReport,
  registerHouseholdChild,
  waiveChildReport,
} from '../../../../../core/contracts/cases.ts';
import type { CaseDetail, ChildReportDutyView } from '../../../../../core/contracts/cases.ts';
import type { BodyOf } from '../../../../../core/contracts/contract.ts';
import type { FieldError } from '../../../../../core/contracts/errors.ts';
import type { IdentityKind } from '../../../../../core/domain/personal-identity.ts';
import { parseIdentityNumber } from '../../../../../core/domain/personal-identity.ts';
import { protectionLevels } from '../../../../../core/domain/protection.ts';
import type { ProtectionLevel } from '../../../../../core/domain/protection.ts';
import { call } from '../../../api/client.ts';
import { fieldId, messageFor, validateBody, withOwnErrors } from '../../../api/forms.ts';
import {
  childDutyStatusLabels,
  childDutyViaLabels,
  protectionLabels,
} from '../../../app/labels.ts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { stockholmToday } from '../../../components/dates.ts';
import { FormErrorSummary } from '../../../components/FormErrorSummary.tsx';
import { PersonCell, personName } from '../../../components/PersonCell.tsx';
import { useFormMutation } from '../../../components/useFormMutation.ts';
import { IdentityFields } from '../../persons/IdentityFields.tsx';
import { useRefreshCase } from '../useCase.ts';

type Action = { kind: 'report' | 'waive'; duty: ChildReportDutyView } | { kind: 'add' };

/**
 * Children in the household and the duty to report concern for each (14 kap. 1 § SoL): an
 * orosanmälan to the children's unit, whatever the adult wants, or the recorded reason it is
 * not made. The case does not move on silently while a child's duty is open.
 */
export function HouseholdChildren({
  detail,
  canWork,
  onDone,
}: {
  detail: CaseDetail;
  canWork: boolean;
  onDone: (message: string) => void;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const duties = detail.childReportDuties;
  const openDuties = duties.filter((d) => d.status === 'open');
  const addRef = useRef<HTMLButtonElement>(null);
  const rowButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (action !== null || returnTo.current === null) return;
    const target =
      returnTo.current === 'add' ? addRef.current : rowButtons.current.get(returnTo.current);
    returnTo.current = null;
    (target ?? addRef.current)?.focus();
  }, [action]);
  const close = (message?: string) => {
    returnTo.current = action?.kind === 'add' || !action ? 'add' : action.duty.child.id;
    setAction(null);
    if (message) onDone(message);
  };

  return (
    <section aria-labelledby="barn-rubrik">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="barn-rubrik">
          Barn i hushållet
        </Heading>
        <BodyLong>
          Lever personen med barn, egna eller en partners, ska en orosanmälan göras till barn och
          unga ({detail.legal.childConcernReport}) när det finns kännedom eller misstanke om att ett
          barn far illa. Att ha upplevt våld mellan vuxna räknas. Anmälan görs oavsett vad den vuxna
          vill.
        </BodyLong>
        {openDuties.length > 0 && detail.status === 'open' ? (
          <Alert variant="warning" size="small">
            {openDuties.length === 1
              ? 'Orosanmälan saknas för ett barn.'
              : `Orosanmälan saknas för ${openDuties.length} barn.`}{' '}
            Förhandsbedömningen kan inte avslutas förrän varje barn har en orosanmälan eller ett
            angivet skäl till att den inte görs.
          </Alert>
        ) : null}
        {duties.length === 0 ? (
          <BodyShort>Inga barn är registrerade i hushållet.</BodyShort>
        ) : (
          <div className="table-scroll">
            <Table aria-labelledby="barn-rubrik">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">Barn</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Relation</Table.HeaderCell>
                  <Table.HeaderCell scope="col">Orosanmälan</Table.HeaderCell>
                  {canWork ? <Table.HeaderCell scope="col">Åtgärd</Table.HeaderCell> : null}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {duties.map((duty) => (
                  <Table.Row key={duty.child.id} shadeOnHover={false}>
                    <Table.DataCell>
                      <PersonCell person={duty.child} />
                    </Table.DataCell>
                    <Table.DataCell>{childDutyViaLabels[duty.via]}</Table.DataCell>
                    <Table.DataCell>
                      <DutyStatus duty={duty} />
                    </Table.DataCell>
                    {canWork ? (
                      <Table.DataCell>
                        {duty.status === 'open' ? (
                          <VStack gap="space-8" align="start">
                            <Button
                              size="small"
                              variant="primary"
                              ref={(el) => {
                                rowButtons.current.set(duty.child.id, el);
                              }}
                              aria-expanded={
                                action?.kind === 'report' && action.duty.child.id === duty.child.id
                              }
                              onClick={() => {
                                setAction({ kind: 'report', duty });
                              }}
                            >
                              Gör orosanmälan
                              <span className="visually-hidden"> för {personName(duty.child)}</span>
                            </Button>
                            <Button
                              size="small"
                              variant="secondary"
                              aria-expanded={
                                action?.kind === 'waive' && action.duty.child.id === duty.child.id
                              }
                              onClick={() => {
                                setAction({ kind: 'waive', duty });
                              }}
                            >
                              Ange skäl att inte anmäla
                              <span className="visually-hidden"> för {personName(duty.child)}</span>
                            </Button>
                          </VStack>
                        ) : (
                          <BodyShort size="small" textColor="subtle">
                            Klart
                          </BodyShort>
                        )}
                      </Table.DataCell>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        {action?.kind === 'report' ? (
          <ChildReportForm
            key={`r-${action.duty.child.id}`}
            detail={detail}
            duty={action.duty}
            onClose={close}
          />
        ) : null}
        {action?.kind === 'waive' ? (
          <WaiverForm
            key={`w-${action.duty.child.id}`}
            detail={detail}
            duty={action.duty}
            onClose={close}
          />
        ) : null}
        {canWork ? (
          action?.kind === 'add' ? (
            <AddChildForm detail={detail} onClose={close} />
          ) : (
            <div>
              <Button
                ref={addRef}
                variant="secondary"
                aria-expanded={false}
                onClick={() => {
                  setAction({ kind: 'add' });
                }}
              >
                Lägg till barn i hushållet
              </Button>
            </div>
          )
        ) : null}
      </VStack>
    </section>
  );
}

function DutyStatus({ duty }: { duty: ChildReportDutyView }) {
  if (duty.status === 'open') {
    return (
      <Tag variant="moderate" data-color="warning" size="small">
        {childDutyStatusLabels.open}
      </Tag>
    );
  }
  if (duty.status === 'reported') {
    return (
      <VStack gap="space-2" align="start">
        <Tag variant="moderate" data-color="success" size="small">
          {childDutyStatusLabels.reported}
        </Tag>
        {duty.reportedOn ? <BodyShort size="small">{duty.reportedOn}</BodyShort> : null}
      </VStack>
    );
  }
  return (
    <VStack gap="space-2" align="start">
      <Tag variant="moderate" data-color="neutral" size="small">
        {childDutyStatusLabels.waived}
      </Tag>
      {duty.waiverReason ? <BodyShort size="small">Skäl: {duty.waiverReason}</BodyShort> : null}
    </VStack>
  );
}

/** Focus the form's heading when it opens, so keyboard and screen reader users land in it. */
function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function ChildReportForm({
  detail,
  duty,
  onClose,
}: {
  detail: CaseDetail;
  duty: ChildReportDutyView;
  onClose: (message?: string) => void;
}) {
  const formId = 'orosanmalan';
  const name = personName(duty.child);
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const units = useQuery({
    queryKey: ['units', 'children'],
    queryFn: () => call(listChildrenUnits),
    staleTime: 5 * 60_000,
  });
  const [unitId, setUnitId] = useState('');
  const onlyUnit = units.data?.items.length === 1 ? units.data.items[0]?.id : undefined;
  const chosenUnit = unitId || onlyUnit || '';
  const [content, setContent] = useState('');
  const save = useFormMutation(registerChildReport.body, {
    mutationFn: (body: BodyOf<typeof registerChildReport>) =>
      call(registerChildReport, { params: { caseId: detail.id }, body }),
    onSuccess: () => {
      const unit = units.data?.items.find((u) => u.id === chosenUnit)?.name ?? 'barn och unga';
      onClose(`Orosanmälan för ${name} är registrerad och har skickats till ${unit}.`);
      refresh('detail');
    },
  });

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.submit({ childPersonId: duty.child.id, childrenUnitId: chosenUnit, content });
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Orosanmälan för {name}
        </Heading>
        <BodyLong>
          Anmälan blir en aktualisering i den valda enheten för barn och unga, med barnet som
          person. Där görs skyddsbedömningen samma dag.
        </BodyLong>
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError ?? units.error} />
        <Select
          className="field-narrow"
          id={fieldId(formId, 'body.childrenUnitId')}
          label="Till enhet"
          value={chosenUnit}
          onChange={(e) => {
            setUnitId(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.childrenUnitId')}
        >
          {onlyUnit ? null : <option value="">Välj enhet</option>}
          {units.data?.items.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Textarea
          id={fieldId(formId, 'body.content')}
          label="Oron för barnet"
          description="Vad har barnet varit med om, och vad vet du om barnets situation nu?"
          minRows={4}
          maxLength={20_000}
          value={content}
          onChange={(e) => {
            setContent(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.content')}
        />
        <HStack gap="space-12">
          <Button type="submit" loading={save.mutation.isPending}>
            Skicka orosanmälan
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              onClose();
            }}
          >
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function WaiverForm({
  detail,
  duty,
  onClose,
}: {
  detail: CaseDetail;
  duty: ChildReportDutyView;
  onClose: (message?: string) => void;
}) {
  const formId = 'ingen-orosanmalan';
  const name = personName(duty.child);
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const [reason, setReason] = useState('');
  const save = useFormMutation(waiveChildReport.body, {
    mutationFn: (body: BodyOf<typeof waiveChildReport>) =>
      call(waiveChildReport, { params: { caseId: detail.id }, body }),
    onSuccess: () => {
      onClose(`Skälet till att ingen orosanmälan görs för ${name} är registrerat.`);
      refresh('detail');
    },
  });

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.submit({ childPersonId: duty.child.id, reason });
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Ingen orosanmälan för {name}
        </Heading>
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError} />
        <Textarea
          id={fieldId(formId, 'body.reason')}
          label="Skäl till att orosanmälan inte görs"
          description="Till exempel att polisen redan har gjort en anmälan om barnet, och när."
          minRows={3}
          maxLength={5_000}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          error={messageFor(save.fieldErrors, 'body.reason')}
        />
        <HStack gap="space-12">
          <Button type="submit" loading={save.mutation.isPending}>
            Spara skälet
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              onClose();
            }}
          >
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

function AddChildForm({
  detail,
  onClose,
}: {
  detail: CaseDetail;
  onClose: (message?: string) => void;
}) {
  const formId = 'nytt-barn';
  const headingRef = useFocusOnOpen();
  const refresh = useRefreshCase(detail.id);
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [kind, setKind] = useState<IdentityKind>('personnummer');
  const [number, setNumber] = useState('');
  const [protection, setProtection] = useState<ProtectionLevel>(detail.person.protectionLevel);
  type Body = BodyOf<typeof registerHouseholdChild>;
  const save = useFormMutation(registerHouseholdChild.body, {
    mutationFn: (body: Body) =>
      call(registerHouseholdChild, { params: { caseId: detail.id }, body }),
    onSuccess: (result, body) => {
      onClose(
        result.outcome === 'linked'
          ? `${body.child.givenName} ${body.child.familyName} är registrerad i hushållet.`
          : 'Barnet har redan en personakt som du inte har tillgång till. Uppgiften om barnet har skickats till den enhet som ansvarar för akten.',
      );
      refresh('detail');
    },
  });
  const err = (path: string) => messageFor(save.fieldErrors, path);

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-rubrik`}
      className="step-form"
      onSubmit={(event) => {
        event.preventDefault();
        const body: Body = {
          child: {
            identity: number.trim() === '' ? null : { kind, number },
            givenName,
            familyName,
            protectionLevel: protection,
          },
        };
        const own: FieldError[] = [];
        if (number.trim() !== '') {
          const parsed = parseIdentityNumber(number, kind, stockholmToday());
          if (!parsed.ok) own.push({ path: 'body.child.identity.number', message: parsed.message });
        }
        save.submit(body, withOwnErrors(validateBody(registerHouseholdChild.body, body), own));
      }}
    >
      <VStack gap="space-16">
        <Heading level="3" size="small" id={`${formId}-rubrik`} ref={headingRef} tabIndex={-1}>
          Nytt barn i hushållet
        </Heading>
        <BodyShort>
          Barnet registreras som personens barn. Fyll i identitetsnummer om det är känt.
        </BodyShort>
        <FormErrorSummary formId={formId} errors={save.fieldErrors} />
        <ApiErrorAlert error={save.generalError} />
        <HGrid gap="space-16" columns={{ xs: 1, md: 2 }}>
          <TextField
            id={fieldId(formId, 'body.child.givenName')}
            label="Förnamn"
            autoComplete="off"
            value={givenName}
            onChange={(e) => {
              setGivenName(e.target.value);
            }}
            error={err('body.child.givenName')}
          />
          <TextField
            id={fieldId(formId, 'body.child.familyName')}
            label="Efternamn"
            autoComplete="off"
            value={familyName}
            onChange={(e) => {
              setFamilyName(e.target.value);
            }}
            error={err('body.child.familyName')}
          />
        </HGrid>
        <IdentityFields
          idPrefix={fieldId(formId, 'body.child.identity')}
          kind={kind}
          number={number}
          onKind={setKind}
          onNumber={setNumber}
          numberError={err('body.child.identity.number')}
        />
        <Select
          className="field-narrow"
          id={fieldId(formId, 'body.child.protectionLevel')}
          label="Skyddade personuppgifter"
          description="Barn till en person med skyddade personuppgifter har ofta samma skydd."
          value={protection}
          onChange={(e) => {
            setProtection(e.target.value as ProtectionLevel);
          }}
        >
          {protectionLevels.map((level) => (
            <option key={level} value={level}>
              {protectionLabels[level]}
            </option>
          ))}
        </Select>
        <HStack gap="space-12">
          <Button type="submit" loading={save.mutation.isPending}>
            Lägg till barnet
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() => {
              onClose();
            }}
          >
            Avbryt
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
