import { z } from 'zod';
import { interventions } from '../domain/decisions.ts';
import { securityLevels, turnedAwayReasons } from '../domain/shelters.ts';
import type { SecurityLevel as Level } from '../domain/shelters.ts';
import { defineContract } from './contract.ts';
import { int32, version } from './input.ts';

/**
 * Providers (utförare) and skyddat boende: the registry the administrator keeps, and the place
 * search a handläggare runs on a case (core/domain/shelters.ts). The registry holds no personal
 * data; the search and the turned-away record are acts on a case and audited with it.
 */

/** A skyddsnivå in an answer. */
const SecurityLevel = z.literal([...securityLevels]);
/** A skyddsnivå in a request: an int4 like every number sent (core/contracts/input.ts). */
const SecurityLevelInput = int32({ min: securityLevels[0], max: securityLevels.at(-1) }).transform(
  (level) => level as Level,
);

/** What a skyddat boende can take. */
export const ShelterFields = z.strictObject({
  places: int32({ min: 0, max: 1000 }),
  securityLevel: SecurityLevelInput,
  takesChildren: z.boolean(),
  takesTeenageBoys: z.boolean(),
  takesPets: z.boolean(),
  wheelchairAccessible: z.boolean(),
  languages: z
    .array(z.string().trim().min(1, 'Ett språk kan inte vara tomt.').max(60))
    .max(20, 'Ange högst 20 språk.'),
});
export type ShelterFields = z.infer<typeof ShelterFields>;

export const providerKinds = ['in_house', 'external'] as const;

const providerFieldsShape = {
  name: z.string().trim().min(1, 'Fyll i utförarens namn.').max(200),
  kind: z.enum(providerKinds),
  /** The Värn unit its staff work in (kind 'provider'); null for one sent uppdrag as documents. */
  unitId: z.uuid().nullable(),
  contact: z.string().trim().max(500).nullable(),
  active: z.boolean(),
  interventions: z
    .array(z.enum(interventions))
    .min(1, 'Välj minst en insats som utföraren utför.')
    .max(interventions.length),
  /** Set exactly when the provider carries out skyddat boende. */
  shelter: ShelterFields.nullable(),
};

/** The rules between the fields, the same on the server and in the form. */
function refineProvider(
  body: { interventions: readonly string[]; shelter: ShelterFields | null },
  ctx: z.RefinementCtx,
) {
  const isShelter = body.interventions.includes('shelter');
  if (isShelter && !body.shelter) {
    ctx.addIssue({
      code: 'custom',
      path: ['shelter'],
      message: 'Ett skyddat boende behöver platser, skyddsnivå och vad det kan ta emot.',
    });
  }
  if (!isShelter && body.shelter) {
    ctx.addIssue({
      code: 'custom',
      path: ['shelter'],
      message: 'Bara en utförare av skyddat boende har platser.',
    });
  }
  if (body.shelter?.takesTeenageBoys && !body.shelter.takesChildren) {
    ctx.addIssue({
      code: 'custom',
      path: ['shelter', 'takesTeenageBoys'],
      message: 'Ett boende som tar emot tonårspojkar tar emot barn.',
    });
  }
  if (new Set(body.interventions).size !== body.interventions.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['interventions'],
      message: 'Välj varje insats en gång.',
    });
  }
}

export const ProviderFields = z.strictObject(providerFieldsShape).superRefine(refineProvider);
export type ProviderFields = z.infer<typeof ProviderFields>;

export const Occupancy = z.object({ places: z.number(), running: z.number(), free: z.number() });

export const ProviderView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(providerKinds),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
  interventions: z.array(z.enum(interventions)),
  shelter: ShelterFields.extend({ securityLevel: SecurityLevel }).nullable(),
  /** A shelter's places now: from its running uppdrag, never stored. */
  occupancy: Occupancy.nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type ProviderView = z.infer<typeof ProviderView>;

const providerParams = z.strictObject({ providerId: z.uuid() });

export const listProviders = defineContract({
  method: 'GET',
  path: '/api/admin/providers',
  response: z.object({ items: z.array(ProviderView) }),
});

export const createProvider = defineContract({
  method: 'POST',
  path: '/api/admin/providers',
  body: ProviderFields,
  response: ProviderView,
  successStatus: 201,
});

