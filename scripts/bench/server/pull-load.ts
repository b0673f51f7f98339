// Benchmark for docs/quality-bars.md "a fresh coordinator device pulls 50,000 records in
// ≤ 10 s": pushes RECORDS needs (in batches of 1000, gzipped, as the app does),
// then pulls them all onto a fresh "device" in pages of 5000 over HTTP with
// gzip, parsing every page. Reports time and wire bytes both ways.
//
//   npx tsx scripts/bench/server/pull-load.ts        # RECORDS=50000
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { formatHlc, MAX_PULL_LIMIT, PROTOCOL_VERSION, uuidv7, type Mutation } from '../../../protocol';
import { makeServerData, setupTokenOf, startServerProcess } from '../../../testing/server';
import { communityFields, needFields, newRecordFields } from '../../../testing/fixtures';

const RECORDS = Number(process.env.RECORDS ?? 50_000);
const random = (length: number) => new Uint8Array(randomBytes(length));

function send(url: string, method: string, headers: Record<string, string>, body?: Uint8Array): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decode(reply: { headers: Record<string, string | string[] | undefined>; raw: Buffer }): unknown {
  const text = reply.headers['content-encoding'] === 'gzip' ? gunzipSync(reply.raw) : reply.raw;
  return JSON.parse(text.toString('utf8'));
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Object.entries(value).find(([k]) => k === key)?.[1] : undefined;
}

async function main() {
  const data = await makeServerData('sqlite');
  const server = await startServerProcess(data);
  try {
    const setup = await send(`${server.url}/api/setup`, 'POST', { 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify({
      token: setupTokenOf(await server.setupLink()), organisation: 'Bench', name: 'Bench', email: 'bench@example.lv', password: 'bench-password',
    })));
    const token = String(field(decode(setup), 'token'));
    const auth = { Authorization: `Bearer ${token}` };

    const now = Date.now();
    let counter = 0;
    const hlc = () => formatHlc({ wall: now, counter: counter++ % 10_000, deviceId: 'seed' });
    const communityId = uuidv7(now, random);
    const made = { by: 'seed', at: now };
    const mutations: Mutation[] = [{
      id: uuidv7(now, random), table: 'communities', recordId: communityId, op: 'put', base: {}, hlc: hlc(),
      fields: newRecordFields(communityFields(), made),
    }];
    for (let i = 1; i < RECORDS; i++) {
      mutations.push({
        id: uuidv7(now, random), table: 'needs', recordId: uuidv7(now, random), op: 'put', base: {}, hlc: hlc(),
        fields: newRecordFields(needFields(communityId, { title: `Vajadzība ${i}`, description: 'Ielu apgaismojums pie skolas' }), made),
      });
    }
    let pushBytes = 0;
    const pushStart = performance.now();
    for (let i = 0; i < mutations.length; i += 1000) {
      const body = gzipSync(JSON.stringify({ protocol: 1, deviceId: 'seed', mutations: mutations.slice(i, i + 1000) }));
      pushBytes += body.byteLength;
      const reply = await send(`${server.url}/api/sync/push`, 'POST', { ...auth, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Accept-Encoding': 'gzip' }, body);
      pushBytes += reply.raw.byteLength;
      if (reply.status !== 200) throw new Error(`push: ${reply.status} ${reply.raw.toString()}`);
    }
    const pushSeconds = (performance.now() - pushStart) / 1000;

    let pulled = 0;
    let pullBytes = 0;
    let cursor: string | null = null;
    const pullStart = performance.now();
    for (;;) {
      const query = new URLSearchParams({ limit: String(MAX_PULL_LIMIT), protocol: String(PROTOCOL_VERSION) });
      if (cursor) query.set('since', cursor);
      const reply = await send(`${server.url}/api/sync/pull?${query}`, 'GET', { ...auth, 'Accept-Encoding': 'gzip' });
      if (reply.status !== 200) throw new Error(`pull: ${reply.status}`);
      pullBytes += reply.raw.byteLength;
      const page = decode(reply);
      const changes = field(page, 'changes');
      pulled += Array.isArray(changes) ? changes.length : 0;
      cursor = String(field(page, 'cursor'));
      if (field(page, 'hasMore') !== true) break;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    console.log(JSON.stringify({
      records: RECORDS,
      push: { seconds: Number(pushSeconds.toFixed(2)), wireBytes: pushBytes },
      pull: { records: pulled, seconds: Number(pullSeconds.toFixed(2)), wireBytes: pullBytes },
    }));
  } finally {
    await server.stop();
    await data.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
