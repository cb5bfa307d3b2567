import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { getAppInfo, getHealth, getReady } from '../../../core/contracts/system.ts';
import type { Db } from '../../db/database.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { addRoute } from '../../http/route.ts';
import { RETRY_AFTER_SECONDS } from '../../plugins/error-handler.ts';

export function systemRoutes(
  app: FastifyInstance,
  deps: { db: Db; demo: boolean; version: string },
) {
  addRoute(app, getHealth, () => ({ status: 'ok' as const }));

  addRoute(app, getReady, async (_input, _request, reply) => {
    const database = await sql`select 1`
      .execute(deps.db)
      .then(() => true)
      .catch(() => false);
    const migrations = database
      ? await pendingMigrations(deps.db)
          .then((pending) => pending.length === 0)
          .catch(() => false)
      : false;
    const ready = database && migrations;
    // A load balancer or supervisor polls this; while the database is away it says when to ask
    // again, like every other 503. Each call asks the database afresh, so it recovers by itself.
    if (!ready) reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    return {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      checks: [
        { name: 'database' as const, ok: database },
        { name: 'migrations' as const, ok: migrations },
      ],
    };
  });

  addRoute(app, getAppInfo, () => ({
    name: 'Värn' as const,
    version: deps.version,
    demo: deps.demo,
  }));
}
