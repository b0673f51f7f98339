// Faults between the app and the server (docs/quality-bars.md, Reliability):
// the real sync engine (TalkaDatabase on fake-indexeddb, Notebook, SyncEngine,
// HttpTransport) talks to the real server (createApp on @hono/node-server, on
// SQLite) through a proxy that drops, delays, cuts and garbles. Every case ends,
// after the engine's retries, with the server holding each change exactly once
// and the device's outbox empty.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpTransport } from '../../src/sync/http-transport';
import { communityFields, needFields, participantFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { makeEngineDevice, type EngineDevice } from './support/engine-device';
import { FaultProxy, type Fault, type ProxiedRequest } from './support/fault-proxy';
import { pullEverything } from '../support/http-pull';
import { createLiveOrganisation, signIn, startLiveServer, type LiveServer } from './support/live-server';

/** The client's request timeout in these tests: short, so the cases that outlast it stay quick. */
const TIMEOUT_MS = 2500;
const BATCH = 8;
/** The batch the fault hits: the second, so one batch is in before it and some after. */
const FAULTED_PUSH = 1;

const sqlite = backends()[0]!;

let server: LiveServer;
let orgCount = 0;
const opened: { device: EngineDevice; proxy: FaultProxy }[] = [];
/** What the server logged as unexpected: a fault on the wire is never a server error. */
let serverErrors: unknown[][] = [];

beforeAll(async () => {
  server = await startLiveServer(sqlite);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  serverErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { serverErrors.push(args); });
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const { device, proxy } of opened.splice(0)) {
    await device.close();
    await proxy.stop();
  }
  expect(serverErrors.map((args) => String(args[0]))).toEqual([]);
});

interface Tablet {
  device: EngineDevice;
  proxy: FaultProxy;
  email: string;
  userId: string;
}

/** A new organisation, its coordinator signed in on a new tablet that syncs through a new proxy (or straight to the server). */
async function tablet(options: { direct?: boolean; pushBatchSize?: number; pullLimit?: number } = {}): Promise<Tablet> {
  const n = ++orgCount;
  const email = `faults-${n}@example.lv`;
  const session = await createLiveOrganisation(server, `Traucējumi ${n}`, email);
  return joinTablet(email, session.user.id, session.token, options);
}

async function joinTablet(email: string, userId: string, token: string, options: { direct?: boolean; pushBatchSize?: number; pullLimit?: number } = {}): Promise<Tablet> {
  const proxy = new FaultProxy(server.url);
  await proxy.start();
  const deviceId = `tablet-${++orgCount}`;
  const transport = new HttpTransport({ baseUrl: options.direct ? server.url : proxy.url, token: () => token, timeoutMs: TIMEOUT_MS });
  const device = makeEngineDevice({ deviceId, transport, userId, pushBatchSize: options.pushBatchSize ?? BATCH, pullLimit: options.pullLimit ?? 1000 });
  opened.push({ device, proxy });
  return { device, proxy, email, userId };
}

/** An evening's worth of work: a community, needs (some retitled, one deleted), participants. Returns the outbox ids. */
async function writeWork(device: EngineDevice): Promise<string[]> {
  const { notebook } = device;
  const communityId = await notebook.create('communities', communityFields({ name: 'Lielplatones kopiena' }));
  const needs: string[] = [];
  for (let i = 0; i < 20; i++) needs.push(await notebook.create('needs', needFields(communityId, { title: `Vajadzība ${i}: ceļš, tilts, “pēdiņas” un ğ` })));
  for (let i = 0; i < 6; i++) await notebook.create('participants', participantFields(communityId, { name: `Dalībnieks ${i}` }));
  for (const id of needs.slice(0, 5)) await notebook.update('needs', id, { title: `Precizēts ${id.slice(-4)}`, status: 'in_progress' });
  await notebook.remove('needs', needs[19]!);
  return (await device.db.outbox.toArray()).map((entry) => entry.id);
}

async function appliedIds(deviceId: string): Promise<string[]> {
  const rows = await server.store.db.selectFrom('applied_mutations').select('id').where('device_id', '=', deviceId).execute();
  return rows.map((row) => row.id).sort();
}

/**
 * The server holds each change exactly once: pulled from the start with a
 * fresh token, no record twice, every record of the device there with the
 * device's values and clocks (and nothing else), each sent mutation applied
 * once; the outbox is empty.
 */
