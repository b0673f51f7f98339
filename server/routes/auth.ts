// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { Hono } from 'hono';
import { loginRequestSchema, type MeResponse } from '../../protocol/auth';
import { verifyPassword } from '../auth/password';
import { issueSession, sessionUser } from '../auth/sessions';
import { requireSession } from '../auth/session';
import { Refusal } from '../errors';
import { readJson } from '../http/body';
import { clientAddress } from '../http/client-address';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(SMALL_BODY_BYTES));

  app.post('/login', async (c) => {
    const { email, password } = await readJson(c, loginRequestSchema);
    const now = deps.now();
    const address = clientAddress(c, deps.config.trustProxy);
    const attempt = await deps.logins.begin(email, address, now);
    const user = await deps.store.findUserByEmail(email);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await deps.dummyPasswordHash));
    if (!user || !matches) {
      await attempt.failed();
      throw new Refusal(401, 'invalid_credentials', 'Wrong email or password');
    }
    await attempt.succeeded();
    if (!user.active) throw new Refusal(403, 'account_disabled', 'This account is deactivated; ask your coordinator');
    const organisation = await deps.store.findOrganisation(user.orgId);
    if (!organisation) throw new Error(`User ${user.id} has no organisation`);
    return c.json(await issueSession(deps.store, user, organisation, now));
  });

  app.post('/logout', requireSession(deps), async (c) => {
    await deps.store.revokeToken(c.get('session').tokenHash, deps.now());
    return c.json({ ok: true as const });
  });

  app.get('/me', requireSession(deps), (c) => {
    const { user, organisation } = c.get('session');
    const body: MeResponse = { user: sessionUser(user), organisation: { id: organisation.id, name: organisation.name } };
    return c.json(body);
  });

  return app;
}
