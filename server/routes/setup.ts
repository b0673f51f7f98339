// GET /api/setup/status, POST /api/setup: the first coordinator, through the printed one-time link.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { setupRequestSchema, type SetupStatusResponse } from '../../protocol/auth';
import { hashPassword } from '../auth/password';
import { issueSession } from '../auth/sessions';
import { hashToken, SETUP_TOKEN_LIFETIME_MS } from '../auth/tokens';
import { Refusal } from '../errors';
import { readJson } from '../http/body';
import { clientAddress } from '../http/client-address';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';
import type { OrganisationRow, UserRow } from '../store/store';

/** Guesses of the setup link are limited like sign-ins, under a name no email can have. */
const SETUP_LINK_ACCOUNT = 'setup link';

export function setupRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(SMALL_BODY_BYTES));

  app.get('/status', async (c) => {
    const body: SetupStatusResponse = { needed: (await deps.store.countUsers()) === 0 };
    return c.json(body);
  });

  app.post('/', async (c) => {
    const request = await readJson(c, setupRequestSchema);
    const now = deps.now();
    const address = clientAddress(c, deps.config.trustProxy);
    const attempt = await deps.logins.begin(SETUP_LINK_ACCOUNT, address, now);

    const organisation: OrganisationRow = { id: randomUUID(), name: request.organisation, createdAt: now };
    const user: UserRow = {
      id: randomUUID(),
      orgId: organisation.id,
      email: request.email,
      name: request.name,
      role: 'coordinator',
      passwordHash: await hashPassword(request.password, deps.passwordCost),
      active: true,
      createdAt: now,
    };
    const outcome = await deps.store.completeSetup({
      tokenHash: hashToken(request.token), notBefore: now - SETUP_TOKEN_LIFETIME_MS, now, organisation, user,
    });
    await (outcome === 'invalid_token' ? attempt.failed() : attempt.succeeded());
    switch (outcome) {
      case 'created':
        return c.json(await issueSession(deps.store, user, organisation, now), 201);
      case 'already_set_up':
        throw new Refusal(409, 'already_set_up', 'This server has its first coordinator already; sign in instead');
      case 'organisation_taken':
        throw new Refusal(409, 'organisation_taken', 'An organisation with this name exists already');
      case 'email_taken':
        throw new Refusal(409, 'email_taken', 'A user with this email exists already');
      case 'invalid_token':
        throw new Refusal(403, 'invalid_setup_token', 'This setup link is wrong, used or older than 24 hours; restart the server or run `npm run admin -- setup-link` for a new one');
    }
  });

  return app;
}