async function expectExactlyOnce(t: Tablet, sent: readonly string[]): Promise<void> {
  expect(await t.device.db.outbox.count()).toBe(0);
  const fresh = await signIn(server.url, t.email, 'coordinator-pass');
  const changes = await pullEverything(server.url, fresh.token);
  const ids = changes.map((change) => change.recordId);
  expect(new Set(ids).size).toBe(ids.length);
  const local = await t.device.records();
  expect(changes.length).toBe(local.size);
  for (const change of changes) {
    const mine = local.get(change.recordId);
    expect(mine, `record ${change.table} ${change.recordId} on the device`).toBeDefined();
    expect({ table: change.table, values: change.fields, clocks: change.clocks }).toEqual(mine);
  }
  expect(await appliedIds(t.device.deviceId)).toEqual([...sent].sort());
}

/** Faults whose request reaches the server only after the client gave up on it. */
const committedLater = (fault: Fault) => fault.kind === 'delay' && fault.when === 'before' && fault.ms > TIMEOUT_MS;

const isPush = (request: ProxiedRequest) => request.method === 'POST' && request.path === '/api/sync/push';
const isPull = (request: ProxiedRequest) => request.method === 'GET' && request.path === '/api/sync/pull';

interface PushCase {
  name: string;
  fault: Fault;
  /** Whether the faulted push reached the server and was committed. */
  committed: boolean;
  /** Whether the client saw the attempt fail (and so had to retry). */
  fails: boolean;
}

const PUSH_CASES: PushCase[] = [
  { name: 'the response is dropped after the server committed', fault: { kind: 'drop-response' }, committed: true, fails: true },
  { name: 'a short delay before the request reaches the server', fault: { kind: 'delay', ms: 300, when: 'before' }, committed: true, fails: false },
  { name: 'the answer is held past the client\'s timeout after the commit', fault: { kind: 'delay', ms: TIMEOUT_MS + 700, when: 'after' }, committed: true, fails: true },
  { name: 'the connection is cut in the middle of the request body', fault: { kind: 'cut-request', bytes: 300 }, committed: false, fails: true },
  { name: 'the connection is cut in the middle of the response body', fault: { kind: 'cut-response', bytes: 40 }, committed: true, fails: true },
  { name: 'a proxy answers 500 with an HTML page (server never reached)', fault: { kind: 'error-page', status: 500, forward: false }, committed: false, fails: true },
  { name: 'a proxy answers 502 with an HTML page after the server committed', fault: { kind: 'error-page', status: 502, forward: true }, committed: true, fails: true },
  { name: 'a proxy answers 503 with an HTML page (server never reached)', fault: { kind: 'error-page', status: 503, forward: false }, committed: false, fails: true },
  { name: 'a captive portal answers 200 with its login page', fault: { kind: 'replace', status: 200, contentType: 'text/html', body: '<html><body><form>Wi-Fi: ievadiet kodu</form></body></html>', forward: false }, committed: false, fails: true },
  { name: 'something answers 200 with JSON that is not a push reply, after the commit', fault: { kind: 'replace', status: 200, contentType: 'application/json', body: '{"ok":true}', forward: true }, committed: true, fails: true },
  { name: 'the request is held past the client\'s timeout and reaches the server after the retry (reordered)', fault: { kind: 'delay', ms: TIMEOUT_MS + 1500, when: 'before' }, committed: false, fails: true },
  { name: 'the answer trickles in slowly but within the timeout', fault: { kind: 'trickle', chunk: 24, everyMs: 15 }, committed: true, fails: false },
  { name: 'the answer trickles so slowly that the client gives up', fault: { kind: 'trickle', chunk: 4, everyMs: 250 }, committed: true, fails: true },
];

