// Load benchmark for DESIGN §5: "the server holds ≥ 2,000 mutations/s from 50
// concurrent devices on SQLite, p99 push latency < 500 ms". Starts the real
// server (server/main.ts) on a free port with a fresh DATA_DIR, creates an
// organisation through the setup link, then lets DEVICES simulated tablets push
// batches of BATCH mutations (half new needs, half edits) for SECONDS.
//
//   npx tsx server/bench/push-load.ts            # defaults: 50 devices, batch 20, 15 s, as fast as possible
//   RATE=2000 npx tsx server/bench/push-load.ts  # the bar: 2,000 mutations/s offered, report p99
//   DEVICES=50 BATCH=100 DURATION=20 npx tsx server/bench/push-load.ts
//   DATABASE_URL=postgres://… npx tsx server/bench/push-load.ts
//   SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' …   # profile the server
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { formatHlc, uuidv7, type Mutation } from '../../protocol';
import { startBenchServer } from './bench-server';

const DEVICES = Number(process.env.DEVICES ?? 50);
const BATCH = Number(process.env.BATCH ?? 20);
const DURATION = Number(process.env.DURATION ?? 15);
const GZIP = process.env.GZIP !== '0';
/** Mutations per second offered by all devices together; 0 pushes as fast as replies come (saturation). */
const RATE = Number(process.env.RATE ?? 0);

const random = (length: number) => new Uint8Array(randomBytes(length));

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  if (!response.ok || typeof body !== 'object' || body === null) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ...body };
}

class Device {
  private counter = 0;
  private readonly needs: string[] = [];
  readonly communityId = uuidv7(Date.now(), random);
  constructor(readonly id: string) {}

  private hlc(): string {
    this.counter = (this.counter + 1) % 10_000;
    return formatHlc({ wall: Date.now(), counter: this.counter, deviceId: this.id });
  }

  private mutation(table: string, recordId: string, fields: Record<string, unknown>): Mutation {
    const base = Object.fromEntries(Object.keys(fields).map((field) => [field, null]));
    return { id: uuidv7(Date.now(), random), table, recordId, op: 'put', fields, base, hlc: this.hlc() };
  }

  first(): Mutation[] {
    const now = Date.now();
    return [this.mutation('communities', this.communityId, {
      name: `Kopiena ${this.id}`, municipality: 'LV-011', parish: 'Kalnciems', description: '', maturity: 'emerging', contacts: [],
      createdAt: now, updatedAt: now, createdBy: this.id, deleted: false,
    })];
  }

  batch(size: number): Mutation[] {
    const out: Mutation[] = [];
    for (let i = 0; i < size; i++) {
      const now = Date.now();
      if (i % 2 === 0 || this.needs.length === 0) {
        const id = uuidv7(now, random);
        this.needs.push(id);
        out.push(this.mutation('needs', id, {
          communityId: this.communityId, workshopId: null, title: `Vajadzība ${this.needs.length}`, description: 'Ielu apgaismojums pie skolas un bibliotēkas',
          category: 'safety', status: 'raised', owner: '', createdAt: now, updatedAt: now, createdBy: this.id, deleted: false,
        }));
      } else {
        const id = this.needs[Math.floor(Math.random() * this.needs.length)]!;
        out.push(this.mutation('needs', id, { title: `Labots ${now}`, updatedAt: now }));
      }
    }
    return out;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const server = await startBenchServer();
  try {
    const session = await json(`${server.url}/api/setup`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: server.setupToken, organisation: 'Bench', name: 'Bench', email: 'bench@example.lv', password: 'bench-password' }),
    });
    const token = String(session.token);
    const push = async (device: Device, mutations: Mutation[]) => {
      const text = JSON.stringify({ protocol: 1, deviceId: device.id, mutations });
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      let body: string | Uint8Array<ArrayBuffer> = text;
      if (GZIP) {
        body = new Uint8Array(gzipSync(text));
        headers['Content-Encoding'] = 'gzip';
      }
      const started = performance.now();
      const reply = await json(`${server.url}/api/sync/push`, { method: 'POST', headers, body });
      const elapsed = performance.now() - started;
      const acked = Array.isArray(reply.acked) ? reply.acked.length : 0;
      if (acked !== mutations.length) throw new Error(`only ${acked} of ${mutations.length} acked: ${JSON.stringify(reply.rejected)}`);
      return elapsed;
    };

    const devices = Array.from({ length: DEVICES }, (_, i) => new Device(`bench-${i}`));
    await Promise.all(devices.map((device) => push(device, device.first())));

    const latencies: number[] = [];
    let mutations = 0;
    const started = performance.now();
    const deadline = started + DURATION * 1000;
    // At a fixed RATE each device pushes one batch every `interval` ms (starts spread out);
    // a reply slower than the interval delays that device's next push, never piles up.
    const interval = RATE > 0 ? (DEVICES * BATCH * 1000) / RATE : 0;
    await Promise.all(devices.map(async (device, index) => {
      let next = started + (interval * index) / DEVICES;
      while (performance.now() < deadline) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next += interval;
        const batch = device.batch(BATCH);
        latencies.push(await push(device, batch));
        mutations += batch.length;
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(JSON.stringify({
      database: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      devices: DEVICES, batch: BATCH, gzip: GZIP, offeredRate: RATE || 'max', seconds: Number(seconds.toFixed(1)), pushes: latencies.length, mutations,
      mutationsPerSecond: Math.round(mutations / seconds),
      latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies.at(-1) ?? 0) },
    }));
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
