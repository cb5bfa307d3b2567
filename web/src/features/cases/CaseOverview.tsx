import { useState } from 'react';
import { Alert, BodyLong, BodyShort, Heading, VStack } from '@navikt/ds-react';
import type { CaseDetail } from '../../../../core/contracts/cases.ts';
import { acuteNeedLabels, intakeChannelLabels, intakeTypeLabels } from '../../app/labels.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { AcuteScreeningStep } from './steps/AcuteScreeningStep.tsx';
import { ApplicationStep } from './steps/ApplicationStep.tsx';
import { CloseCaseStep } from './steps/CloseCaseStep.tsx';
import { HouseholdChildren } from './steps/HouseholdChildren.tsx';
import { PreliminaryAssessmentStep } from './steps/PreliminaryAssessmentStep.tsx';

/**
 * The case's first tab: what came in, the steps to take now (offered as abilities.steps allows,
 * with the case flow's sentence where it does not), the children in the household with the duty
 * to report, and the history.
 */
export function CaseOverview({ detail }: { detail: CaseDetail }) {
  // One place where a step says it is done, read out by a screen reader.
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const canWork = detail.abilities.work && detail.status === 'open';
  const adult = detail.targetGroup !== 'child';

  return (
    <VStack gap="space-40">
      <div role="status" className="step-announcement">
        {announcement ? <BodyLong weight="semibold">{announcement}</BodyLong> : null}
      </div>
      <IntakeSection detail={detail} />
      {adult ? (
        <ApplicationStep detail={detail} canWork={canWork} onDone={setAnnouncement} />
      ) : null}
      <PreliminaryAssessmentStep detail={detail} canWork={canWork} onDone={setAnnouncement} />
      {adult ? (
        <HouseholdChildren detail={detail} canWork={canWork} onDone={setAnnouncement} />
      ) : null}
      {canWork ? <AcuteScreeningStep detail={detail} onDone={setAnnouncement} /> : null}
      {canWork ? <CloseCaseStep detail={detail} /> : null}
      <History detail={detail} />
    </VStack>
  );
}

function IntakeSection({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="inkommet-rubrik">
      <Heading level="2" size="medium" id="inkommet-rubrik" spacing>
        Det som kom in
      </Heading>
      {detail.intake ? (
        <dl className="facts">
          <dt>Typ</dt>
          <dd>{intakeTypeLabels[detail.intake.type]}</dd>
          <dt>Från</dt>
          <dd>{detail.intake.from}</dd>
          <dt>Hur</dt>
          <dd>{intakeChannelLabels[detail.intake.channel]}</dd>
          <dt>När</dt>
          <dd>{formatDateTime(detail.receivedAt)}</dd>
          <dt>Innehåll</dt>
          <dd className="preserve-lines">{detail.intake.content}</dd>
        </dl>
      ) : (
        <BodyLong>Aktualiseringen registrerades innan Värn sparade vad som kom in.</BodyLong>
      )}
      {detail.acuteScreening ? (
        <dl className="facts facts-spaced">
          <dt>Akut skyddsbehov</dt>
          <dd>{acuteNeedLabels[detail.acuteScreening.acuteNeed]}</dd>
          <dt>Motivering</dt>
          <dd className="preserve-lines">{detail.acuteScreening.motivation}</dd>
        </dl>
      ) : null}
      <Handover detail={detail} />
    </section>
  );
}

/**
 * Socialjour's handover to the day unit (issue 13, item 2): socialjour sees where and when the
 * matter goes while it is planned; the day unit sees when it came, once it is done.
 */
function Handover({ detail }: { detail: CaseDetail }) {
  if (detail.handedOver) {
    return (
      <Alert variant="info" size="small" inline className="facts-spaced">
        Överlämnat från socialjouren {formatDate(detail.handedOver.on)}
      </Alert>
    );
  }
  if (detail.handoverPlanned) {
    return (
      <Alert variant="info" size="small" inline className="facts-spaced">
        Överlämnas till {detail.handoverPlanned.toUnitName} {formatDate(detail.handoverPlanned.on)}
      </Alert>
    );
  }
  return null;
}

function History({ detail }: { detail: CaseDetail }) {
  return (
    <section aria-labelledby="historik-rubrik">
      <Heading level="2" size="medium" id="historik-rubrik" spacing>
        Historik
      </Heading>
      <ol className="history">
        {detail.history.map((item) => (
          <li key={item.seq}>
            <BodyShort size="small" textColor="subtle">
              <time dateTime={item.recordedAt}>{formatDateTime(item.recordedAt)}</time>
              {item.recordedBy ? ` · ${item.recordedBy}` : ''}
            </BodyShort>
            <BodyShort>{item.summary}</BodyShort>
          </li>
        ))}
      </ol>
    </section>
  );
}
