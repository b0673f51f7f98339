// The sync figures of `npm run bench`: Talka beside PouchDB 9, measured in the
// same run on the same machine, bytes counted on the same proxy's sockets.
//
// Talka (scripts/measure/run.ts): the real server on SQLite, Chromium; device
// A gets N needs written the way the notebook writes them and presses "Sync
// now" (clock stops when the outbox is empty); a fresh device B signs in
// (clock stops when every need is in its IndexedDB). PouchDB
// (scripts/bench/pouchdb): the same needs replicated from and to
// express-pouchdb. Runs alternate Talka, PouchDB, Talka, PouchDB… so a busy
// moment of the machine falls on both.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCpuProfile, summariseProfile } from '../measure/profile';
import { RURAL_LINK, type ByteCount, type Link } from '../measure/proxy';
import { measureOnce, type RunResult } from '../measure/run';
import { measurePouchPull, measurePouchPush, POUCHDB_SETUP, type PouchResult } from './pouchdb';
import { stat, type BenchContext, type Figure, type Stat } from './types';

const total = (bytes: ByteCount) => bytes.up + bytes.down;
const seconds = (ms: number) => ms / 1000;
const megabytes = (bytes: number) => bytes / 1e6;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

interface Side {
  ms: number[];
  bytes: number[];
}

function side(): Side {
  return { ms: [], bytes: [] };
}

/** The time and bytes figures of one direction, with bars taken from PouchDB's medians of the same run. */
function compared(id: string, what: string, talka: Side, pouch: Side, bars: boolean, detail: Record<string, unknown>): Figure[] {
  const time = stat(talka.ms.map(seconds));
  const bytes = stat(talka.bytes.map(megabytes));
  const pouchTime = stat(pouch.ms.map(seconds));
  const pouchBytes = stat(pouch.bytes.map(megabytes));
  const speedup = pouchTime.median / time.median;
  const share = bytes.median / pouchBytes.median;
  const range = (s: Stat, unit: string) => `${fixed(s.median)} ${unit} [${fixed(s.min)}–${fixed(s.max)}]`;
  return [
    {
      id: `${id}-s`, label: `${what}: time`, unit: 's', stat: time,
      bar: bars ? { kind: 'max', value: pouchTime.median / 5, text: `≥ 5× faster than PouchDB (≤ ${fixed(pouchTime.median / 5)} s)` } : undefined,
      note: `PouchDB 9: ${range(pouchTime, 's')}; Talka is ${fixed(speedup, 1)}× faster`,
      detail: { pouchdb: pouchTime, speedup, ...detail },
    },
    {
      id: `${id}-mb`, label: `${what}: bytes on the socket`, unit: 'MB', stat: bytes,
      bar: bars ? { kind: 'max', value: pouchBytes.median / 3, text: `≤ 1/3 of PouchDB's (≤ ${fixed(pouchBytes.median / 3)} MB)` } : undefined,
      note: `PouchDB 9: ${range(pouchBytes, 'MB')}; Talka sends ${fixed(share * 100, 0)} % of that`,
      detail: { pouchdb: pouchBytes, share },
    },
  ];
}

