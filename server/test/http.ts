import type { ActorName, World } from './world.ts';

/**
 * Requests over real HTTP to a listening test app, as one of the world's actors (its session
 * cookie and CSRF token): the status, headers, bytes and text, the correlation id, and the JSON
 * when wanted.
 */
export function httpAs(base: () => string, world: () => World, defaultActor: ActorName) {
  return async function send(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: object,
    as: ActorName = defaultActor,
  ) {
    const headers: Record<string, string> = { ...world().sessions[as].headers };
    if (body) headers['content-type'] = 'application/json';
    const res = await fetch(`${base()}${url}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    return {
      status: res.status,
      headers: res.headers,
      bytes,
      text,
      correlationId: res.headers.get('x-correlation-id') ?? '',
      json: (): unknown => JSON.parse(text),
    };
  };
}
