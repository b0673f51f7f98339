// Load test of the sync server (docs/quality-bars.md: "the server holds ≥ 2,000
// mutations/s from 50 concurrent devices on SQLite, p99 push latency < 500 ms,
// on 2 cores"). Starts the real server (server/main.ts) in its own process on a
// fresh DATA_DIR (or a fresh PostgreSQL database), makes 10 organisations (the
// first through the setup link, the others with the admin command), signs 50
// simulated tablets in (each its own token and device id, 5 per organisation),
// and lets them sync for a bounded time the way the app does: push a batch
// (gzip like the app), then pull to the end. Each tablet writes new needs and
// participants, edits its own needs and, now and then, needs of the other
// tablets of its organisation that it has pulled. At the end a fresh session of
// each organisation pulls everything and the server's state is compared with
// the union of what was acknowledged: each field must hold the value with the
// latest clock, no record missing, none extra, none twice, none in another
// organisation; and every tablet, having pulled to the end, has seen every
// field at the clock the server holds (a pull that skipped a change shows).
// With several servers they all start together on the fresh database (the
// migrations and the setup link are raced) and the tablets are spread over them.
//
//   npm run load                                  # 50 devices in 10 organisations, 20 s, batch 20, SQLite, as fast as replies come
//   npm run load -- --postgres                    # the same on PostgreSQL (DATABASE_URL, TEST_POSTGRES_URL or local)
//   npm run load -- --postgres --servers 2        # two server processes on one database, devices spread over them
//   npm run load -- --batch 1                     # single-mutation pushes
//   npm run load -- --rate 2000                   # 2,000 mutations/s offered (open loop) instead of saturation
//   npm run load -- --pull-every 0                # pushes only (no pulls while measuring)
//   LOAD_SECONDS=60 LOAD_DEVICES=50 npm run load
//
// Prints one JSON line with the figures and a verdict on the bars; exits 1 on
// any error or lost change, or a missed bar (--no-bars checks correctness only).
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import {
  PROTOCOL_VERSION, compareHlc, formatHlc, pullResponseSchema, pushResponseSchema, sessionResponseSchema, uuidv7, valuesEqual, type Hlc, type Mutation,
  type Change, type PullResponse,
} from '../protocol';
import { runAdmin } from '../server/admin-commands';
import { makeServerData, setupTokenOf, startServerProcess } from '../testing/server';
import { communityFields, needFields, newRecordFields, participantFields } from '../testing/fixtures';
import { openStore, storeTarget } from '../server/store/open';


/** Records the server writes itself (conflicts, the organisation's members, assignments of a community's creator): no tablet sent them. */
const SERVER_WRITTEN: ReadonlySet<string> = new Set(['conflicts', 'members', 'assignments']);
export interface LoadOptions {
  devices: number;
  seconds: number;
  /** Mutations per push. */
  batch: number;
  /** Mutations per second offered by all devices together; 0 pushes as fast as replies come. */
  rate: number;
  /** Each device pulls after this many pushes (1: every sync, like the app; 0: never while measuring). */
  pullEvery: number;
  /** PostgreSQL server URL (a fresh database is made on it); undefined for SQLite. */
  postgresUrl?: string;
  organisations: number;
  gzip: boolean;
  /** Server processes on the one database (more than one needs PostgreSQL); device i talks to server i mod servers. */
  servers?: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  database: 'sqlite' | 'postgres';
  servers: number;
  /** How many of the servers printed the first-setup link (one for the whole deployment). */
  setupLinksPrinted: number;
  devices: number;
  organisations: number;
  batch: number;
  offeredRate: number | 'max';
  gzip: boolean;
  seconds: number;
  pushes: number;
  pulls: number;
  mutations: number;
  mutationsPerSecond: number;
  pushLatencyMs: { p50: number; p95: number; p99: number; max: number };
  pullLatencyMs: { p50: number; p99: number; max: number };
  errors: number;
  errorSamples: string[];
  /** Acknowledged changes the server does not hold as sent (missing records or fields with another value). */
  lost: number;
  lostSamples: string[];
  /** Records the server holds that nobody sent (conflict records aside). */
  unexpected: number;
  duplicates: number;
  /** Fields a tablet had not seen at the server's clock after pulling to the end: changes its pulls skipped. */
  skipped: number;
  skippedSamples: string[];
  records: number;
  conflicts: number;
}

