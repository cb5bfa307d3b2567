import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseProjection,
  caseState,
  caseSteps,
  checkStep,
  queuePriorities,
  stepAbilities,
} from './case-flow.ts';
import type { CaseEvent, Step } from './case-flow.ts';
import { interventions, mayDecideAcutely } from './decisions.ts';

const at = '2026-11-22T10:00:00Z';
const adult = { subjectIsAdult: true, openChildReportDuty: false };

const policeNotification: CaseEvent = {
  type: 'intake_registered',
  intakeType: 'police_notification',
  at,
};
const application: CaseEvent = { type: 'intake_registered', intakeType: 'application_oral', at };

describe('case flow', () => {
  it('refuses every step before the intake is registered', () => {
    for (const step of caseSteps)
      expect(checkStep(caseState([]), step, adult)).toMatchObject({ ok: false, missing: 'intake' });
  });

  it('takes an application or consent at any point of an open case after the intake', () => {
    const logs: CaseEvent[][] = [
      [policeNotification],
      [policeNotification, { type: 'consent_recorded', at }],
      [application, { type: 'preliminary_assessment', outcome: 'open_investigation', at }],
      [
        application,
        { type: 'preliminary_assessment', outcome: 'open_investigation', at },
        { type: 'communication_recorded', at },
        { type: 'decision_recorded', at },
      ],
    ];
    for (const events of logs) {
      expect(checkStep(caseState(events), 'application', adult)).toEqual({ ok: true });
      // An open child-report duty holds the förhandsbedömning, not the person's own application.
      expect(
        checkStep(caseState(events), 'application', { ...adult, openChildReportDuty: true }),
      ).toEqual({ ok: true });
    }
    expect(checkStep(caseState([]), 'application', adult)).toEqual({
      ok: false,
      missing: 'intake',
      message: 'Registrera aktualiseringen först.',
    });
    expect(
      checkStep(caseState([policeNotification, { type: 'case_closed', at }]), 'application', adult),
    ).toEqual({ ok: false, missing: 'open_case', message: 'Ärendet är avslutat.' });
  });

  it('does not open an utredning about an adult against their will', () => {
    const state = caseState([policeNotification]);
    expect(checkStep(state, 'preliminary_assessment_open', adult)).toMatchObject({
      ok: false,
      missing: 'application_or_consent',
    });
    expect(checkStep(state, 'preliminary_assessment_close', adult)).toEqual({ ok: true });
    const consented = caseState([policeNotification, { type: 'consent_recorded', at }]);
    expect(checkStep(consented, 'preliminary_assessment_open', adult)).toEqual({ ok: true });
    // A child's utredning needs no application from the child.
    expect(
      checkStep(state, 'preliminary_assessment_open', { ...adult, subjectIsAdult: false }),
    ).toEqual({ ok: true });
  });

  it('holds förhandsbedömning and closing while a child-report duty is open', () => {
    const state = caseState([application]);
    const withChildren = { ...adult, openChildReportDuty: true };
    expect(checkStep(state, 'preliminary_assessment_open', withChildren)).toMatchObject({
      missing: 'child_report',
    });
    expect(checkStep(state, 'close', withChildren)).toMatchObject({ missing: 'child_report' });
  });

  it('requires kommunicering before beslut', () => {
    const investigating = caseState([
      application,
      { type: 'preliminary_assessment', outcome: 'open_investigation', at },
    ]);
    expect(investigating.phase).toBe('investigation');
    expect(checkStep(investigating, 'decision', adult)).toMatchObject({
      ok: false,
      missing: 'communication',
    });
    const communicated = caseState([
      application,
      { type: 'preliminary_assessment', outcome: 'open_investigation', at },
      { type: 'communication_recorded', at },
    ]);
    expect(checkStep(communicated, 'decision', adult)).toEqual({ ok: true });
  });

  it('lets nothing happen to a closed case', () => {
    const closed = caseState([application, { type: 'case_closed', at }]);
    for (const step of caseSteps)
      expect(checkStep(closed, step, adult)).toMatchObject({ ok: false, missing: 'open_case' });
  });

  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc
      .constantFrom<IntakeTypeLiteral>('application_oral', 'report', 'police_notification')
      .map((intakeType) => ({ type: 'intake_registered' as const, intakeType, at })),
    fc.constant({ type: 'consent_recorded' as const, at }),
    fc
      .constantFrom('open_investigation' as const, 'no_investigation' as const)
      .map((outcome) => ({ type: 'preliminary_assessment' as const, outcome, at })),
    fc.constant({ type: 'communication_recorded' as const, at }),
    fc.constant({ type: 'decision_recorded' as const, at }),
    fc.constant({ type: 'acute_decision_recorded' as const, at }),
  );
  type IntakeTypeLiteral = 'application_oral' | 'report' | 'police_notification';

  it('never allows a decision in a log without kommunicering after an opened utredning', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), (events) => {
        const state = caseState(events);
        const opened = events.findLastIndex(
          (e) => e.type === 'preliminary_assessment' && e.outcome === 'open_investigation',
        );
        const communicatedAfter =
          opened >= 0 && events.slice(opened).some((e) => e.type === 'communication_recorded');
        if (state.phase === 'investigation') {
          expect(communicatedAfter).toBe(false);
          expect(checkStep(state, 'decision', adult).ok).toBe(false);
        }
      }),
    );
  });

  it('never opens an adult utredning, whatever the order of events, without an application or consent', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), (events) => {
        const state = caseState(events);
        const check = checkStep(state, 'preliminary_assessment_open', adult);
        const hasBasis = events.some(
          (e) =>
            e.type === 'consent_recorded' ||
            (e.type === 'intake_registered' && e.intakeType === 'application_oral'),
        );
        if (check.ok) expect(hasBasis).toBe(true);
      }),
    );
  });

  it('allows an application exactly while the case is open past its intake, whatever the log', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(eventArb, fc.constant({ type: 'case_closed' as const, at })), {
          maxLength: 8,
        }),
        fc.boolean(),
        fc.boolean(),
        (events, subjectIsAdult, openChildReportDuty) => {
          const check = checkStep(caseState(events), 'application', {
            subjectIsAdult,
            openChildReportDuty,
          });
          // Past the intake: registered, or a later step on record (a case from before the log
          // has no intake event). Closing is final, wherever it stands in the log.
          const started = events.some((e) =>
            [
              'intake_registered',
              'preliminary_assessment',
              'communication_recorded',
              'decision_recorded',
            ].includes(e.type),
          );
          const closed = events.some((e) => e.type === 'case_closed');
          expect(check.ok).toBe(started && !closed);
          if (!check.ok) expect(check.missing).toBe(closed ? 'open_case' : 'intake');
        },
      ),
    );
  });

  it('refuses with a Swedish message whenever it refuses', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        fc.constantFrom<Step>(...caseSteps),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(...interventions), { nil: undefined }),
        (events, step, subjectIsAdult, openChildReportDuty, intervention) => {
          const check = checkStep(caseState(events), step, {
            subjectIsAdult,
            openChildReportDuty,
            ...(intervention ? { intervention } : {}),
          });
          if (!check.ok) expect(check.message).toMatch(/^[A-ZÅÄÖ].*\.$/);
        },
      ),
    );
  });
});

