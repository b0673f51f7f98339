// The server killed mid-push (docs/quality-bars.md: "the server killed mid-batch leaves no
// partial batch and the retry completes"): the real server process, on SQLite
// and on PostgreSQL, gets a large push (1000 mutations, close to the 2 MiB
// limit) or several at once, and is SIGKILLed after the request was sent and
// before the answer, at several moments of its work. Restarted on the same
// data, it holds each push whole or not at all; the client's retry of the same
// push completes; nothing is there twice.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, MAX_PUSH_BYTES, uuidv7, type Mutation } from '../../protocol';
import { pullEverything } from '../support/http-pull';
import { makeServerData, setupTokenOf, startServerProcess, type ServerData, type ServerProcess } from '../../testing/server';
import { communityFields, needFields, newRecordFields } from '../../testing/fixtures';

const random = (length: number) => new Uint8Array(randomBytes(length));
const DESCRIPTION = 'Ielu apgaismojums pie skolas, bibliotēkas un autobusa pieturas; '.repeat(20);

interface Sent {
  status: number | null;
  /** ms from the last byte sent to the answer (null: no answer). */
  answeredAfterMs: number | null;
  body: string;
}

/** POSTs a push; calls `onSent` once the whole body is handed to the socket; resolves with the answer or no answer. */
function sendPush(url: string, token: string, body: Uint8Array, onSent: () => void = () => {}): Promise<Sent> {
  return new Promise((resolve) => {
    let sentAt = 0;
    const req = request(`${url}/api/sync/push`, {
      method: 'POST', agent: false,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.byteLength) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, answeredAfterMs: performance.now() - sentAt, body: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ status: null, answeredAfterMs: null, body: '' }));
    });
    req.on('error', () => resolve({ status: null, answeredAfterMs: null, body: '' }));
    req.end(body, () => {
      sentAt = performance.now();
      onSent();
    });
  });
}

class Tablet {
  private counter = 0;
  readonly communityId = uuidv7(Date.now(), random);
  constructor(readonly deviceId: string) {}

  private mutation(table: string, recordId: string, fields: Record<string, unknown>): Mutation {
    this.counter = (this.counter + 1) % 10_000;
    return {
      id: uuidv7(Date.now(), random), table, recordId, op: 'put', fields,
      base: Object.fromEntries(Object.keys(fields).map((field) => [field, null])),
      hlc: formatHlc({ wall: Date.now(), counter: this.counter, deviceId: this.deviceId }),
    };
  }

  community(): Mutation {
    return this.mutation('communities', this.communityId,
      newRecordFields(communityFields({ name: `Kopiena ${this.deviceId}` }), { by: this.deviceId, at: Date.now() }));
  }

  needs(count: number, label: string): Mutation[] {
    return Array.from({ length: count }, (_, i) => {
      const now = Date.now();
      return this.mutation('needs', uuidv7(now, random),
        newRecordFields(needFields(this.communityId, { title: `${label} ${i}`, description: DESCRIPTION }), { by: this.deviceId, at: now }));
    });
  }

  body(mutations: Mutation[]): Uint8Array {
    const text = JSON.stringify({ protocol: 1, deviceId: this.deviceId, mutations });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    return new Uint8Array(gzipSync(text));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const targets: ['sqlite' | 'postgres', string | undefined][] = [['sqlite', undefined]];
if (process.env.TEST_POSTGRES_URL) targets.push(['postgres', process.env.TEST_POSTGRES_URL]);

describe.each(targets)('the server process SIGKILLed mid-push on %s', (kind, postgresUrl) => {
  let data: ServerData;
  let server: ServerProcess;
  let token: string;
  const tablet = new Tablet(`tablet-kill-${kind}`);

  beforeAll(async () => {
    data = await makeServerData(kind, { postgresUrl });
    server = await startServerProcess(data);
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: setupTokenOf(await server.setupLink()), organisation: 'Kill test', name: 'Dace', email: 'dace@example.lv', password: 'koordinatore-2026' }),
    });
    expect(setup.status).toBe(201);
    token = ((await setup.json()) as { token: string }).token;
    const first = await sendPush(server.url, token, tablet.body([tablet.community()]));
    expect(first.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await data?.remove();
  });

