import { lazy, Suspense } from 'react';
import { Alert, BodyLong, BodyShort, Link, Tabs, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { ApiError } from '../../api/client.ts';
import {
  acuteNeedLabels,
  identityKindLabels,
  phaseLabels,
  targetGroupLabels,
} from '../../app/labels.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { personName } from '../../components/PersonCell.tsx';
import { NotFoundPage } from '../home/NotFoundPage.tsx';
import { ProtectionBanner } from '../persons/ProtectionBanner.tsx';
import { RiskLevelTag } from '../risk/RiskLevelTag.tsx';
import { CaseGuardians } from '../family/CaseGuardians.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { CounterpartsSection } from '../counterparts/CounterpartsSection.tsx';
import { DeadlineList } from './Deadlines.tsx';
import { useCase } from './useCase.ts';
import { SafetySignals } from '../safety-signals/SafetySignals.tsx';

const JournalTab = lazy(() =>
  import('../case-documents/JournalTab.tsx').then((m) => ({ default: m.JournalTab })),
);

const InvestigationTab = lazy(() =>
  import('../case-documents/InvestigationTab.tsx').then((m) => ({
    default: m.InvestigationTab,
  })),
);

const DecisionsTab = lazy(() =>
  import('../case-documents/DecisionsTab.tsx').then((m) => ({ default: m.DecisionsTab })),
);

// Risk och säkerhet, with the chart library it draws with, loaded when the tab is first opened.
const RiskTab = lazy(() => import('../risk/RiskTab.tsx').then((m) => ({ default: m.RiskTab })));

// Råd och stöd: the sessions held without a beslut, and the limit (issue 13).
const AdviceSessionsTab = lazy(() =>
  import('../advice-sessions/AdviceSessionsTab.tsx').then((m) => ({
    default: m.AdviceSessionsTab,
  })),
);

// Uppföljning of the case's uppdrag: dates, uppföljningar and måluppfyllelse (issue 13).
const FollowUpsTab = lazy(() =>
  import('../follow-ups/FollowUpsTab.tsx').then((m) => ({ default: m.FollowUpsTab })),
);
// The samtyckesregister: the person's consents, their revocation and what was disclosed on them.
const ConsentsTab = lazy(() =>
  import('../consents/ConsentsTab.tsx').then((m) => ({ default: m.ConsentsTab })),
);
// What was told to the police and other agencies, and her own decision about reporting.
const AgencyDisclosuresTab = lazy(() =>
  import('../agency-disclosures/AgencyDisclosuresTab.tsx').then((m) => ({
    default: m.AgencyDisclosuresTab,
  })),
);
// Intyg written in the case: drafts, their review, and the issued ones as PDF.
const CertificatesTab = lazy(() =>
  import('../certificates/CertificatesTab.tsx').then((m) => ({
    default: m.CertificatesTab,
  })),
);
// A person's own file: the request, the extract's sekretessprövning, approval and release.
const FileRequestsTab = lazy(() =>
  import('../file-requests/FileRequestsTab.tsx').then((m) => ({ default: m.FileRequestsTab })),
);
// Överflyttning to another municipality (2 a kap. 10 § SoL), and a case that came here so.
const TransfersTab = lazy(() =>
  import('../transfers/TransfersTab.tsx').then((m) => ({ default: m.TransfersTab })),
);
// Samråd the case's file is in, and calling one (issue 15).
const MeetingsTab = lazy(() =>
  import('../coordination-meetings/MeetingsTab.tsx').then((m) => ({ default: m.MeetingsTab })),
);
// SIP and intern samverkansplan of the case's person, on her consents.
const PlansTab = lazy(() =>
  import('../coordinated-plans/PlansTab.tsx').then((m) => ({ default: m.PlansTab })),
);
// Uppdrag to providers from the case's beslut (issue 13).
const CommissionsTab = lazy(() =>
  import('../commissions/CommissionsTab.tsx').then((m) => ({ default: m.CommissionsTab })),
);

const tabs = [
  'oversikt',
  'journal',
  'risk',
  'rad-och-stod',
  'utredning',
  'beslut',
  'samtycken',
  'myndigheter',
  'akt',
  'overflyttning',
  'intyg',
  'samrad',
  'planer',
  'uppdrag',
  'uppfoljning',
] as const;
type Tab = (typeof tabs)[number];

export function CasePage() {
  const { caseId = '' } = useParams();
  const detail = useCase(caseId);

  if (detail.isPending) {
    return (
      <div>
        <PageHeading>Ärende</PageHeading>
        <Loading label="Hämtar ärendet…" />
      </div>
    );
  }
  // A case the reader may not see answers 404 exactly like one that does not exist.
  if (detail.error instanceof ApiError && detail.error.code === 'NOT_FOUND') {
    return <NotFoundPage />;
  }
  if (detail.isError) {
    return (
      <VStack gap="space-16">
        <PageHeading>Ärende</PageHeading>
        <ApiErrorAlert error={detail.error} />
      </VStack>
    );
  }
  return <CaseView detail={detail.data} />;
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('flik') as Tab | null;
  const hasInvestigation = detail.investigation !== null;
  // Beslut come before the utredning when they are acute: the tab is there while one may be
  // taken, and once one is.
  const hasDecisions =
    hasInvestigation ||
    detail.abilities.steps.acute_decision.allowed ||
    detail.history.some((h) => h.type === 'acute_decision_recorded');
  // Uppföljning follows a beslut: the tab is there once one is taken.
  const hasFollowUp = detail.history.some(
    (h) => h.type === 'decision_recorded' || h.type === 'acute_decision_recorded',
  );
  const shown = (t: Tab) =>
    t === 'utredning'
      ? hasInvestigation
      : t === 'beslut' || t === 'uppdrag'
        ? hasDecisions
        : t !== 'uppfoljning' || hasFollowUp;
  const tab: Tab =
    requested && tabs.includes(requested) && shown(requested) ? requested : 'oversikt';

  return (
    <VStack gap="space-32">
      <CaseHeader detail={detail} />
      <SafetySignals caseId={detail.id} />
      <Tabs
        value={tab}
        onChange={(value) => {
          setParams(value === 'oversikt' ? {} : { flik: value }, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="oversikt" label="Översikt" />
          <Tabs.Tab value="journal" label="Journal" />
          <Tabs.Tab value="risk" label="Risk och säkerhet" />
          <Tabs.Tab value="rad-och-stod" label="Råd och stöd" />
          {hasInvestigation ? <Tabs.Tab value="utredning" label="Utredning" /> : null}
          {hasDecisions ? <Tabs.Tab value="beslut" label="Kommunicering och beslut" /> : null}
          <Tabs.Tab value="samtycken" label="Samtycken" />
          <Tabs.Tab value="myndigheter" label="Polis och myndigheter" />
          <Tabs.Tab value="akt" label="Begäran om akt" />
          <Tabs.Tab value="overflyttning" label="Överflyttning" />
          <Tabs.Tab value="intyg" label="Intyg" />
          <Tabs.Tab value="samrad" label="Samråd" />
          <Tabs.Tab value="planer" label="SIP och samverkansplaner" />
          {hasDecisions ? <Tabs.Tab value="uppdrag" label="Uppdrag" /> : null}
          {hasFollowUp ? <Tabs.Tab value="uppfoljning" label="Uppföljning" /> : null}
        </Tabs.List>
        <Tabs.Panel value="oversikt" className="tab-panel">
          <VStack gap="space-40">
            <CaseOverview detail={detail} />
            <CounterpartsSection detail={detail} />
          </VStack>
        </Tabs.Panel>
        <Tabs.Panel value="journal" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar journalen…" />}>
            <JournalTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="risk" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar risk och säkerhet…" />}>
            <RiskTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="rad-och-stod" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar råd och stöd…" />}>
            <AdviceSessionsTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        {hasInvestigation ? (
          <Tabs.Panel value="utredning" className="tab-panel">
            <Suspense fallback={<Loading label="Öppnar utredningen…" />}>
              <InvestigationTab detail={detail} />
            </Suspense>
          </Tabs.Panel>
        ) : null}
        {hasDecisions ? (
          <Tabs.Panel value="beslut" className="tab-panel">
            <Suspense fallback={<Loading label="Öppnar beslut…" />}>
              <DecisionsTab detail={detail} />
            </Suspense>
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="samtycken" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar samtyckena…" />}>
            <ConsentsTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="myndigheter" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar polis och myndigheter…" />}>
            <AgencyDisclosuresTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="akt" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar begäran om akt…" />}>
            <FileRequestsTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="overflyttning" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar överflyttning…" />}>
            <TransfersTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="intyg" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar intygen…" />}>
            <CertificatesTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="samrad" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar samråden…" />}>
            <MeetingsTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="planer" className="tab-panel">
          <Suspense fallback={<Loading label="Öppnar planerna…" />}>
            <PlansTab detail={detail} />
          </Suspense>
        </Tabs.Panel>
        {hasDecisions ? (
          <Tabs.Panel value="uppdrag" className="tab-panel">
            <Suspense fallback={<Loading label="Öppnar uppdrag…" />}>
              <CommissionsTab detail={detail} />
            </Suspense>
          </Tabs.Panel>
        ) : null}
        {hasFollowUp ? (
          <Tabs.Panel value="uppfoljning" className="tab-panel">
            <Suspense fallback={<Loading label="Öppnar uppföljningen…" />}>
              <FollowUpsTab detail={detail} />
            </Suspense>
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </VStack>
  );
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const name = personName(detail.person);
  return (
    <VStack gap="space-16">
      <div>
        <PageHeading>{`Ärende: ${name}`}</PageHeading>
        <BodyShort spacing>
          {detail.person.identity
            ? `${identityKindLabels[detail.person.identity.kind]} ${detail.person.identity.display}`
            : 'Saknar identitetsnummer'}
          {' · '}
          <Link as={RouterLink} to={`/personer/${detail.person.id}`}>
            Personakt
          </Link>
          {' · '}
          <Link as={RouterLink} to={`/arenden/${detail.id}/familj`}>
            Familjen
          </Link>
        </BodyShort>
      </div>
      <ProtectionBanner level={detail.person.protectionLevel} />
      <dl className="facts">
        <dt>Målgrupp</dt>
        <dd>{targetGroupLabels[detail.targetGroup]}</dd>
        <dt>Enhet</dt>
        <dd>{detail.unitName}</dd>
        <dt>Handläggare</dt>
        <dd>{detail.assignedTo?.displayName ?? 'Ingen ännu – i enhetens inkorg'}</dd>
        {detail.targetGroup === 'child' ? (
          <>
            <dt>Vårdnadshavare</dt>
            <dd>
              <CaseGuardians caseId={detail.id} />
            </dd>
          </>
        ) : null}
        <dt>Fas</dt>
        <dd>{phaseLabels[detail.phase]}</dd>
        <dt>Akut skyddsbehov</dt>
        <dd>
          {detail.acuteScreening ? (
            detail.acuteScreening.acuteNeed === 'yes' ? (
              <Tag variant="strong" data-color="danger" size="small">
                {acuteNeedLabels.yes}
              </Tag>
            ) : (
              acuteNeedLabels[detail.acuteScreening.acuteNeed]
            )
          ) : (
            'Inte bedömt'
          )}
        </dd>
        <dt>Risknivå</dt>
        <dd>
          <RiskLevelTag level={detail.riskLevel} />
        </dd>
        <dt>Inkom</dt>
        <dd>{formatDateTime(detail.receivedAt)}</dd>
        <dt>Tidsfrister</dt>
        <dd>
          <DeadlineList deadlines={detail.deadlines} />
        </dd>
      </dl>
      {detail.status === 'closed' ? (
        <Alert variant="info" size="small">
          Ärendet är avslutat. Det som är dokumenterat finns kvar att läsa.
        </Alert>
      ) : !detail.abilities.work ? (
        <Alert variant="info" size="small">
          <BodyLong>
            Du kan läsa ärendet men inte arbeta i det. Det gör handläggaren för ärendet, eller den
            som tar det från enhetens inkorg.
          </BodyLong>
        </Alert>
      ) : null}
    </VStack>
  );
}
