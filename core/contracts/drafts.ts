import { z } from 'zod';
import { defineContract } from './contract.ts';

/**
 * A writer's unsaved text of a long form (a journal entry, an utredning section, a safety plan, a
 * correction), autosaved on the server so that a closed tab, a locked phone or a lost version
 * conflict loses nothing. Every form's draft has the same three endpoints at `<record>/draft`:
 * PUT saves it (a PUT, so it can be sent while the page goes away), GET reads it, DELETE throws it
 * away. A draft is its writer's own: nobody else reads it, and saving the record deletes it.
 */

export const DraftSaved = z.object({ savedAt: z.iso.datetime() });

/** The three endpoints of one form's draft; `draft` is the form's half-written fields. */
export function draftContracts<
  const Path extends `/${string}`,
  Params extends z.ZodType,
  Draft extends z.ZodType,
>(path: Path, params: Params, draft: Draft) {
  return {
    save: defineContract({
      method: 'PUT',
      path,
      params,
      body: z.strictObject({ draft }),
      response: DraftSaved,
    }),
    get: defineContract({
      method: 'GET',
      path,
      params,
      response: z.object({ draft: draft.nullable(), savedAt: z.iso.datetime().nullable() }),
    }),
    discard: defineContract({
      method: 'DELETE',
      path,
      params,
      response: z.object({ discarded: z.boolean() }),
    }),
  };
}
