import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { configureValidation } from '../core/contracts/configure.ts';
import type { AppConfig } from './config.ts';
import type { Db, Engine } from './db/database.ts';
import { accessLogRoutes } from './features/access-log/access-log.routes.ts';
import { adminRoutes } from './features/admin/admin.routes.ts';
import { consentRoutes } from './features/consents/consents.routes.ts';
import { partnerContactRoutes } from './features/partner-contact/partner-contact.routes.ts';
import { meetingRoutes } from './features/coordination-meetings/meetings.routes.ts';
import { planRoutes } from './features/coordinated-plans/plans.routes.ts';
import { agencyDisclosureRoutes } from './features/agency-disclosures/agency-disclosures.routes.ts';
import { certificateRoutes } from './features/certificates/certificates.routes.ts';
import { fileRequestRoutes } from './features/file-requests/file-requests.routes.ts';
import { transferRoutes } from './features/case-documents/transfers.routes.ts';
import { transferImportRoutes } from './features/cases/transfer-import.routes.ts';
import { adviceSessionRoutes } from './features/advice-sessions/advice-sessions.routes.ts';
import { commissionRoutes } from './features/commissions/commissions.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { casesRoutes } from './features/cases/cases.routes.ts';
import { familyRoutes } from './features/family/family.routes.ts';
import { followUpRoutes } from './features/follow-ups/follow-ups.routes.ts';
import { counterpartRoutes } from './features/counterparts/counterparts.routes.ts';
import { caseDocumentRoutes } from './features/case-documents/case-documents.routes.ts';
import { journalRoutes } from './features/case-documents/journal.routes.ts';
import { noticesRoutes } from './features/notices/notices.routes.ts';
import { riskRoutes } from './features/risk/risk.routes.ts';
import { personsRoutes } from './features/persons/persons.routes.ts';
import { providerRoutes } from './features/providers/providers.routes.ts';
import { safetySignalRoutes } from './features/safety-signals/safety-signals.routes.ts';
import { systemRoutes } from './features/system/system.routes.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { requestAware } from './db/request-transaction.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { REFUSAL_WINDOW_MS, RefusalLimiter, createRefusalRecorder } from './audit/refusals.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerSessions } from './plugins/session.ts';
import { registerWeb } from './plugins/web.ts';

export interface AppDeps {
  config: AppConfig;
  db: Db;
  engine: Engine;
  logger: FastifyBaseLogger;
  /** Directory of the built web client; omitted in API-only tests. */
  webRoot?: string | undefined;
  version?: string;
  /** The time, injectable so tests can move it (session expiry, deadlines). */
  clock?: () => Date;
}

/** Largest request body accepted. Journal text fits many times over; files come another way. */
const BODY_LIMIT_BYTES = 512 * 1024;

/** API answers at least this large are compressed. */
export const COMPRESS_THRESHOLD_BYTES = 2048;

/**
 * Builds the whole application from its dependencies, without listening. Tests call it with an
 * in-memory database and `app.inject()` or a real port; main.ts calls it with the configured one.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  configureValidation({ jitless: false });

  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Trust X-Forwarded-* from exactly as many proxy hops as configured, and no more.
    trustProxy: (_address: string, hop: number) => hop < deps.config.trustedProxies,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON comes in: a form post or plain text is refused with 415 rather than half-parsed.
  app.removeContentTypeParser(['text/plain']);

  const clock = deps.clock ?? (() => new Date());
  app.decorate('clock', clock);
  // Everything in the app reaches the database through this one handle, so that a request
  // running in one transaction (an idempotent write) has all its statements in it.
  const db = requestAware(deps.db);
  const limiter = new RefusalLimiter(deps.config.refusalRowsPerMinute, REFUSAL_WINDOW_MS);
  registerErrorHandler(app, { onRefusal: createRefusalRecorder({ db, clock, limiter }), db });
  // API answers above a couple of kilobytes (a case page, a list) go compressed; smaller ones
  // would gain less than the work. The web client's files come precompressed (plugins/web.ts).
  // Why this is safe from BREACH: docs/SECURITY.md. The answers that carry the CSRF token (the
  // session, under /api/auth) never go compressed, whatever their size; this hook runs before
  // the plugin's own, which honours `compress: false`.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/auth/')) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
  });
  registerInputGuard(app);
  await registerSecurityHeaders(app, { hsts: deps.config.secureCookies });
  await registerSessions(app, { db, config: deps.config, clock });
  registerIdempotency(app, { db, clock, secretKey: deps.config.secretKey });

  systemRoutes(app, { db, demo: deps.config.demoData, version: deps.version ?? '0.0.0' });
  const features = { db, config: deps.config, clock };
  authRoutes(app, features);
  personsRoutes(app, features);
  casesRoutes(app, features);
  familyRoutes(app, features);
  journalRoutes(app, features);
  caseDocumentRoutes(app, features);
  riskRoutes(app, features);
  adviceSessionRoutes(app, features);
  followUpRoutes(app, features);
  counterpartRoutes(app, features);
  consentRoutes(app, features);
  partnerContactRoutes(app, features);
  meetingRoutes(app, features);
  planRoutes(app, features);
  agencyDisclosureRoutes(app, features);
  certificateRoutes(app, features);
  fileRequestRoutes(app, features);
  transferRoutes(app, features);
  transferImportRoutes(app, features);
  commissionRoutes(app, features);
  accessLogRoutes(app, features);
  adminRoutes(app, features);
  noticesRoutes(app, features);
  providerRoutes(app, features);
  safetySignalRoutes(app, features);

  await registerWeb(app, deps.webRoot);
  return app;
}
