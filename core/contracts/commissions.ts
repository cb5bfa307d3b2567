import { z } from 'zod';
import { COMMISSION_TEXT_MAX, consentCategories } from '../domain/commissions.ts';
import { DisclosureGround } from './consents.ts';
import { legalBases } from '../domain/consents.ts';
import { defineContract } from './contract.ts';
import { baseVersion, isoDate, version } from './input.ts';

/**
 * Uppdrag (commissions) to providers: sent by the handläggare from a beslut on the case (the
 * case's tab "Uppdrag"), worked by the provider in its own inbox — accepted or declined, the
 * genomförandeplan written with the person, notes from sessions, återrapporter. The provider's
 * view holds only what the uppdrag shares: no case, no utredning, no journal, no address.
 */

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, what)
    .max(COMMISSION_TEXT_MAX, `Skriv högst ${COMMISSION_TEXT_MAX} tecken.`);

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const CommissionStatus = z.enum(['sent', 'accepted', 'declined', 'ended']);
const PeriodOut = z.object({ from: z.iso.date(), to: z.iso.date().nullable() });

export const SharedData = z.object({
  name: z.string().nullable(),
  personalIdentityNumber: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  children: z
    .array(z.object({ givenName: z.string(), birthYear: z.number().int().nullable() }))
    .nullable(),
});

export const PlanVersion = z.object({
  version: z.number().int(),
  goals: z.string(),
  actions: z.string(),
  schedule: z.string(),
  participation: z.string(),
  recordedBy: Person,
  recordedAt: z.iso.datetime(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const CommissionEntry = z.object({
  id: z.uuid(),
  kind: z.enum(['note', 'report']),
  occurredOn: z.iso.date(),
  text: z.string(),
  recordedBy: Person,
  recordedAt: z.iso.datetime(),
});
export type CommissionEntry = z.infer<typeof CommissionEntry>;

export const CommissionEvent = z.object({
  seq: z.number().int(),
  type: z.enum(['sent', 'accepted', 'declined', 'ended', 'plan_version', 'note', 'report']),
  reason: z.string().nullable(),
  recordedBy: Person,
  recordedAt: z.iso.datetime(),
});
export type CommissionEvent = z.infer<typeof CommissionEvent>;

/** One uppdrag as both sides see it: only what it shares, and the work on it. */
export const Commission = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: CommissionStatus,
  intervention: z.string(),
  period: PeriodOut,
  provider: z.object({ id: z.uuid(), name: z.string() }),
  what: z.string(),
  why: z.string(),
  contact: z.string(),
  /** What the uppdrag shares: these categories only. */
  categories: z.array(z.enum(consentCategories)),
  /** The ground it shares them on, as a sentence: the consent, or the legal basis. */
  ground: z.object({ kind: z.enum(['consent', 'legal']), text: z.string() }),
  /**
   * Why what it shared is withheld now, or null: the consent it rests on was revoked or ran out.
   * The provider then reads nothing of `shared`.
   */
  withheld: z.string().nullable(),
  shared: SharedData,
  /** For a person with skyddade personuppgifter: the notice and whom to contact. */
  protectionNotice: z.string().nullable(),
  sentBy: Person,
  sentAt: z.iso.datetime(),
  /** Newest first; the first is the plan in force. */
  plan: z.array(PlanVersion),
  entries: z.array(CommissionEntry),
  events: z.array(CommissionEvent),
});
export type Commission = z.infer<typeof Commission>;

const caseParams = z.strictObject({ caseId: z.uuid() });
const commissionParams = z.strictObject({ commissionId: z.uuid() });
const caseCommissionParams = z.strictObject({ caseId: z.uuid(), commissionId: z.uuid() });
const stepResult = z.object({ id: z.uuid(), version: z.number().int() });

/** The case's uppdrag, and what a new one may be sent from (for whoever works the case). */
export const CaseCommissions = z.object({
  commissions: z.array(Commission.extend({ decisionId: z.uuid() })),
  /** Null when the reader may not send an uppdrag. */
  options: z
    .object({
      /** Granted beslut with a period, the insats and its period. */
      decisions: z.array(
        z.object({
          id: z.uuid(),
          intervention: z.string(),
          decidedOn: z.iso.date(),
          period: PeriodOut,
        }),
      ),
      /** Active providers, with the insatser they carry out. */
      providers: z.array(
        z.object({ id: z.uuid(), name: z.string(), interventions: z.array(z.string()) }),
      ),
      /** Whether the person has skyddade personuppgifter: the uppdrag will carry the notice. */
      protectedPerson: z.boolean(),
      /** The legal bases an uppdrag may rest on instead of consent, as the catalogue cites them. */
      legalBases: z.array(z.object({ basis: z.enum(legalBases), reference: z.string() })),
    })
    .nullable(),
});
export type CaseCommissions = z.infer<typeof CaseCommissions>;

export const listCaseCommissions = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/commissions',
  params: caseParams,
  response: CaseCommissions,
});

