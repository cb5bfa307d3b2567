import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  VStack,
} from '@navikt/ds-react';
import { FilePdfIcon } from '@navikt/aksel-icons';
import { useQuery } from '@tanstack/react-query';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { buildPath } from '../../../../core/contracts/contract.ts';
import { planPdfPath } from '../../../../core/contracts/coordinated-plans.ts';
import type { Plan } from '../../../../core/contracts/coordinated-plans.ts';
import { planKindLabels } from '../../../../core/domain/coordinated-plans.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { consentsQuery } from '../consents/ConsentsTab.tsx';
import { blankPlan, NewPlanForm, RevisePlanForm } from './PlanForm.tsx';
import type { PlanContext } from './PlanForm.tsx';
import { PlanFollowUpForm } from './PlanFollowUpForm.tsx';
import { EarlierVersions, PlanFollowUps, PlanVersionView } from './PlanView.tsx';
import { plansQuery } from './plans.ts';

/**
 * The case's tab "SIP och samverkansplaner": the person's SIP (with the region) and interna
 * samverkansplaner (several units of the municipality), each with the version in force, the
 * earlier ones and the uppföljningar, and a warning when a consent a participant takes part on
 * no longer holds; for whoever works the case, "Ny plan", "Revidera" and "Följ upp planen".
 */
export function PlansTab({ detail }: { detail: CaseDetail }) {
  const query = useQuery(plansQuery(detail.id));
  const [announcement, setAnnouncement] = useState<string | null>(null);
  if (query.isPending) return <Loading label="Hämtar planerna…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { plans, canWrite } = query.data;
  return (
    <VStack gap="space-32">
      <VStack gap="space-12">
        <Heading level="2" size="large">
          SIP och samverkansplaner
        </Heading>
        <BodyLong>
          En SIP, samordnad individuell plan, görs tillsammans med regionen när personen behöver
          insatser från både socialtjänsten och hälso- och sjukvården. En intern samverkansplan görs
          när flera enheter i kommunen arbetar med samma person eller familj. Båda görs bara med
          personens samtycke.
        </BodyLong>
      </VStack>
      <div role="status">
        {announcement ? <BodyShort weight="semibold">{announcement}</BodyShort> : null}
      </div>
      <section aria-labelledby="planer-rubrik">
        <VStack gap="space-16">
          <Heading level="3" size="medium" id="planer-rubrik">
            Ärendets planer
          </Heading>
          {plans.length === 0 ? (
            <BodyShort textColor="subtle">Ingen plan är skriven i ärendet.</BodyShort>
          ) : (
            <VStack gap="space-24" as="ul" className="plain-list">
              {plans.map((p) => (
                <li key={p.id}>
                  <PlanCard detail={detail} plan={p} canWrite={canWrite} onDone={setAnnouncement} />
                </li>
              ))}
            </VStack>
          )}
        </VStack>
      </section>
      {canWrite ? <NewPlan detail={detail} onDone={setAnnouncement} /> : null}
    </VStack>
  );
}

/** The case's consents and the units and providers a participant may be, for the forms. */
function WithContext({
  detail,
  children,
}: {
  detail: CaseDetail;
  children: (context: PlanContext) => ReactNode;
}) {
  const query = useQuery(consentsQuery(detail.id));
  if (query.isPending) return <Loading label="Hämtar samtycken, enheter och utförare…" />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  if (!query.data.options) return null;
  return children({
    caseId: detail.id,
    ownUnitId: detail.unitId,
    consents: query.data.consents,
    options: query.data.options,
  });
}

