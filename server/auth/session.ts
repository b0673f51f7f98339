// Bearer-token authentication and role checks, as Hono middleware.
import { createMiddleware } from 'hono/factory';
import { Refusal } from '../errors';
import type { AppDeps, AppEnv } from '../http/env';
import { bearerToken, hashToken, TOKEN_LIFETIME_MS, TOKEN_TOUCH_INTERVAL_MS } from './tokens';

/** 401 unless the request carries a live token of an active user. */
export function requireSession(deps: Pick<AppDeps, 'store' | 'now'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw new Refusal(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token>');
    const tokenHash = hashToken(token);
    const found = await deps.store.findSession(tokenHash);
    const now = deps.now();
    if (!found || found.token.revokedAt !== null || !found.user.active) {
      throw new Refusal(401, 'invalid_token', 'This session has ended; sign in again');
    }
    if (now - found.token.lastUsedAt > TOKEN_LIFETIME_MS) {
      throw new Refusal(401, 'invalid_token', 'This session expired after 180 days unused; sign in again');
    }
    if (now - found.token.lastUsedAt > TOKEN_TOUCH_INTERVAL_MS) await deps.store.touchToken(tokenHash, now);
    c.set('session', { user: found.user, organisation: found.organisation, tokenHash });
    await next();
  });
}

/** 403 unless the signed-in user is a coordinator (use after requireSession). */
export const requireCoordinator = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('session').user.role !== 'coordinator') {
    throw new Refusal(403, 'forbidden', 'Only a coordinator may do this');
  }
  await next();
});
