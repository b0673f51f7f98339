// POST /api/sync/push and GET /api/sync/pull (docs/protocol.md); the algorithms are in server/sync/.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { MAX_PUSH_BYTES, PROTOCOL_VERSION, PUSH_PROTOCOLS, pushRequestSchema, type AckStyle } from '../../protocol/messages';
import { uuidv7 } from '../../protocol/ids';
import { requireSession } from '../auth/session';
import { Refusal } from '../errors';
import { readMaybeGzippedJson, refuseUnsafeJsonExcept, summariseIssues } from '../http/body';
import type { AppDeps, AppEnv } from '../http/env';
import { jsonReply, jsonText } from '../http/json-reply';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';
import { applyPush, type PushBatch } from '../sync/push';
import { decodeCursor } from '../sync/cursor';
import { parseShape, readPull, renderPullBody, renderPullColumns } from '../sync/pull';

/** The body as a push, or 400: unsupported_protocol for another protocol's push, bad_request for anything else. */
export function parsePushBody(body: unknown): PushBatch & { acks?: AckStyle } {
  const result = v.safeParse(pushRequestSchema, body);
  if (result.success) return result.output;
  const spoken: readonly unknown[] = PUSH_PROTOCOLS;
  if (typeof body === 'object' && body !== null && 'protocol' in body && !spoken.includes(body.protocol)) {
    throw new Refusal(400, 'unsupported_protocol', `This server speaks sync protocol ${PROTOCOL_VERSION}; update the app`);
  }
  throw new Refusal(400, 'bad_request', `Not a push: ${summariseIssues(result.issues)}`);
}

export function syncRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const newId = () => uuidv7(deps.now(), (length) => new Uint8Array(randomBytes(length)));

  app.post('/push', requireSession(deps), limitBody(MAX_PUSH_BYTES), async (c) => {
    const batch = parsePushBody(refuseUnsafeJsonExcept(await readMaybeGzippedJson(c, MAX_PUSH_BYTES), 'mutations'));
    const sinceText = c.req.query('since');
    const since = sinceText ? decodeCursor(sinceText) : null;
    if (sinceText && !since) throw new Refusal(400, 'bad_cursor', 'since is not a cursor this server gave out');
    const reply = await applyPush({ ...deps, newId, observe: (counts) => deps.metrics.pushCommitted(counts) }, c.get('session'), { ...batch, since });
    return jsonReply(c, batch.acks === 'short' ? { ...reply, acked: 'rest' } : reply);
  });

  app.get('/pull', requireSession(deps), limitBody(SMALL_BODY_BYTES), async (c) => {
    const shape = parseShape(c.req.query('shape'));
    const page = await readPull(deps.store, c.get('session'), {
      since: c.req.query('since'),
      limit: c.req.query('limit'),
      protocol: c.req.query('protocol'),
    });
    return jsonText(c, shape === 'columns' ? renderPullColumns(page) : renderPullBody(page));
  });

  return app;
}
