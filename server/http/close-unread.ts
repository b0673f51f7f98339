// An answer given before the request's body was read (a 413 from the size
// limit, a 415, a 401 ahead of an upload) says `Connection: close`.
// @hono/node-server discards the unread rest for a moment and then drops the
// connection, so a client that kept it alive would send its next request into
// a closed socket; told to close, it opens a new connection instead.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

export function closeIfBodyUnread(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    // c.env is undefined under app.request() without an environment: no socket to close.
    const env: Partial<AppEnv['Bindings']> | undefined = c.env;
    const incoming = env?.incoming;
    if (incoming && !incoming.complete) c.res.headers.set('Connection', 'close');
  };
}