describe('faults between the sync engine and the server (SQLite)', () => {
  it.each(PUSH_CASES)('push: $name — each change lands exactly once, the outbox empties', async ({ fault, committed, fails }) => {
    const t = await tablet();
    t.proxy.failFirst((request) => isPush(request) && request.indexOnRoute === FAULTED_PUSH, fault);
    const sent = await writeWork(t.device);
    expect(sent.length).toBeGreaterThan(3 * BATCH);

    await t.device.engine.run();
    const status = t.device.engine.getStatus();
    if (fails) {
      expect(status.lastFailure).toMatch(/^(network|server)$/);
      // What the server holds before the retry: the batches before the fault, and the faulted one if it got through.
      const before = (await appliedIds(t.device.deviceId)).length;
      expect(before).toBe((FAULTED_PUSH + (committed ? 1 : 0)) * BATCH);
      expect(await t.device.db.outbox.count()).toBe(sent.length - FAULTED_PUSH * BATCH);
      await t.device.syncUntilDone();
    } else {
      expect(status.lastFailure).toBeNull();
    }
    const faulted = t.proxy.log.filter((entry) => entry.fault === fault.kind);
    expect(faulted).toHaveLength(1);
    // A request that was late reaches the server in the end (after the retry): it must change nothing.
    await expect.poll(() => faulted[0]!.upstreamStatus === 200 || !committedLater(fault), { timeout: 10_000, interval: 50 }).toBe(true);
    await expectExactlyOnce(t, sent);
  }, 20_000);

  it('one push fails five ways in a row before it gets through; nothing lost, nothing twice', async () => {
    const t = await tablet();
    const faults: Fault[] = [
      { kind: 'drop-response' },
      { kind: 'cut-request', bytes: 100 },
      { kind: 'error-page', status: 502, forward: true },
      { kind: 'cut-response', bytes: 10 },
      { kind: 'error-page', status: 503, forward: false },
    ];
    t.proxy.setRule((request) => (isPush(request) && request.indexOnRoute >= 2 ? faults[request.indexOnRoute - 2] ?? { kind: 'pass' } : { kind: 'pass' }));
    const sent = await writeWork(t.device);
    const attempts = await t.device.syncUntilDone();
    expect(attempts).toBe(faults.length + 1);
    await expectExactlyOnce(t, sent);
  }, 20_000);

  it('a big first sync (whole batches of 1000 and gzip) whose answer is lost is replayed once', async () => {
    const t = await tablet({ pushBatchSize: 1000 });
    t.proxy.failFirst(isPush, { kind: 'drop-response' });
    const communityId = await t.device.notebook.create('communities', communityFields());
    for (let i = 0; i < 1200; i++) await t.device.notebook.create('needs', needFields(communityId, { title: `Vajadzība numur ${i}` }));
    const sent = (await t.device.db.outbox.toArray()).map((entry) => entry.id);
    expect(await t.device.syncUntilDone()).toBe(2);
    const pushes = t.proxy.log.filter(isPush);
    expect(pushes.map((entry) => [entry.fault, entry.upstreamStatus, entry.clientStatus])).toEqual([
      ['drop-response', 200, null], ['pass', 200, 200], ['pass', 200, 200],
    ]);
    await expectExactlyOnce(t, sent);
  }, 60_000);

  it('a photo upload cut mid-body stores nothing; the retry stores it once', async () => {
    const t = await tablet();
    const session = await signIn(server.url, t.email, 'coordinator-pass');
    const photo = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);
    const hash = createHash('sha256').update(photo).digest('hex');
    const put = () => fetch(`${t.proxy.url}/api/blobs/${hash}`, {
      method: 'PUT', headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'image/jpeg' }, body: photo,
    });
    t.proxy.failFirst((request) => request.method === 'PUT', { kind: 'cut-request', bytes: 100_000 });
    await expect(put()).rejects.toThrow();
    const owners = () => server.store.db.selectFrom('blob_owners').selectAll().where('sha256', '=', hash).execute();
    expect(await owners()).toEqual([]);
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    expect(await owners()).toHaveLength(1);
    const got = await fetch(`${server.url}/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${session.token}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(photo);
  });

  const PULL_FAULTS: { name: string; fault: Fault }[] = [
    { name: 'dropped', fault: { kind: 'drop-response' } },
    { name: 'cut mid-body', fault: { kind: 'cut-response', bytes: 700 } },
    { name: 'answered 502 by a proxy', fault: { kind: 'error-page', status: 502, forward: true } },
    { name: 'trickled past the timeout', fault: { kind: 'trickle', chunk: 8, everyMs: 250 } },
  ];

  it.each(PULL_FAULTS)('pull: a page $name — a second tablet resumes from its cursor and holds each record once', async ({ fault }) => {
    const writer = await tablet({ direct: true });
    const sent = await writeWork(writer.device);
    await writer.device.syncUntilDone();
    await expectExactlyOnce(writer, sent);

    const session = await signIn(server.url, writer.email, 'coordinator-pass');
    const reader = await joinTablet(writer.email, writer.userId, session.token, { pullLimit: 10 });
    reader.proxy.failFirst((request) => isPull(request) && request.indexOnRoute === 1, fault);
    await reader.device.engine.run();
    expect(reader.device.engine.getStatus().lastFailure).toMatch(/^(network|server)$/);
    // The first page stayed applied with its cursor; the retry asks for the second page again.
    expect((await reader.device.records()).size).toBe(10);
    await reader.device.syncUntilDone();
    const pulls = reader.proxy.log.filter(isPull);
    expect(pulls[1]!.fault).toBe(fault.kind);
    expect(pulls.length).toBe(1 + Math.ceil((await writer.device.records()).size / 10));
    expect(await reader.device.records()).toEqual(await writer.device.records());
  }, 20_000);
});