/** With --profile: each phase's CPU profile saved, and where its time went logged. */
function profiler(ctx: BenchContext, records: number) {
  const dir = ctx.profileDir;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return (phase: 'push' | 'pull', profile: unknown) => {
    const file = join(dir, `${phase}-${records}-${++count}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    if (!isCpuProfile(profile)) return;
    const summary = summariseProfile(profile);
    ctx.log(`  ${phase} profile ${file}: ${Math.round(summary.totalMs)} ms, idle ${Math.round(summary.idleMs)}, GC ${Math.round(summary.gcMs)}; top: `
      + summary.top.slice(0, 8).map((entry) => `${entry.name} ${Math.round(entry.selfMs)}`).join(', '));
  };
}

async function talkaRun(ctx: BenchContext, records: number, link?: Link): Promise<RunResult> {
  const run = () => measureOnce({ browser: ctx.browser, records, staticDir: ctx.staticDir, log: ctx.log, link, profile: profiler(ctx, records) });
  try {
    return await run();
  } catch (error) {
    // The engine's own retry timer can beat the click by a few milliseconds: such a run is measured again, once.
    if (!(error instanceof Error && error.message.includes('does not count'))) throw error;
    ctx.log(`  ${error.message}; measuring again`);
    return run();
  }
}

function record(into: Side, ms: number, bytes: ByteCount): void {
  into.ms.push(ms);
  into.bytes.push(total(bytes));
}

/** 10,000 records pushed and pulled on loopback, Talka and PouchDB alternating, `ctx.runs` runs each. */
export async function measureSync(ctx: BenchContext, records = 10_000): Promise<Figure[]> {
  const push = { talka: side(), pouch: side() };
  const pull = { talka: side(), pouch: side() };
  const breakdowns: unknown[] = [];
  for (let run = 1; run <= ctx.runs; run++) {
    ctx.log(`sync ${records.toLocaleString('en')}: run ${run}/${ctx.runs}, Talka`);
    const talka = await talkaRun(ctx, records);
    record(push.talka, talka.push.ms, talka.push.apiBytes);
    record(pull.talka, talka.pull.ms, talka.pull.apiBytes);
    breakdowns.push({ push: talka.push.push, pull: talka.pull.pull, pullAllBytes: talka.pull.bytes });
    ctx.log(`  Talka push ${Math.round(talka.push.ms)} ms, pull ${Math.round(talka.pull.ms)} ms; PouchDB…`);
    const pouchPush: PouchResult = await measurePouchPush(ctx, { records });
    record(push.pouch, pouchPush.ms, pouchPush.bytes);
    const pouchPull: PouchResult = await measurePouchPull(ctx, { records });
    record(pull.pouch, pouchPull.ms, pouchPull.bytes);
    ctx.log(`  PouchDB push ${Math.round(pouchPush.ms)} ms, pull ${Math.round(pouchPull.ms)} ms`);
  }
  const n = records.toLocaleString('en');
  return [
    ...compared(`push-${records}`, `${n} records pushed from the browser and acknowledged ("Sync now" → outbox empty)`, push.talka, push.pouch, true, { runs: breakdowns }),
    ...compared(`pull-${records}`, `${n} records pulled onto a fresh browser profile (sign-in → all in IndexedDB)`, pull.talka, pull.pouch, true, { setup: POUCHDB_SETUP }),
  ];
}

/** A fresh coordinator profile pulls 50,000 records (pushed from another browser first). */
export async function measureBigPull(ctx: BenchContext, records = 50_000): Promise<Figure[]> {
  const times: number[] = [];
  const bytes: number[] = [];
  for (let run = 1; run <= ctx.runs; run++) {
    ctx.log(`pull ${records.toLocaleString('en')}: run ${run}/${ctx.runs}`);
    const result = await talkaRun(ctx, records);
    times.push(seconds(result.pull.ms));
    bytes.push(megabytes(total(result.pull.apiBytes)));
  }
  const mb = stat(bytes);
  return [{
    id: `pull-${records}-s`, label: `${records.toLocaleString('en')} records pulled onto a fresh coordinator profile (sign-in → all in IndexedDB)`,
    unit: 's', stat: stat(times), bar: { kind: 'max', value: 10, text: '≤ 10 s' },
    note: `${fixed(mb.median)} MB on the socket`, detail: { megabytes: mb },
  }];
}

/** The 10,000-record push (and Talka's pull) over the emulated rural link, beside PouchDB's push over the same link. */
export async function measureRural(ctx: BenchContext, runs: number, records = 10_000): Promise<Figure[]> {
  const push = { talka: side(), pouch: side() };
  const pull = side();
  const link = RURAL_LINK;
  for (let run = 1; run <= runs; run++) {
    ctx.log(`rural link: run ${run}/${runs}, Talka`);
    const talka = await talkaRun(ctx, records, link);
    record(push.talka, talka.push.ms, talka.push.apiBytes);
    record(pull, talka.pull.ms, talka.pull.apiBytes);
    ctx.log(`  Talka push ${Math.round(talka.push.ms)} ms, pull ${Math.round(talka.pull.ms)} ms; PouchDB push…`);
    const pouch = await measurePouchPush(ctx, { records, link });
    record(push.pouch, pouch.ms, pouch.bytes);
    ctx.log(`  PouchDB push ${Math.round(pouch.ms)} ms`);
  }
  const linkText = `${link.downKbps / 1000} Mbit/s down, ${link.upKbps} kbit/s up, ${link.rttMs} ms round trip`;
  const n = records.toLocaleString('en');
  const pullTime = stat(pull.ms.map(seconds));
  return [
    ...compared(`rural-push-${records}`, `${n} records pushed over a rural link (${linkText})`, push.talka, push.pouch, false, { link }),
    {
      id: `rural-pull-${records}-s`, label: `${n} records pulled onto a fresh profile over the same link`, unit: 's', stat: pullTime,
      note: `${fixed(stat(pull.bytes.map(megabytes)).median)} MB on the socket (PouchDB's pull over this link not measured: it would add minutes to every bench)`,
    },
  ];
}
