import { z } from 'zod';
import { defineContract } from './contract.ts';

/** Liveness: the process answers. Says nothing about the database on purpose. */
export const getHealth = defineContract({
  method: 'GET',
  path: '/health',
  response: z.object({ status: z.literal('ok') }),
});

export const ReadyCheck = z.object({
  name: z.enum(['database', 'migrations']),
  ok: z.boolean(),
});

/** Readiness: the database answers and every migration has run. 503 when not. */
export const getReady = defineContract({
  method: 'GET',
  path: '/ready',
  response: z.object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.array(ReadyCheck),
  }),
});

/** What the web client needs to know about this installation before anyone logs in. */
export const getAppInfo = defineContract({
  method: 'GET',
  path: '/api/app-info',
  response: z.object({
    name: z.literal('Värn'),
    version: z.string(),
    /** The demo installation shows a banner: its data is fictional and must never be real. */
    demo: z.boolean(),
  }),
});
