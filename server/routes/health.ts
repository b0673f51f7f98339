import { Hono } from 'hono';
import type { HealthResponse } from '../../protocol/auth';
import { PROTOCOL_VERSION } from '../../protocol/messages';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';

export function healthRoutes(deps: Pick<AppDeps, 'store'>) {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(SMALL_BODY_BYTES));
  app.get('/', async (c) => {
    await deps.store.readHead(); // answers only when the database does
    const body: HealthResponse = { ok: true, protocol: PROTOCOL_VERSION, db: deps.store.kind };
    return c.json(body);
  });
  return app;
}
