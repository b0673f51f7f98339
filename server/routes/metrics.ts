// GET /metrics for Prometheus: only when METRICS_TOKEN is set, and then only
// with `Authorization: Bearer <METRICS_TOKEN>`; otherwise 404, as for no route.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { Refusal } from '../errors';
import type { AppEnv } from '../http/env';
import type { ServerMetrics } from '../http/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsRoutes(metrics: ServerMetrics, token: string | undefined) {
  const app = new Hono<AppEnv>();
  app.all('/', async (c) => {
    if (!token || c.req.method !== 'GET') throw new Refusal(404, 'not_found', `No route ${c.req.method} ${c.req.path}`);
    // Compared as digests: equal lengths, and no timing tells how much of the token matched.
    if (!timingSafeEqual(digest(c.req.header('Authorization') ?? ''), digest(`Bearer ${token}`))) {
      throw new Refusal(401, 'unauthorized', 'The metrics need the METRICS_TOKEN as a bearer token', { 'WWW-Authenticate': 'Bearer' });
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