describe('the acute beslut', () => {
  const acute: CaseEvent = { type: 'acute_decision_recorded', at };
  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc
      .constantFrom('application_oral' as const, 'report' as const, 'police_notification' as const)
      .map((intakeType) => ({ type: 'intake_registered' as const, intakeType, at })),
    fc.constant({ type: 'acute_screening' as const, acuteNeed: 'yes' as const, at }),
    fc.constant({ type: 'consent_recorded' as const, at }),
    fc
      .constantFrom('open_investigation' as const, 'no_investigation' as const)
      .map((outcome) => ({ type: 'preliminary_assessment' as const, outcome, at })),
    fc.constant({ type: 'communication_recorded' as const, at }),
    fc.constant({ type: 'decision_recorded' as const, at }),
    fc.constant(acute),
    fc.constant({ type: 'case_closed' as const, at }),
  );
  const context = fc.record({
    subjectIsAdult: fc.boolean(),
    openChildReportDuty: fc.boolean(),
    intervention: fc.constantFrom(...interventions),
  });

  it('is allowed at intake, in förhandsbedömning and in the utredning, with a child duty open', () => {
    const intake = caseState([
      { type: 'intake_registered', intakeType: 'police_notification', at },
    ]);
    const investigating = caseState([
      application,
      { type: 'preliminary_assessment', outcome: 'open_investigation', at },
    ]);
    for (const state of [intake, investigating]) {
      expect(
        checkStep(state, 'acute_decision', {
          ...adult,
          openChildReportDuty: true,
          intervention: 'shelter',
        }),
      ).toEqual({ ok: true });
    }
    expect(
      checkStep(intake, 'acute_decision', { ...adult, intervention: 'support_sessions' }),
    ).toMatchObject({
      ok: false,
      missing: 'acute_intervention',
      message:
        'Stödsamtal kan inte beslutas akut före kommunicering. Akut beslut kan fattas om skyddat boende, tillfälligt boende och ekonomiskt bistånd.',
    });
  });

  it('never changes the phase, whatever came before or comes after', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        fc.array(eventArb, { maxLength: 4 }),
        (before, after) => {
          const without = caseState([...before, ...after].filter((e) => e.type !== acute.type));
          const withAcute = caseState([...before, acute, ...after]);
          expect(withAcute.phase).toBe(without.phase);
          expect(caseProjection(withAcute)).toEqual(caseProjection(without));
        },
      ),
    );
  });

  it('leaves an ordinary beslut refused before kommunicering', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), context, (events, ctx) => {
        const state = caseState(events);
        if (state.phase === 'preliminary_assessment' || state.phase === 'investigation') {
          expect(checkStep(state, 'decision', ctx).ok).toBe(false);
        }
      }),
    );
  });

  it('is never allowed on a closed case, after kommunicering, or on an insats that can wait', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 8 }), context, (events, ctx) => {
        const state = caseState(events);
        const check = checkStep(state, 'acute_decision', ctx);
        const allowedPhase =
          state.phase === 'preliminary_assessment' || state.phase === 'investigation';
        expect(check.ok).toBe(allowedPhase && mayDecideAcutely(ctx.intervention));
        if (state.phase === 'closed') expect(check).toMatchObject({ missing: 'open_case' });
      }),
    );
  });
});