const random = (length: number) => new Uint8Array(randomBytes(length));
const GZIP_FROM_BYTES = 1024;
const PASSWORD = 'load-test-password';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

interface Expected {
  table: string;
  fields: Map<string, { value: unknown; clock: Hlc }>;
}

/** What every acknowledged mutation should have left on the server: per field, the value with the latest clock. */
class Ledger {
  readonly records = new Map<string, Expected>();

  apply(mutation: Mutation): void {
    let record = this.records.get(mutation.recordId);
    if (!record) {
      record = { table: mutation.table, fields: new Map() };
      this.records.set(mutation.recordId, record);
    }
    for (const [field, value] of Object.entries(mutation.fields)) {
      const current = record.fields.get(field);
      if (!current || compareHlc(mutation.hlc, current.clock) > 0) record.fields.set(field, { value, clock: mutation.hlc });
    }
  }
}

interface Known {
  communityId: string;
  clocks: Record<string, Hlc>;
}

class Device {
  private counter = 0;
  private lastWall = 0;
  readonly communityId = uuidv7(Date.now(), random);
  /** Needs this device made. */
  private readonly ownNeeds: string[] = [];
  /** Needs of other devices, learned by pulling, with the clocks seen. */
  private readonly othersNeeds = new Map<string, Known>();
  /** The clock this device last wrote or saw for each field of each record, for `base`. */
  private readonly seen = new Map<string, Record<string, Hlc>>();
  cursor = '';

  constructor(readonly id: string, readonly token: string, readonly organisation: number, readonly url: string) {}

  /** The clock this device holds for a field of a record, from its own writes and its pulls. */
  clockOf(recordId: string, field: string): Hlc | undefined {
    return this.seen.get(recordId)?.[field];
  }

  private hlc(): Hlc {
    const now = Date.now();
    if (now > this.lastWall) {
      this.lastWall = now;
      this.counter = 0;
    } else {
      this.counter++;
      if (this.counter > 9999) {
        this.lastWall++;
        this.counter = 0;
      }
    }
    return formatHlc({ wall: this.lastWall, counter: this.counter, deviceId: this.id });
  }

  private mutation(table: string, recordId: string, fields: Record<string, unknown>): Mutation {
    const seen = this.seen.get(recordId) ?? {};
    const base = Object.fromEntries(Object.keys(fields).map((field) => [field, seen[field] ?? null]));
    const hlc = this.hlc();
    const clocks = { ...seen };
    for (const field of Object.keys(fields)) clocks[field] = hlc;
    this.seen.set(recordId, clocks);
    return { id: uuidv7(Date.now(), random), table, recordId, op: 'put', fields, base, hlc };
  }

  first(): Mutation[] {
    return [this.mutation('communities', this.communityId, newRecordFields(communityFields({ name: `Kopiena ${this.id}` }), { by: this.id, at: Date.now() }))];
  }

  /** A tablet's outbox after some minutes of a workshop: new needs and people, edits of its own needs, a few of others'. */
  batch(size: number): Mutation[] {
    const out: Mutation[] = [];
    for (let i = 0; i < size; i++) {
      const now = Date.now();
      const dice = Math.random();
      if (dice < 0.45 || this.ownNeeds.length === 0) {
        const id = uuidv7(now, random);
        this.ownNeeds.push(id);
        out.push(this.mutation('needs', id, newRecordFields(needFields(this.communityId, {
          title: `Vajadzība ${this.ownNeeds.length} (${this.id})`,
          description: 'Ielu apgaismojums pie skolas un bibliotēkas; vakaros bērni iet pa tumšu ceļu.',
        }), { by: this.id, at: now })));
      } else if (dice < 0.6) {
        out.push(this.mutation('participants', uuidv7(now, random),
          newRecordFields(participantFields(this.communityId, { name: `Dalībnieks ${now % 100_000}` }), { by: this.id, at: now })));
      } else if (dice < 0.9 || this.othersNeeds.size === 0) {
        const id = this.ownNeeds[Math.floor(Math.random() * this.ownNeeds.length)]!;
        out.push(this.mutation('needs', id, Math.random() < 0.5
          ? { title: `Precizēts ${now % 100_000} (${this.id})`, updatedAt: now }
          : { status: 'prioritised', owner: `Vadītājs ${this.id}`, updatedAt: now }));
      } else {
        const ids = [...this.othersNeeds.keys()];
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        out.push(this.mutation('needs', id, { description: `Papildināts no ${this.id} ${now % 100_000}`, updatedAt: now }));
      }
    }
    return out;
  }

