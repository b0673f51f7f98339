// The request log (one JSON line per request, no personal data or secrets) and
// the Prometheus endpoint (off unless METRICS_TOKEN is set, then behind it).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { KyselyStore } from '../../server/store/kysely-store';
import { findSecrets } from '../../testing/log-audit';
import { makeServerData, setupTokenOf, startServerProcess } from '../../testing/server';
import { communityFields, participantFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { memoryLogger } from './support/memory-logger';
import { TestDevice } from './support/device';
import { addUserDirectly, call, createOrganisation, login, startServer, type TestServer } from './support/harness';

const PASSWORD = 'Ļoti-slepena-parole-42';
const PERSON = { name: 'Ilze Bērziņa-Ozoliņa', phone: '+371 2955 1234', email: 'ilze.berzina@pasts.lv' };

describe.each(backends())('observability on $name', (backend) => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('one JSON line per request: time, id, method, route pattern, status, duration, organisation, bytes; no token, password, name, phone or e-mail', async () => {
    const log = memoryLogger();
    server = await startServer(backend, { logger: log.logger });
    const org = await createOrganisation(server, 'Rucavas biedrība');
    await addUserDirectly(server, org.orgId, { email: 'anna@rucava.lv', name: 'Anna Kalēja', role: 'facilitator', password: PASSWORD });
    const session = await login(server, 'anna@rucava.lv', PASSWORD);
    const tablet = new TestDevice('tablet-a', () => server.time.now, session.token);
    const communityId = tablet.create('communities', communityFields());
    tablet.create('participants', participantFields(communityId, { name: PERSON.name, phone: PERSON.phone, email: PERSON.email }));
    await tablet.sync(server);
    const hash = createHash('sha256').update('nav').digest('hex');
    expect((await call(server, 'GET', `/api/blobs/${hash}`, { token: session.token })).status).toBe(404);
    expect((await call(server, 'POST', '/api/auth/login', { json: { email: 'anna@rucava.lv', password: 'nepareiza-parole' } })).status).toBe(401);

    const entries = log.entries();
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const entry of entries) {
      expect(entry).toMatchObject({ msg: 'request', method: expect.any(String), route: expect.stringMatching(/^\//), status: expect.any(Number) });
      expect(typeof entry.requestId).toBe('string');
      expect(Date.parse(String(entry.time))).not.toBeNaN();
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(entry.bytesIn).toBeGreaterThanOrEqual(0);
    }
    const routes = entries.map((entry) => [entry.method, entry.route, entry.status]);
    expect(routes).toContainEqual(['POST', '/api/auth/login', 200]);
    expect(routes).toContainEqual(['POST', '/api/auth/login', 401]);
    expect(routes).toContainEqual(['POST', '/api/sync/push', 200]);
    expect(routes).toContainEqual(['GET', '/api/sync/pull', 200]);
    // The pattern, never the hash in the path.
    expect(routes).toContainEqual(['GET', '/api/blobs/:sha256', 404]);
    expect(entries.find((entry) => entry.route === '/api/sync/push')?.orgId).toBe(org.orgId);
    expect(entries.find((entry) => entry.status === 401)?.orgId).toBeUndefined();

    const text = log.lines.join('\n');
    for (const secret of [session.token, org.coordinator.token, PASSWORD, 'nepareiza-parole', PERSON.name, PERSON.phone, PERSON.email, 'anna@rucava.lv', 'Anna Kalēja', hash]) {
      expect(text).not.toContain(secret);
    }
  });

  it('an unexpected error is logged as one JSON line with its stack, and the reply says nothing of it', async () => {
    const log = memoryLogger();
    server = await startServer(backend);
    class BrokenStore extends KyselyStore {
      override async findSession(): Promise<never> {
        throw new Error('disk on fire');
      }
    }
    const app = createApp({ store: new BrokenStore(server.store.db, server.store.kind), config: server.config, passwordCost: 10, logger: log.logger });
    // (Health answers 503 itself when the database fails; any signed-in route meets the error unexpectedly.)
    const response = await app.request('/api/auth/me?email=ilze@pasts.lv', { headers: { Authorization: `Bearer ${'a'.repeat(43)}` } });
    expect(response.status).toBe(500);
    const [error, request] = log.entries();
    expect(error).toMatchObject({ level: 50, msg: 'unexpected error', method: 'GET', route: '/api/auth/me', error: { type: 'Error', message: 'disk on fire' } });
    expect(JSON.stringify(error!.error)).toContain('findSession');
    expect(request).toMatchObject({ msg: 'request', route: '/api/auth/me', status: 500, requestId: error!.requestId });
    expect(log.lines.join('\n')).not.toContain('ilze@pasts.lv');
  });

  it('/metrics: 404 without METRICS_TOKEN; with it, 401 without the bearer token and the counters with it', async () => {
    server = await startServer(backend);
    expect((await call(server, 'GET', '/metrics')).status).toBe(404);
    await server.close();

    server = await startServer(backend, { metricsToken: 'skrapetajs-123' });
    const org = await createOrganisation(server, 'Alsungas biedrība');
    const a = new TestDevice('tablet-a', () => server.time.now, org.coordinator.token);
    const b = new TestDevice('tablet-b', () => server.time.now, org.coordinator.token);
    const communityId = a.create('communities', communityFields());
    await a.sync(server);
    await b.sync(server);
    a.update('communities', communityId, { name: 'Alsunga A' });
    b.update('communities', communityId, { name: 'Alsunga B' });
    await a.sync(server);
    await b.sync(server);
    const bytes = new Uint8Array([9, 8, 7]);
    await call(server, 'PUT', `/api/blobs/${createHash('sha256').update(bytes).digest('hex')}`, { token: org.coordinator.token, body: bytes });

    expect((await call(server, 'GET', '/metrics')).status).toBe(401);
    expect((await call(server, 'GET', '/metrics', { headers: { Authorization: 'Bearer nepareizs' } })).status).toBe(401);
    expect((await call(server, 'GET', '/metrics', { token: org.coordinator.token })).status).toBe(401);
    const reply = await call(server, 'GET', '/metrics', { headers: { Authorization: 'Bearer skrapetajs-123' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('Content-Type')).toContain('text/plain');
    const metric = (pattern: string) => Number(new RegExp(`^${pattern} (\\S+)$`, 'm').exec(reply.text)?.[1]);
    expect(metric('talka_http_requests_total\\{method="POST",route="/api/sync/push",status="200"\\}')).toBe(3);
    expect(metric('talka_http_requests_total\\{method="GET",route="/metrics",status="401"\\}')).toBe(3);
    expect(metric('talka_sync_push_duration_seconds_count')).toBe(3);
    expect(metric('talka_sync_pull_duration_seconds_count')).toBeGreaterThanOrEqual(4);
    expect(metric('talka_mutations_applied_total')).toBe(3);
    expect(metric('talka_conflicts_recorded_total')).toBe(1);
    expect(metric('talka_blobs_stored_total')).toBe(1);
    expect(metric('talka_db_pool_connections\\{state="total"\\}')).toBeGreaterThanOrEqual(1);
    expect(reply.text).toContain('talka_process_cpu_seconds_total');
  });
});

describe('the output of a real server process', () => {
  it('has JSON request lines with bytes, and no token, password or personal value: the audit every end-to-end file ends with', async () => {
    const data = await makeServerData('sqlite');
    const server = await startServerProcess(data);
    try {
      const link = await server.setupLink();
      const coordinator = { name: 'Dace Priede', email: 'dace.priede@kopienas.example', password: 'koordinatore-2026-ziema' };
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: setupTokenOf(link), organisation: 'Rojas biedrība', ...coordinator }),
      });
      const { token } = (await setup.json()) as { token: string };
      const tablet = new TestDevice('tablet-a', () => Date.now(), token);
      const communityId = tablet.create('communities', communityFields());
      tablet.create('participants', participantFields(communityId, { name: PERSON.name, phone: PERSON.phone, email: PERSON.email }));
      const push = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ protocol: 1, deviceId: tablet.deviceId, mutations: tablet.outbox }),
      });
      expect(push.status).toBe(200);
      await push.text();
      await server.stop();

      const output = server.output();
      const values = [token, setupTokenOf(link), coordinator.name, coordinator.email, coordinator.password, PERSON.name, PERSON.phone, PERSON.email];
      expect(findSecrets(output, values)).toEqual([]);
      const requests = output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(requests.find((entry) => entry.route === '/api/sync/push')).toMatchObject({ status: 200, bytesIn: expect.any(Number), bytesOut: expect.any(Number) });
      expect(Number(requests.find((entry) => entry.route === '/api/sync/push')?.bytesOut)).toBeGreaterThan(50);

      // The audit does fail: a token or a value out of place is found.
      expect(findSecrets(`${output}\nAuthorization: Bearer ${token}`, [])).toHaveLength(1);
      expect(findSecrets(`${output}\n{"msg":"${PERSON.phone}"}`, values)).toEqual([`"${PERSON.phone}"`]);
      expect(findSecrets(`${output}\nsetup ${setupTokenOf(link)} used`, [])).toContain('the setup token outside the setup link line');
    } finally {
      await server.stop();
      await data.remove();
    }
  });
});
