import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  HStack,
  Heading,
  Link,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import type { CaseDetail, ChildReportDutyView } from '../../../../../core/contracts/cases.ts';
import { childDutyStatusLabels, childDutyViaLabels } from '../../../app/labels.ts';
import { PersonCell, personName } from '../../../components/PersonCell.tsx';
import { AddChildForm } from './AddChildForm.tsx';
import { ChildReportForm, JointChildReportForm, WaiverForm } from './ChildReportForms.tsx';
import { buildPath } from '../../../../../core/contracts/contract.ts';
import { childReportPdfPath } from '../../../../../core/contracts/cases.ts';
import { FilePdfIcon } from '@navikt/aksel-icons';

type Action =
  { kind: 'report' | 'waive'; duty: ChildReportDutyView } | { kind: 'add' } | { kind: 'joint' };

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
  // Siblings the reader sees by name can share one orosanmälan (one text, one intake each).
  const jointCandidates = openDuties.filter((d) => !('masked' in d.child));
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
    returnTo.current =
      !action || action.kind === 'add' || action.kind === 'joint' ? 'add' : action.duty.child.id;
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
                  <Table.HeaderCell scope="col">Ålder</Table.HeaderCell>
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
                    <Table.DataCell>{duty.age ?? 'Okänd'}</Table.DataCell>
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
                        ) : duty.reportCaseId ? (
                          <Link
                            href={buildPath(childReportPdfPath, {
                              caseId: detail.id,
                              childCaseId: duty.reportCaseId,
                            })}
                            target="_blank"
                          >
                            <FilePdfIcon aria-hidden />
                            Orosanmälan som PDF
                            <span className="visually-hidden">
                              {' '}
                              för {personName(duty.child)} (öppnas i en ny flik)
                            </span>
                          </Link>
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
        {action?.kind === 'joint' ? (
          <JointChildReportForm detail={detail} duties={jointCandidates} onClose={close} />
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
            <HStack gap="space-16">
              {jointCandidates.length > 1 && detail.status === 'open' ? (
                <Button
                  variant="primary"
                  aria-expanded={action?.kind === 'joint'}
                  onClick={() => {
                    setAction({ kind: 'joint' });
                  }}
                >
                  Gör en orosanmälan för alla barnen
                </Button>
              ) : null}
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
            </HStack>
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