  learn(change: { table: string; recordId: string; fields: Record<string, unknown>; clocks: Record<string, Hlc> }): void {
    const mine = this.seen.get(change.recordId) ?? {};
    for (const [field, clock] of Object.entries(change.clocks)) {
      if (!mine[field] || compareHlc(clock, mine[field]) > 0) mine[field] = clock;
    }
    this.seen.set(change.recordId, mine);
    if (change.table === 'needs' && change.fields.communityId !== this.communityId && typeof change.fields.communityId === 'string') {
      this.othersNeeds.set(change.recordId, { communityId: change.fields.communityId, clocks: change.clocks });
    }
  }
}

async function json(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}

async function pullPage(url: string, token: string, since: string, limit: number): Promise<PullResponse> {
  const query = new URLSearchParams({ limit: String(limit), protocol: String(PROTOCOL_VERSION) });
  if (since) query.set('since', since);
  const reply = await json(`${url}/api/sync/pull?${query}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip' } });
  if (reply.status !== 200) throw new Error(`pull: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  return v.parse(pullResponseSchema, reply.body);
}



export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const serverCount = options.servers ?? 1;
  if (serverCount > 1 && !options.postgresUrl) throw new Error('Several servers share one database only on PostgreSQL (--postgres)');
  const data = await makeServerData(options.postgresUrl ? 'postgres' : 'sqlite', { postgresUrl: options.postgresUrl });
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const launched = await Promise.allSettled(Array.from({ length: serverCount }, () => startServerProcess(data, { nodeArgs })));
  const servers = launched.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const errors: string[] = [];
  try {
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const server = servers[0]!;
    // One setup link for the deployment, printed by whichever server made it; the others say so.
    const link = await Promise.any(servers.map((each) => each.setupLink()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const setupLinksPrinted = servers.filter((each) => /\/setup#/.test(each.output())).length;
    // Accounts: the first coordinator from the setup link, the other organisations with the admin command;
    // every device signs in for its own token.
    const setup = await json(`${server.url}/api/setup`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: setupTokenOf(link), organisation: 'Slodze 0', name: 'Koordinatore 0', email: 'org0@load.example', password: PASSWORD }),
    });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
    const target = storeTarget({ databaseUrl: data.env.DATABASE_URL || undefined, dataDir: data.dataDir });
    for (let o = 1; o < options.organisations; o++) {
      const errorsOut: string[] = [];
      const code = await runAdmin(
        ['add-user', '--org', `Slodze ${o}`, '--email', `org${o}@load.example`, '--name', `Koordinators ${o}`, '--role', 'coordinator', '--password-stdin'],
        { readStdin: async () => PASSWORD, out: () => {}, err: (line) => errorsOut.push(line) },
        { openStore: () => openStore(target), config: { host: '127.0.0.1', port: 0, publicUrl: undefined }, now: () => Date.now(), passwordCost: 12 },
      );
      if (code !== 0) throw new Error(`admin add-user: ${errorsOut.join(' ')}`);
    }
    const devices = await Promise.all(Array.from({ length: options.devices }, async (_, i) => {
      const organisation = i % options.organisations;
      const url = servers[i % servers.length]!.url;
      const session = await json(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `org${organisation}@load.example`, password: PASSWORD }),
      });
      if (session.status !== 200) throw new Error(`login: ${session.status}`);
      return new Device(`load-${i}`, v.parse(sessionResponseSchema, session.body).token, organisation, url);
    }));

    const ledgers = Array.from({ length: options.organisations }, () => new Ledger());
    const pushLatencies: number[] = [];
    const pullLatencies: number[] = [];
    let mutations = 0;
    let pulls = 0;
    let measuring = false;

    const push = async (device: Device, batch: Mutation[]): Promise<void> => {
      const text = JSON.stringify({ protocol: 1, deviceId: device.id, mutations: batch });
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` };
      let body: string | Uint8Array<ArrayBuffer> = text;
      if (options.gzip && text.length >= GZIP_FROM_BYTES) {
        body = new Uint8Array(gzipSync(text));
        headers['Content-Encoding'] = 'gzip';
      }
      const started = performance.now();
      let reply;
      try {
        reply = await json(`${device.url}/api/sync/push`, { method: 'POST', headers, body });
      } catch (error) {
        errors.push(`push ${device.id}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const elapsed = performance.now() - started;
      if (reply.status !== 200) {
        errors.push(`push ${device.id}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
        return;
      }
      const { acked: ackedIds, rejected } = v.parse(pushResponseSchema, reply.body);
      const acked = new Set(ackedIds);
      if (rejected.length > 0) errors.push(`push ${device.id}: rejected ${JSON.stringify(rejected).slice(0, 300)}`);
      for (const mutation of batch) if (acked.has(mutation.id)) ledgers[device.organisation]!.apply(mutation);
      if (acked.size !== batch.length) errors.push(`push ${device.id}: ${acked.size} of ${batch.length} acknowledged`);
      if (measuring) {
        pushLatencies.push(elapsed);
        mutations += acked.size;
      }
    };

    const pull = async (device: Device): Promise<void> => {
      for (;;) {
        const started = performance.now();
        let page;
        try {
          page = await pullPage(device.url, device.token, device.cursor, 1000);
        } catch (error) {
          errors.push(`pull ${device.id}: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        if (measuring) {
          pullLatencies.push(performance.now() - started);
          pulls++;
        }
        for (const change of page.changes) device.learn(change);
        device.cursor = page.cursor;
        if (!page.hasMore) return;
      }
    };

    // Every tablet has its community on the server before the clock starts.
    await Promise.all(devices.map((device) => push(device, device.first())));
    log(`${devices.length} devices signed in (${options.organisations} organisations); pushing batches of ${options.batch} for ${options.seconds} s${options.rate ? ` at ${options.rate} mutations/s offered` : ''}…`);

    measuring = true;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    // At a fixed rate each device pushes one batch every `interval` ms (starts spread out); a slow reply delays its next push.
    const interval = options.rate > 0 ? (options.devices * options.batch * 1000) / options.rate : 0;
    await Promise.all(devices.map(async (device, index) => {
      let next = started + (interval * index) / options.devices;
      let pushes = 0;
      while (performance.now() < deadline) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (performance.now() >= deadline) break;
        next += interval;
        await push(device, device.batch(options.batch));
        if (options.pullEvery > 0 && ++pushes % options.pullEvery === 0) await pull(device);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    measuring = false;
    // Every tablet pulls to the end, from where its own pulls left it.
    await Promise.all(devices.map((device) => pull(device)));

    // The check: a fresh session of each organisation pulls everything; the server holds exactly the union of what was acknowledged.
    let duplicates = 0;
    let lost = 0;
    let conflicts = 0;
    let unexpected = 0;
    let records = 0;
    let skipped = 0;
    const lostSamples: string[] = [];
    const skippedSamples: string[] = [];
    for (const [organisation, ledger] of ledgers.entries()) {
      const verifier = await json(`${servers[organisation % servers.length]!.url}/api/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: `org${organisation}@load.example`, password: PASSWORD }),
      });
      const { token } = v.parse(sessionResponseSchema, verifier.body);
      const held = new Map<string, Change>();
      let cursor = '';
      for (;;) {
        const page = await pullPage(servers[organisation % servers.length]!.url, token, cursor, 5000);
        for (const change of page.changes) {
          if (held.has(change.recordId)) duplicates++;
          held.set(change.recordId, change);
        }
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      for (const [recordId, expected] of ledger.records) {
        const change = held.get(recordId);
        if (!change || change.table !== expected.table) {
          lost += expected.fields.size;
          if (lostSamples.length < 5) lostSamples.push(`${expected.table} ${recordId} missing`);
          continue;
        }
        for (const [name, { value, clock }] of expected.fields) {
          if (!valuesEqual(change.fields[name], value) || change.clocks[name] !== clock) {
            lost++;
            if (lostSamples.length < 5) lostSamples.push(`${recordId}.${name}: server ${JSON.stringify(change.fields[name])} @ ${change.clocks[name]}, sent ${JSON.stringify(value)} @ ${clock}`);
          }
        }
      }
      for (const device of devices.filter((each) => each.organisation === organisation)) {
        for (const change of held.values()) {
          for (const [name, clock] of Object.entries(change.clocks)) {
            if (device.clockOf(change.recordId, name) === clock) continue;
            skipped++;
            if (skippedSamples.length < 5) skippedSamples.push(`${device.id} has ${change.recordId}.${name} @ ${device.clockOf(change.recordId, name)}, server @ ${clock}`);
          }
        }
      }
      records += held.size;
      conflicts += [...held.values()].filter((change) => change.table === 'conflicts').length;
      unexpected += [...held.keys()].filter((id) => !ledger.records.has(id) && !SERVER_WRITTEN.has(held.get(id)!.table)).length;
    }

    pushLatencies.sort((a, b) => a - b);
    pullLatencies.sort((a, b) => a - b);
    return {
      database: data.kind, servers: servers.length, setupLinksPrinted,
      devices: options.devices, organisations: options.organisations, batch: options.batch, offeredRate: options.rate || 'max', gzip: options.gzip,
      seconds: Math.round(seconds * 10) / 10, pushes: pushLatencies.length, pulls, mutations,
      mutationsPerSecond: Math.round(mutations / seconds),
      pushLatencyMs: {
        p50: round(percentile(pushLatencies, 50)), p95: round(percentile(pushLatencies, 95)),
        p99: round(percentile(pushLatencies, 99)), max: round(pushLatencies.at(-1) ?? 0),
      },
      pullLatencyMs: { p50: round(percentile(pullLatencies, 50)), p99: round(percentile(pullLatencies, 99)), max: round(pullLatencies.at(-1) ?? 0) },
      errors: errors.length, errorSamples: errors.slice(0, 5),
      lost, lostSamples, unexpected, duplicates, skipped, skippedSamples, records, conflicts,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await data.remove();
  }
}

function readArgs(argv: readonly string[]): LoadOptions & { bars: boolean } {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    const text = at >= 0 ? argv[at + 1] : undefined;
    const number = Number(text ?? fallback);
    if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} takes a number, not ${text}`);
    return number;
  };
  const envNumber = (name: string, fallback: number) => Number(process.env[name] || fallback);
  const postgres = flag('postgres') || Boolean(process.env.DATABASE_URL);
  return {
    devices: value('devices', envNumber('LOAD_DEVICES', 50)),
    seconds: value('seconds', envNumber('LOAD_SECONDS', 20)),
    batch: Math.max(1, value('batch', envNumber('LOAD_BATCH', 20))),
    rate: value('rate', envNumber('LOAD_RATE', 0)),
    pullEvery: value('pull-every', 1),
    organisations: Math.max(1, value('organisations', 10)),
    servers: Math.max(1, value('servers', 1)),
    gzip: !flag('no-gzip'),
    bars: !flag('no-bars'),
    ...(postgres ? { postgresUrl: process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test' } : {}),
  };
}

async function main(): Promise<void> {
  const options = readArgs(process.argv.slice(2));
  const report = await runLoad({ ...options, log: (line) => console.error(line) });
  const bars = {
    throughput: report.mutationsPerSecond >= 2000,
    p99: report.pushLatencyMs.p99 < 500,
    errors: report.errors === 0,
    lost: report.lost === 0 && report.unexpected === 0 && report.duplicates === 0 && report.skipped === 0,
    setup: report.setupLinksPrinted === 1,
  };
  console.log(JSON.stringify({ ...report, bars }));
  console.error(
    `${report.database}${report.servers > 1 ? ` × ${report.servers} servers` : ''}: ${report.mutationsPerSecond} mutations/s (${report.mutations} in ${report.seconds} s, ${report.devices} devices, batch ${report.batch}), `
    + `push p50 ${report.pushLatencyMs.p50} ms, p99 ${report.pushLatencyMs.p99} ms, pull p50 ${report.pullLatencyMs.p50} ms; ${report.errors} errors, ${report.lost} lost, `
    + `${report.records} records held (${report.conflicts} conflicts filed)`,
  );
  const failed = Object.entries(bars).filter(([name, ok]) => !ok && (options.bars || name === 'errors' || name === 'lost' || name === 'setup')).map(([name]) => name);
  if (failed.length > 0) {
    console.error(`FAILED: ${failed.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