export const createCommission = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/commissions',
  params: caseParams,
  body: z.strictObject({
    decisionId: z.uuid({ message: 'Välj det beslut uppdraget gäller.' }),
    providerId: z.uuid({ message: 'Välj utförare.' }),
    what: text('Beskriv vad uppdraget gäller.'),
    why: text('Beskriv varför uppdraget ges.'),
    period: z.strictObject({ from: isoDate(), to: isoDate().nullable() }),
    contact: z
      .string()
      .trim()
      .min(1, 'Ange vem utföraren ska kontakta.')
      .max(500, 'Skriv högst 500 tecken.'),
    /** What it shares about the person; the ground must cover each. */
    categories: z.array(z.enum(consentCategories)).max(consentCategories.length),
    /** The consent in the case's register, or the legal basis with its secrecy test. */
    ground: DisclosureGround,
    /** Language and interpreter needs; required when that category is shared. */
    language: z.string().trim().max(500, 'Skriv högst 500 tecken.').nullable(),
  }),
  response: stepResult,
  successStatus: 201,
});

export const endCommission = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/commissions/:commissionId/end',
  params: caseCommissionParams,
  body: z.strictObject({
    reason: text('Ange varför uppdraget avslutas.'),
    version: version(),
  }),
  response: stepResult,
});

export const CommissionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: CommissionStatus,
  intervention: z.string(),
  period: PeriodOut,
  /** The person's name if she consented to share it. */
  name: z.string().nullable(),
  protectedPerson: z.boolean(),
  sentAt: z.iso.datetime(),
});
export type CommissionSummary = z.infer<typeof CommissionSummary>;

/** The provider's inbox: the uppdrag given to its provider, waiting ones first. */
export const listMyCommissions = defineContract({
  method: 'GET',
  path: '/api/commissions',
  response: z.object({ items: z.array(CommissionSummary) }),
});

export const getCommission = defineContract({
  method: 'GET',
  path: '/api/commissions/:commissionId',
  params: commissionParams,
  response: Commission,
});

export const respondToCommission = defineContract({
  method: 'POST',
  path: '/api/commissions/:commissionId/response',
  params: commissionParams,
  body: z
    .strictObject({
      answer: z.enum(['accept', 'decline'], { message: 'Välj om ni accepterar uppdraget.' }),
      reason: z.string().trim().max(2000, 'Skriv högst 2000 tecken.').nullable(),
      version: version(),
    })
    .superRefine((b, ctx) => {
      if (b.answer === 'decline' && !b.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: 'Ange varför ni avböjer uppdraget.',
        });
      }
    }),
  response: stepResult,
});

/** A new version of the genomförandeplan; `planVersion` is the version it replaces (0: none). */
export const saveImplementationPlan = defineContract({
  method: 'POST',
  path: '/api/commissions/:commissionId/plan',
  params: commissionParams,
  body: z.strictObject({
    goals: text('Beskriv målen.'),
    actions: text('Beskriv vad som ska göras.'),
    schedule: text('Beskriv hur och när det ska göras.'),
    participation: text('Beskriv hur personen har deltagit i planeringen.'),
    planVersion: baseVersion(),
  }),
  response: z.object({ planVersion: z.number().int() }),
  successStatus: 201,
});

/** A note from a session, or an återrapport to the handläggare. */
export const recordCommissionEntry = defineContract({
  method: 'POST',
  path: '/api/commissions/:commissionId/entries',
  params: commissionParams,
  body: z.strictObject({
    kind: z.enum(['note', 'report'], { message: 'Välj anteckning eller återrapport.' }),
    occurredOn: isoDate(),
    text: text('Skriv vad som gjordes.'),
  }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** The uppdrag as a PDF for a provider without users in Värn (GET, application/pdf). */
export const commissionPdfPath = '/api/cases/:caseId/commissions/:commissionId/uppdrag.pdf';