  /** The server's head now, as a pull cursor (an empty push answers with it): later pulls from it see only what came after. */
  async function headCursor(): Promise<string> {
    const reply = await sendPush(server.url, token, tablet.body([]));
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body) as { cursor: string }).cursor;
  }

  /** How many of these records the server holds, each once at most (pulled from `since`); fails on a duplicate. */
  async function held(ids: readonly string[], since: string): Promise<number> {
    const changes = await pullEverything(server.url, token, 5000, since);
    const all = changes.map((change) => change.recordId);
    expect(new Set(all).size, 'a record pulled twice').toBe(all.length);
    const wanted = new Set(ids);
    return all.filter((id) => wanted.has(id)).length;
  }

  it('a 1000-mutation push killed at moments across its work: all of it or none after the restart; the retry completes once', async () => {
    // How long the server takes for such a push when nobody kills it.
    const calibration = tablet.needs(1000, 'Kalibrēšana');
    const answered = await sendPush(server.url, token, tablet.body(calibration));
    expect(answered.status).toBe(200);
    const workMs = Math.max(20, answered.answeredAfterMs!);
    expect(await held(calibration.map((m) => m.recordId), '')).toBe(1000);

    const outcomes: string[] = [];
    for (const fraction of [0.1, 0.5, 0.85]) {
      const since = await headCursor();
      const batch = tablet.needs(1000, `Pirms nogalināšanas ${fraction}`);
      const body = tablet.body(batch);
      const killed = await sendPush(server.url, token, body, () => {
        setTimeout(() => server.child.kill('SIGKILL'), workMs * fraction);
      });
      await server.kill();
      server = await startServerProcess(data);

      const ids = batch.map((m) => m.recordId);
      const count = await held(ids, since);
      expect([0, 1000], `after a kill at ${fraction} of ${workMs.toFixed(0)} ms`).toContain(count);
      if (killed.status === 200) expect(count).toBe(1000);
      outcomes.push(`${fraction}: ${killed.status === 200 ? 'answered' : 'no answer'}, ${count === 1000 ? 'all' : 'none'} applied`);

      // The device retries the very same push: every mutation acknowledged, each record there once.
      const retry = await sendPush(server.url, token, body);
      expect(retry.status).toBe(200);
      const reply = JSON.parse(retry.body) as { acked: string[]; rejected: unknown[] };
      expect(reply.rejected).toEqual([]);
      expect(reply.acked).toEqual(batch.map((m) => m.id));
      expect(await held(ids, since)).toBe(1000);
    }
    console.log(`[kill-server ${kind}] push of 1000 takes ${workMs.toFixed(0)} ms; kills: ${outcomes.join('; ')}`);
  }, 90_000);

  it('four concurrent pushes (one group commit) killed mid-way: each all or none; retries complete once', async () => {
    const devices = Array.from({ length: 4 }, (_, i) => new Tablet(`tablet-${kind}-${i}`));
    const firsts = await Promise.all(devices.map((device) => sendPush(server.url, token, device.body([device.community()]))));
    expect(firsts.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    for (const delay of [40]) {
      const since = await headCursor();
      const batches = devices.map((device) => device.needs(250, `Vienlaikus ${delay}`));
      const bodies = devices.map((device, i) => device.body(batches[i]!));
      let sent = 0;
      const pushes = bodies.map((body) => sendPush(server.url, token, body, () => {
        if (++sent === bodies.length) setTimeout(() => server.child.kill('SIGKILL'), delay);
      }));
      await Promise.all(pushes);
      await server.kill();
      server = await startServerProcess(data);
      for (const batch of batches) expect([0, 250]).toContain(await held(batch.map((m) => m.recordId), since));
      const retries = await Promise.all(bodies.map((body) => sendPush(server.url, token, body)));
      expect(retries.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
      for (const [i, batch] of batches.entries()) {
        expect((JSON.parse(retries[i]!.body) as { acked: string[] }).acked).toEqual(batch.map((m) => m.id));
        expect(await held(batch.map((m) => m.recordId), since)).toBe(250);
      }
    }
    await sleep(0);
  }, 60_000);
});
