import {
  Alert,
  BodyLong,
  Button,
  Heading,
  Select,
  Table,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { recordSchoolArrangement } from '../../../../core/contracts/case-documents.ts';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import {
  schoolArrangementLabels,
  schoolArrangements,
} from '../../../../core/domain/accompanying-children.ts';
import type { SchoolArrangementKind } from '../../../../core/domain/accompanying-children.ts';
import { call } from '../../api/client.ts';
import { ChangeErrorAlert } from '../../components/ChangeErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { stockholmToday } from '../../components/dates.ts';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { MASKED_PERSON, personName } from '../../components/PersonCell.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useRefreshCase } from '../cases/useCase.ts';

/**
 * Children who follow the parent into skyddat boende (since 2024-04-01 each child's stay is the
 * child's own beslut, by the children's unit — {legal.shelterForAccompanyingChildren}): per child,
 * whether that beslut is recorded, and how the school or preschool is solved, by when.
 */
export function AccompanyingChildren({ detail }: { detail: CaseDetail }) {
  const duties = detail.accompanyingChildren;
  if (duties.length === 0) return null;
  const nameOf = (id: string) => {
    const child = detail.childReportDuties.find((d) => d.child.id === id)?.child;
    return child ? personName(child) : MASKED_PERSON;
  };
  const open = duties.filter((d) => d.status === 'open').length;
  return (
    <section aria-labelledby="medfoljande-rubrik">
      <VStack gap="space-16">
        <Heading level="3" size="small" id="medfoljande-rubrik">
          Medföljande barn i skyddat boende
        </Heading>
        <BodyLong>
          Ett barn som följer med till skyddat boende bedöms och beslutas för sig, av barn och unga
          ({detail.legal.shelterForAccompanyingChildren}). Barnets skolgång eller förskola ska också
          lösas.
        </BodyLong>
        {open > 0 ? (
          <Alert variant="warning" size="small">
            {open === 1
              ? 'Ett barn saknar eget beslut om skyddat boende.'
              : `${open} barn saknar eget beslut om skyddat boende.`}{' '}
            Barn och unga fattar beslutet i barnets ärende.
          </Alert>
        ) : null}
        <div className="table-scroll">
          <Table aria-labelledby="medfoljande-rubrik">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">Barn</Table.HeaderCell>
                <Table.HeaderCell scope="col">Barnets eget beslut</Table.HeaderCell>
                <Table.HeaderCell scope="col">Skolgång</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {duties.map((d) => (
                <Table.Row key={d.childPersonId} shadeOnHover={false}>
                  <Table.HeaderCell scope="row">{nameOf(d.childPersonId)}</Table.HeaderCell>
                  <Table.DataCell>
                    {d.decidedOn ? `Beslutat ${d.decidedOn}` : 'Saknas'}
                  </Table.DataCell>
                  <Table.DataCell>
                    {d.school.arrangedOn
                      ? `Löst ${d.school.arrangedOn}`
                      : `Ska lösas senast ${d.school.dueOn}`}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        {detail.abilities.work && detail.status === 'open' ? (
          <SchoolForm detail={detail} nameOf={nameOf} />
        ) : null}
      </VStack>
    </section>
  );
}

const formId = 'skolgang';

type Values = {
  childPersonId: string;
  arrangement: SchoolArrangementKind | '';
  note: string;
  arrangedOn: string;
};

function SchoolForm({ detail, nameOf }: { detail: CaseDetail; nameOf: (id: string) => string }) {
  const refresh = useRefreshCase(detail.id);
  const children = detail.accompanyingChildren;
  const form = useContractForm(recordSchoolArrangement, {
    formId,
    initial: {
      childPersonId: children.length === 1 ? (children[0]?.childPersonId ?? '') : '',
      arrangement: '',
      note: '',
      arrangedOn: stockholmToday(),
    } satisfies Values,
    unchosen: { childPersonId: 'Välj barn.', arrangement: 'Välj hur skolgången är löst.' },
    toBody: (v) => v,
    send: (body) => call(recordSchoolArrangement, { params: { caseId: detail.id }, body }),
    clearOnSuccess: ['arrangement', 'note'],
    onSuccess: () => {
      refresh();
    },
  });
  const saved = form.saved ? form.mutation.variables : undefined;
  return (
    <form {...form.formProps} aria-labelledby={`${formId}-rubrik`} className="step-form">
      <VStack gap="space-16">
        <Heading level="4" size="xsmall" id={`${formId}-rubrik`}>
          Registrera skolgång
        </Heading>
        <FormErrorSummary {...form.summaryProps} />
        <ChangeErrorAlert
          error={form.generalError}
          onReload={() => {
            form.reset();
            refresh('detail');
          }}
        />
        <Select {...form.select('childPersonId')} className="field-narrow" label="Barn">
          <option value="">Välj barn</option>
          {children.map((c) => (
            <option key={c.childPersonId} value={c.childPersonId}>
              {nameOf(c.childPersonId)}
            </option>
          ))}
        </Select>
        <Select {...form.select('arrangement')} label="Hur är skolgången löst?">
          <option value="">Välj</option>
          {schoolArrangements.map((a) => (
            <option key={a} value={a}>
              {schoolArrangementLabels[a]}
            </option>
          ))}
        </Select>
        <Textarea
          {...form.longText('note')}
          label="Beskrivning"
          description="Till exempel vilken skola, från när, och vem som har kontakten."
          minRows={2}
        />
        <DateField {...form.text('arrangedOn')} label="Datum" />
        <div>
          <Button type="submit" loading={form.mutation.isPending}>
            Registrera skolgången
          </Button>
        </div>
        <div role="status">
          {saved ? `Skolgången för ${nameOf(saved.childPersonId)} är registrerad.` : null}
        </div>
      </VStack>
    </form>
  );
}