describe('the case row as a projection of the log', () => {
  const at = (minute: number) => `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc
      .constantFrom('report' as const, 'police_notification' as const)
      .map((intakeType) => ({ type: 'intake_registered' as const, intakeType, at: at(0) })),
    fc
      .constantFrom('yes' as const, 'no' as const, 'unclear' as const)
      .map((acuteNeed) => ({ type: 'acute_screening' as const, acuteNeed, at: at(1) })),
    fc
      .constantFrom('open_investigation' as const, 'no_investigation' as const)
      .map((outcome) => ({ type: 'preliminary_assessment' as const, outcome, at: at(2) })),
    fc.constant({ type: 'communication_recorded' as const, at: at(3) }),
    fc.constant({ type: 'decision_recorded' as const, at: at(4) }),
    fc.integer({ min: 5, max: 59 }).map((m) => ({ type: 'case_closed' as const, at: at(m) })),
    fc
      .constantFrom('anna', 'bo', 'cecilia')
      .map((userId) => ({ type: 'case_assigned' as const, userId, at: at(6) })),
  );

  it('says who handles the case by its last assignment before closing, or leaves the row alone', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), (events) => {
        const projection = caseProjection(caseState(events));
        const closedAt = events.findIndex((e) => e.type === 'case_closed');
        const assignment = (closedAt >= 0 ? events.slice(0, closedAt) : events).findLast(
          (e) => e.type === 'case_assigned',
        );
        expect(projection.assignedUserId).toBe(assignment?.userId ?? null);
      }),
    );
  });

  it('says closed exactly when the log closed the case, and when', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), (events) => {
        const projection = caseProjection(caseState(events));
        // Closing is final: the first closing is the one.
        const closing = events.find((e) => e.type === 'case_closed');
        if (closing) {
          expect(projection.status).toBe('closed');
          expect(projection.closedAt).toBe(closing.at);
          expect(projection.queuePriority).toBe(queuePriorities.ordinary);
        } else {
          expect(projection.closedAt).toBeNull();
          expect(projection.status).not.toBe('closed');
        }
      }),
    );
  });

  it('puts a case with acute need ahead of the ordinary ones only while it is open and its last screening found acute need', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 10 }), (events) => {
        const projection = caseProjection(caseState(events));
        const closedAt = events.findIndex((e) => e.type === 'case_closed');
        const screening = (closedAt >= 0 ? events.slice(0, closedAt) : events).findLast(
          (e) => e.type === 'acute_screening',
        );
        if (projection.queuePriority === queuePriorities.acute) {
          expect(screening?.acuteNeed).toBe('yes');
          expect(projection.status).not.toBe('closed');
        }
        if (projection.status !== 'closed' && screening?.acuteNeed === 'yes') {
          expect(projection.queuePriority).toBeLessThanOrEqual(queuePriorities.acute);
        }
        // Unscreened and open: the log does not say, so the row keeps what it was opened with.
        if (!screening && projection.status !== 'closed')
          expect(projection.queuePriority).toBeNull();
      }),
    );
  });

  it('leaves the phase alone for a log without an intake (a case from before the log)', () => {
    const projection = caseProjection(
      caseState([{ type: 'acute_screening', acuteNeed: 'no', at: at(1) }]),
    );
    expect(projection.phase).toBeNull();
    expect(projection.status).toBeNull();
    expect(projection.acuteNeed).toBe('no');
  });
});

describe('step abilities', () => {
  const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
    fc
      .constantFrom('application_oral' as const, 'report' as const)
      .map((intakeType) => ({ type: 'intake_registered' as const, intakeType, at })),
    fc.constant({ type: 'consent_recorded' as const, at }),
    fc
      .constantFrom('open_investigation' as const, 'no_investigation' as const)
      .map((outcome) => ({ type: 'preliminary_assessment' as const, outcome, at })),
    fc.constant({ type: 'communication_recorded' as const, at }),
    fc.constant({ type: 'decision_recorded' as const, at }),
    fc.constant({ type: 'acute_decision_recorded' as const, at }),
    fc.constant({ type: 'case_closed' as const, at }),
  );

  it('offer a step exactly when the flow allows it to someone who works the case, with the 409’s sentence otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (events, subjectIsAdult, openChildReportDuty, mayWork) => {
          const state = caseState(events);
          const context = { subjectIsAdult, openChildReportDuty };
          const abilities = stepAbilities(state, context, mayWork);
          for (const step of caseSteps) {
            const check = checkStep(state, step, context);
            expect(abilities[step].allowed).toBe(check.ok && mayWork);
            expect(abilities[step].message).toBe(check.ok ? null : check.message);
          }
        },
      ),
    );
  });
});
