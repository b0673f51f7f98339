// SIGTERM while a push is on its way: the server takes no new connection,
// still reads, applies and answers the push, closes the database and exits 0
// well within 10 s; started again on the same data it holds the push. The
// real server process, on SQLite and on PostgreSQL.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { pushResponseSchema, type Mutation } from '../../protocol';
import { pullEverything } from '../support/http-pull';
import { makeServerData, setupTokenOf, startServerProcess, statusOf, type ServerData, type ServerProcess } from '../../testing/server';
import { communityFields, needFields } from '../../testing/fixtures';
import { TestDevice } from './support/device';

const targets: ['sqlite' | 'postgres', string | undefined][] = [['sqlite', undefined]];
if (process.env.TEST_POSTGRES_URL) targets.push(['postgres', process.env.TEST_POSTGRES_URL]);

async function signUp(server: ServerProcess): Promise<string> {
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: setupTokenOf(await server.setupLink()), organisation: 'Apturēšana', name: 'Dace', email: 'dace@example.lv', password: 'koordinatore-2026' }),
  });
  expect(setup.status).toBe(201);
  return v.parse(v.object({ token: v.string() }), await setup.json()).token;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > timeoutMs) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Sends a push's headers with `Expect: 100-continue`; once the server has
 * taken the request in (its 100 Continue), calls `meanwhile`, then sends the body.
 */
function pushAfter(url: string, token: string, body: string, meanwhile: () => Promise<void>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/sync/push`, {
      method: 'POST', agent: false,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Expect: '100-continue' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('continue', () => {
      meanwhile().then(() => req.end(body), reject);
    });
  });
}

describe.each(targets)('SIGTERM during a push on %s', (kind, postgresUrl) => {
  let data: ServerData | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.kill();
    await data?.remove();
  });

  it('answers and applies the push, refuses new connections, exits 0', async () => {
    data = await makeServerData(kind, { postgresUrl });
    server = await startServerProcess(data);
    const running = server;
    const token = await signUp(running);
    const device = new TestDevice(`tablet-stop-${kind}`, () => Date.now(), token);
    const communityId = device.create('communities', communityFields());
    for (let i = 0; i < 200; i++) device.create('needs', needFields(communityId, { title: `Vajadzība ${i}` }));
    const mutations: Mutation[] = device.outbox;

    const exited = new Promise<{ code: number | null; at: number }>((resolve) => running.child.once('exit', (code) => resolve({ code, at: Date.now() })));
    let signalledAt = 0;
    let refusedMeanwhile: number | null | undefined;
    const reply = await pushAfter(running.url, token, JSON.stringify({ protocol: 1, deviceId: device.deviceId, mutations }), async () => {
      signalledAt = Date.now();
      running.child.kill('SIGTERM');
      await waitFor(() => running.output().includes('SIGTERM: finishing requests in flight'), 'the server to take the signal');
      refusedMeanwhile = await statusOf(`${running.url}/api/health`);
    });

    expect(refusedMeanwhile, 'a new connection while stopping').toBeNull();
    expect(reply.status).toBe(200);
    const answer = v.parse(pushResponseSchema, JSON.parse(reply.body));
    expect(answer.rejected).toEqual([]);
    expect(answer.acked).toEqual(mutations.map((mutation) => mutation.id));

    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(running.output()).toContain('Stopped');

    server = await startServerProcess(data);
    const held = new Set((await pullEverything(server.url, token)).map((change) => change.recordId));
    expect(mutations.filter((mutation) => !held.has(mutation.recordId))).toEqual([]);
  }, 60_000);
});
