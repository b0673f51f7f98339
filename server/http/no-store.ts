// Every /api reply holds personal data or session state, so no cache keeps
// it: `Cache-Control: no-store`, set after the route so errors get it too. A
// route may choose a private cache instead (photos, named by their hash), but
// never one a proxy shares.
import type { MiddlewareHandler } from 'hono';

export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const chosen = c.res.headers.get('Cache-Control') ?? '';
    if (!/(^|,)\s*private\s*(,|$)/i.test(chosen)) c.res.headers.set('Cache-Control', 'no-store');
  };
}