/** A new version of the provider: a stale `version` is a 409, and every version is kept. */
export const updateProvider = defineContract({
  method: 'PUT',
  path: '/api/admin/providers/:providerId',
  params: providerParams,
  body: z.strictObject({ ...providerFieldsShape, version: version() }).superRefine(refineProvider),
  response: ProviderView,
});

/**
 * The providers a beslut may name as its place, for the beslut form of a case: the active ones
 * and the insatser they carry out. Names only, no occupancy, no personal data.
 */
export const listActiveProviders = defineContract({
  method: 'GET',
  path: '/api/providers',
  response: z.object({
    items: z.array(
      z.object({ id: z.uuid(), name: z.string(), interventions: z.array(z.enum(interventions)) }),
    ),
  }),
});

const caseParams = z.strictObject({ caseId: z.uuid() });

const needsShape = {
  children: int32({ min: 0, max: 20 }),
  teenageBoy: z.boolean(),
  pets: z.boolean(),
  wheelchair: z.boolean(),
  language: z.string().trim().max(60, 'Skriv högst 60 tecken.').nullable(),
  minSecurityLevel: SecurityLevelInput,
};

/** What the person needs of a place (core/domain/shelters.ts PlaceNeeds). */
export const PlaceNeeds = z.strictObject(needsShape).superRefine((n, ctx) => {
  if (n.teenageBoy && n.children === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['teenageBoy'],
      message: 'En tonårspojke som följer med räknas bland barnen. Ange antal barn.',
    });
  }
});
export type PlaceNeeds = z.infer<typeof PlaceNeeds>;

export const ShelterHit = z.object({
  providerId: z.uuid(),
  name: z.string(),
  contact: z.string().nullable(),
  securityLevel: SecurityLevel,
  places: z.number(),
  free: z.number(),
  takesChildren: z.boolean(),
  takesTeenageBoys: z.boolean(),
  takesPets: z.boolean(),
  wheelchairAccessible: z.boolean(),
  languages: z.array(z.string()),
});
export type ShelterHit = z.infer<typeof ShelterHit>;

/**
 * The place search on a case: the active shelters that fit the needs with a free place now (the
 * lowest sufficient security level first), and those that fit but are full.
 */
export const searchShelters = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/shelter-search',
  // A search: its needs tell about the person, so not in a URL; sent again, it counts anew.
  readsOnly: true,
  params: caseParams,
  body: PlaceNeeds,
  response: z.object({
    available: z.array(ShelterHit),
    full: z.array(ShelterHit),
    /** What to record if no place can be arranged. */
    suggestedReason: z.enum(turnedAwayReasons),
  }),
});

export const TurnedAway = z.object({
  id: z.uuid(),
  reason: z.enum(turnedAwayReasons),
  needs: z.object({ ...needsShape, minSecurityLevel: SecurityLevel }),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type TurnedAway = z.infer<typeof TurnedAway>;

/** "Ingen plats kunde ordnas": the request, its reason and what was needed. Append-only. */
export const recordTurnedAway = defineContract({
  method: 'POST',
  path: '/api/cases/:caseId/turned-away',
  params: caseParams,
  body: z
    .strictObject({
      reason: z.enum(turnedAwayReasons),
      needs: PlaceNeeds,
      note: z.string().trim().max(2000, 'Skriv högst 2000 tecken.').nullable(),
    })
    .superRefine((b, ctx) => {
      if (b.reason === 'other' && !b.note) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'Skriv vilket skälet var.' });
      }
    }),
  response: z.object({ id: z.uuid() }),
  successStatus: 201,
});

/** How many requests for a place the unit could not meet, per reason: for its manager. */
export const countTurnedAway = defineContract({
  method: 'GET',
  path: '/api/units/:unitId/turned-away',
  params: z.strictObject({ unitId: z.uuid() }),
  response: z.object({
    total: z.number(),
    byReason: z.object(
      Object.fromEntries(turnedAwayReasons.map((r) => [r, z.number()])) as Record<
        (typeof turnedAwayReasons)[number],
        z.ZodNumber
      >,
    ),
  }),
});

/** The requests for a place on the case that could not be met, oldest first. */
export const listTurnedAway = defineContract({
  method: 'GET',
  path: '/api/cases/:caseId/turned-away',
  params: caseParams,
  response: z.object({ items: z.array(TurnedAway) }),
});