/** A button that opens a form, and gets the focus back when the form closes. */
function useOpenForm<T extends string>() {
  const [open, setOpen] = useState<T | null>(null);
  const buttons = useRef(new Map<T, HTMLButtonElement | null>());
  const closed = useRef<T | null>(null);
  useEffect(() => {
    if (open !== null || closed.current === null) return;
    buttons.current.get(closed.current)?.focus();
    closed.current = null;
  }, [open]);
  return {
    open,
    close: () => {
      closed.current = open;
      setOpen(null);
    },
    /** `<Button {...form.opener('revise')}>`: opens the form, and gets the focus back. */
    opener: (which: T) => ({
      ref: (el: HTMLButtonElement | null) => {
        buttons.current.set(which, el);
      },
      onClick: () => {
        setOpen(which);
      },
    }),
  };
}

function NewPlan({ detail, onDone }: { detail: CaseDetail; onDone: (message: string) => void }) {
  const form = useOpenForm<'new'>();
  if (form.open === null) {
    return (
      <div>
        <Button {...form.opener('new')} type="button">
          Ny plan
        </Button>
      </div>
    );
  }
  return (
    <WithContext detail={detail}>
      {(context) => (
        <NewPlanForm
          context={context}
          initial={blankPlan(detail.unitId, detail.assignedTo?.displayName ?? '')}
          onCancel={form.close}
          onDone={() => {
            form.close();
            onDone('Planen är sparad.');
          }}
        />
      )}
    </WithContext>
  );
}

const planTitle = (p: Plan) => `${planKindLabels[p.kind]}, upprättad ${formatDate(p.createdAt)}`;

function PlanCard({
  detail,
  plan: p,
  canWrite,
  onDone,
}: {
  detail: CaseDetail;
  plan: Plan;
  canWrite: boolean;
  onDone: (message: string) => void;
}) {
  const form = useOpenForm<'revise' | 'followUp'>();
  const headingId = `plan-${p.id}`;
  const title = planTitle(p);
  return (
    <article aria-labelledby={headingId} className="counterpart">
      <VStack gap="space-16">
        <div>
          <Heading level="3" size="small" id={headingId}>
            {title}
          </Heading>
          <BodyShort size="small" textColor="subtle">
            Upprättad {formatDateTime(p.createdAt)} av {p.createdBy.displayName}. Gällande version{' '}
            {p.current.version}.
          </BodyShort>
        </div>
        {p.groundGone !== null ? (
          <Alert variant="warning">
            <Heading level="4" size="xsmall" spacing>
              Planen behöver revideras
            </Heading>
            <BodyShort>{p.groundGone}</BodyShort>
          </Alert>
        ) : null}
        <PlanVersionView version={p.current} idPrefix={`plan-${p.id}-gallande`} level="4" />
        <EarlierVersions plan={p} />
        <PlanFollowUps plan={p} level="4" />
        <div>
          <Link href={buildPath(planPdfPath, { caseId: detail.id, planId: p.id })} target="_blank">
            <FilePdfIcon aria-hidden />
            Skriv ut (PDF)
            <span className="visually-hidden"> {title}, öppnas i en ny flik</span>
          </Link>
        </div>
        {canWrite && form.open === null ? (
          <HStack gap="space-12">
            <Button {...form.opener('revise')} type="button" size="small" variant="secondary">
              Revidera<span className="visually-hidden"> {title}</span>
            </Button>
            <Button {...form.opener('followUp')} type="button" size="small" variant="secondary">
              Följ upp planen<span className="visually-hidden"> {title}</span>
            </Button>
          </HStack>
        ) : null}
        {form.open === 'revise' ? (
          <WithContext detail={detail}>
            {(context) => (
              // A newer version read after a conflict opens the form anew, from that version.
              <RevisePlanForm
                key={p.current.version}
                context={context}
                plan={p}
                onCancel={form.close}
                onDone={() => {
                  form.close();
                  onDone(`Planen är reviderad: ${title}.`);
                }}
              />
            )}
          </WithContext>
        ) : null}
        {form.open === 'followUp' ? (
          <PlanFollowUpForm
            caseId={detail.id}
            plan={p}
            onCancel={form.close}
            onDone={() => {
              form.close();
              onDone(`Uppföljningen är sparad: ${title}.`);
            }}
          />
        ) : null}
      </VStack>
    </article>
  );
}
