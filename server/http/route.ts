import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type {
  BodyOf,
  Contract,
  ParamsOf,
  QueryOf,
  ResponseOf,
} from '../../core/contracts/contract.ts';
import { requestContext } from './action-context.ts';
import type { ActionContext } from './action-context.ts';
import { answerOnce } from './idempotency.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock (AppDeps.clock): every act's `now` comes from it. */
    clock: () => Date;
  }
}

export interface RouteInput<C extends Contract> {
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
}

export type RouteHandler<C extends Contract> = (
  input: RouteInput<C>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/**
 * Registers a route from its contract: the contract's schemas validate what comes in (a 400 with
 * field messages when they fail) and shape what goes out (fields not in the response schema are
 * dropped, so a repository returning too much cannot leak it). A write sent with an
 * Idempotency-Key is done once (idempotency.ts).
 */
export function addRoute<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: RouteHandler<C>,
) {
  const schema: FastifySchema = { response: { '2xx': contract.response } };
  if (contract.params) schema.params = contract.params;
  if (contract.query) schema.querystring = contract.query;
  if (contract.body) schema.body = contract.body;

  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    schema,
    ...(contract.bodyLimit ? { bodyLimit: contract.bodyLimit } : {}),
    handler: async (request, reply) => {
      reply.code(contract.successStatus ?? 200);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
      } as RouteInput<C>;
      const run = async () => handler(input, request, reply);
      return contract.readsOnly ? run() : answerOnce(request, reply, run);
    },
  });
}

/**
 * A route for an act of the logged-in user: the handler gets the act's context (who, when, what
 * the audit rows carry), built once here, and never the HTTP request, so the service it calls
 * runs the same for a job. No logged-in user: 401, or 403 while the login is incomplete.
 */
export function addAction<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: (input: RouteInput<C>, ctx: ActionContext) => Promise<ResponseOf<C>> | ResponseOf<C>,
) {
  addRoute(app, contract, (input, request) => handler(input, requestContext(request, app.clock)));
}

/** How a GET answering with a file sends it; never cached. */
function addBinaryRoute<P extends z.ZodType>(
  app: FastifyInstance,
  path: string,
  params: P,
  handler: (params: z.infer<P>, ctx: ActionContext) => Promise<Record<string, string | Buffer>>,
  headers: Record<string, string>,
) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: path,
    schema: { params },
    handler: async (request, reply) => {
      const { body, ...extra } = await handler(
        request.params as z.infer<P>,
        requestContext(request, app.clock),
      );
      return reply.headers({ ...headers, ...extra, 'cache-control': 'no-store' }).send(body);
    },
  });
}

/**
 * A GET that answers with a document Värn made (application/pdf) rather than JSON. The
 * parameters are validated like any route's; the file name carries no personal data.
 */
export function addDocumentRoute<P extends z.ZodType>(
  app: FastifyInstance,
  path: string,
  params: P,
  handler: (params: z.infer<P>, ctx: ActionContext) => Promise<{ filename: string; pdf: Buffer }>,
) {
  addBinaryRoute(
    app,
    path,
    params,
    async (p, ctx) => {
      const { filename, pdf } = await handler(p, ctx);
      return { body: pdf, 'content-disposition': `inline; filename="${filename}"` };
    },
    { 'content-type': 'application/pdf' },
  );
}

/**
 * A GET that answers with a file a person attached (a signed consent): downloaded, never shown
 * in Värn's origin, and sandboxed should a browser open it anyway, since its bytes are not ours.
 * The media type is the one the server recognised when the file came in.
 */
export function addAttachedFileRoute<P extends z.ZodType>(
  app: FastifyInstance,
  path: string,
  params: P,
  handler: (
    params: z.infer<P>,
    ctx: ActionContext,
  ) => Promise<{ filename: string; mediaType: string; content: Buffer }>,
) {
  addBinaryRoute(
    app,
    path,
    params,
    async (p, ctx) => {
      const { filename, mediaType, content } = await handler(p, ctx);
      return {
        body: content,
        'content-type': mediaType,
        'content-disposition': `attachment; filename="${filename}"`,
      };
    },
    {
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
    },
  );
}
