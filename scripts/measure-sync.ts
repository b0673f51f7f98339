// How long the app takes to push 10,000 records from a browser to the real
// server, and to pull them onto a fresh device, and how many bytes cross the
// socket — next to PouchDB 9 doing the same on the same kind of machine.
//
//   npx vite build && npx tsx scripts/measure-sync.ts            # table, 3 runs
//   npx tsx scripts/measure-sync.ts --json                         # one JSON object
//   npx tsx scripts/measure-sync.ts --runs 5 --records 10000 --profile /tmp/prof
//
// Each run starts the server (server/main.ts, SQLite in a fresh temp folder,
// serving a copy of dist/) behind a counting TCP proxy on another free
// loopback port, and uses fresh Chromium contexts (Debian's Chromium through
// playwright-core). Device A signs in through the UI, creates a community,
// gets RECORDS needs written in the shape Notebook writes them (record with
// per-field clocks + one outbox entry each, authored by the signed-in user),
// restarts with the server out of reach, then "Sync now" is pressed: time runs
// from the click until the outbox is empty. Device B, a fresh profile of the
// same organisation, signs in: time runs from pressing "Pieslēgties" until
// all needs are in its IndexedDB. Bytes are counted on the proxy's sockets,
// both ways, headers and compression included.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './measure/profile';
import type { ByteCount } from './measure/proxy';
import { measureOnce, type RunResult } from './measure/run';

/** PouchDB 9 in Chromium replicating to express-pouchdb, 10,000 small records (~230 B each), same kind of machine. */
const POUCHDB = {
  push: { seconds: 8.7, bytes: 4.5e6 },
  pull: { seconds: 11.0, bytes: 1.4e6 },
};

interface Args {
  json: boolean;
  runs: number;
  records: number;
  profileDir: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, runs: 3, records: 10_000, profileDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--runs') args.runs = Number(value());
    else if (arg === '--records') args.records = Number(value());
    else if (arg === '--profile') args.profileDir = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('npx tsx scripts/measure-sync.ts [--json] [--runs N] [--records N] [--profile DIR]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${arg}`);
  }
  if (!(args.runs >= 1 && Number.isInteger(args.runs))) throw new Error('--runs must be a whole number ≥ 1');
  if (!(args.records >= 1 && Number.isInteger(args.records))) throw new Error('--records must be a whole number ≥ 1');
  return args;
}

export interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

function bytesStat(values: readonly ByteCount[]): { up: Stat; down: Stat; total: Stat } {
  return { up: stat(values.map((b) => b.up)), down: stat(values.map((b) => b.down)), total: stat(values.map((b) => b.up + b.down)) };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const kilobytes = (bytes: number) => (bytes >= 1e6 ? megabytes(bytes) : `${(bytes / 1e3).toFixed(1)} kB`);
const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;
const timeCell = (s: Stat) => `${seconds(s.median)} s [${seconds(s.min)}–${seconds(s.max)}]`;

function summarise(runs: readonly RunResult[], records: number) {
  const push = runs.map((run) => run.push);
  const pull = runs.map((run) => run.pull);
  const median = (values: number[]) => stat(values).median;
  return {
    push: {
      ms: stat(push.map((p) => p.ms)),
      bytes: bytesStat(push.map((p) => p.bytes)),
      fullSyncMs: stat(push.map((p) => p.fullSyncMs)),
      fullSyncBytes: bytesStat(push.map((p) => p.fullSyncBytes)),
      breakdownMedianMs: {
        beforeFirstRequest: median(push.map((p) => p.beforeFirstRequestMs)),
        pushUpload: median(push.map((p) => p.push.uploadMs)),
        pushServer: median(push.map((p) => p.push.serverMs)),
        pushDownload: median(push.map((p) => p.push.downloadMs)),
        betweenPushes: median(push.map((p) => p.betweenPushesMs)),
        afterLastPush: median(push.map((p) => p.afterLastPushMs)),
        settle: median(push.map((p) => p.settleMs)),
        prepareNext: median(push.map((p) => p.prepareNextMs)),
        echoPullServer: median(push.map((p) => p.echoPull.serverMs)),
        echoPullDownload: median(push.map((p) => p.echoPull.downloadMs)),
        echoPullApply: median(push.map((p) => p.applyEchoPagesMs)),
      },
      pushRequests: median(push.map((p) => p.push.count)),
      echoPullRequests: median(push.map((p) => p.echoPull.count)),
      echoPullBytes: bytesStat(push.map((p) => p.echoPull.bytes)),
      recordBytes: {
        content: median(push.map((p) => p.inject.contentBytes)),
        stored: median(push.map((p) => p.inject.storedBytes)),
        mutation: median(push.map((p) => p.inject.mutationBytes)),
      },
      vsPouchDB: {
        time: median(push.map((p) => p.ms)) / 1000 / POUCHDB.push.seconds,
        bytes: median(push.map((p) => p.bytes.up + p.bytes.down)) / POUCHDB.push.bytes,
      },
    },
    pull: {
      ms: stat(pull.map((p) => p.ms)),
      fromFirstPullMs: stat(pull.map((p) => p.fromFirstPullMs)),
      bytes: bytesStat(pull.map((p) => p.bytes)),
      pullBytes: bytesStat(pull.map((p) => p.pullBytes)),
      breakdownMedianMs: {
        beforeFirstPull: median(pull.map((p) => p.beforeFirstPullMs)),
        server: median(pull.map((p) => p.pull.serverMs)),
        download: median(pull.map((p) => p.pull.downloadMs)),
        applyPages: median(pull.map((p) => p.applyPagesMs)),
      },
      pullRequests: median(pull.map((p) => p.pull.count)),
      vsPouchDB: {
        time: median(pull.map((p) => p.ms)) / 1000 / POUCHDB.pull.seconds,
        bytes: median(pull.map((p) => p.bytes.up + p.bytes.down)) / POUCHDB.pull.bytes,
      },
    },
    records,
  };
}

function printTable(summary: ReturnType<typeof summarise>, runs: number, browserVersion: string, profiles: Record<string, ProfileSummary[]>): void {
  const { push, pull, records } = summary;
  const rows: string[][] = [
    ['', 'time: median [min–max]', 'bytes up', 'bytes down', 'bytes total', 'PouchDB 9', 'time ×', 'bytes ×'],
    [
      `Push ${records.toLocaleString('en')}: "Sync now" → outbox empty`, timeCell(push.ms),
      megabytes(push.bytes.up.median), megabytes(push.bytes.down.median), megabytes(push.bytes.total.median),
      `${POUCHDB.push.seconds.toFixed(1)} s, ${megabytes(POUCHDB.push.bytes)}`,
      ratio(push.ms.median / 1000, POUCHDB.push.seconds), ratio(push.bytes.total.median, POUCHDB.push.bytes),
    ],
    [
      '  … until that sync run ends (pull included)', timeCell(push.fullSyncMs),
      megabytes(push.fullSyncBytes.up.median), megabytes(push.fullSyncBytes.down.median), megabytes(push.fullSyncBytes.total.median), '', '', '',
    ],
    [
      `Pull ${records.toLocaleString('en')} on a fresh device: "Pieslēgties" → all in IndexedDB`, timeCell(pull.ms),
      megabytes(pull.bytes.up.median), megabytes(pull.bytes.down.median), megabytes(pull.bytes.total.median),
      `${POUCHDB.pull.seconds.toFixed(1)} s, ${megabytes(POUCHDB.pull.bytes)}`,
      ratio(pull.ms.median / 1000, POUCHDB.pull.seconds), ratio(pull.bytes.total.median, POUCHDB.pull.bytes),
    ],
    [
      '  … from the first pull request (sign-in left out)', timeCell(pull.fromFirstPullMs),
      megabytes(pull.pullBytes.up.median), megabytes(pull.pullBytes.down.median), megabytes(pull.pullBytes.total.median), '', '', '',
    ],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log('');
  console.log(`Talka sync of ${records.toLocaleString('en')} needs, ${browserVersion} ↔ proxy ↔ server (SQLite) over loopback, ${runs} run${runs === 1 ? '' : 's'}`);
  console.log(`Records: ${Math.round(push.recordBytes.content)} B of content (title, description, category, status, owner, communityId, workshopId), `
    + `${Math.round(push.recordBytes.stored)} B stored with clocks, ${Math.round(push.recordBytes.mutation)} B as a push mutation (JSON, UTF-8). MB = 10^6 bytes, counted on the socket.`);
  console.log('');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('');
  const b = push.breakdownMedianMs;
  console.log(`Where push time goes (medians, ${push.pushRequests} push requests, then ${push.echoPullRequests} pull requests in the same run):`);
  console.log(`  click → first push request leaves        ${seconds(b.beforeFirstRequest)} s   (count, read the first batch, JSON, gzip)`);
  console.log(`  push requests: upload / server / answer  ${seconds(b.pushUpload)} / ${seconds(b.pushServer)} / ${seconds(b.pushDownload)} s`);
  console.log(`  between an answer and the next push      ${seconds(b.betweenPushes)} s   (settle acks, read next batch, JSON, gzip)`);
  console.log(`    of which: answer → acks committed      ${seconds(b.settle)} s   (all ${push.pushRequests} batches; the outbox's first key polled every 20 ms)`);
  console.log(`    of which: committed → next request     ${seconds(b.prepareNext)} s   (read next batch, JSON, gzip)`);
  console.log(`  last answer → outbox empty               ${seconds(b.afterLastPush)} s   (settle the last batch, ≤ 20 ms polling)`);
  console.log(`  then pulling back its own records        server ${seconds(b.echoPullServer)} s, download ${seconds(b.echoPullDownload)} s, apply ${seconds(b.echoPullApply)} s, ${megabytes(push.echoPullBytes.total.median)}`);
  const p = pull.breakdownMedianMs;
  console.log(`Where pull time goes (medians, ${pull.pullRequests} pull requests):`);
  console.log(`  click → first pull request leaves        ${seconds(p.beforeFirstPull)} s   (login, session adopted, engine loaded and started)`);
  console.log(`  pull requests: server / download         ${seconds(p.server)} / ${seconds(p.download)} s`);
  console.log(`  after each page until the next request   ${seconds(p.applyPages)} s   (parse, validate, apply the page in one transaction)`);
  for (const [phase, summaries] of Object.entries(profiles)) {
    const first = summaries[0];
    if (!first) continue;
    console.log('');
    console.log(`Page main thread during ${phase === 'push' ? 'push (click → outbox empty)' : 'pull (click → sync ended)'} (CPU profile of run 1): ${seconds(first.totalMs)} s, idle ${seconds(first.idleMs)} s, GC ${seconds(first.gcMs)} s, program ${seconds(first.programMs)} s; top self time:`);
    for (const entry of first.top) console.log(`  ${seconds(entry.selfMs).padStart(6)} s  ${entry.name}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = new URL('..', import.meta.url).pathname;
  const dist = process.env.TALKA_DIST ?? join(root, 'dist');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'sw.js'))) {
    throw new Error('No built app in dist/: run `npx vite build` first');
  }
  const log = (line: string) => { if (args.json) console.error(line); else console.log(line); };
  // A private copy of the build, so someone rebuilding dist/ meanwhile does not change what is measured.
  const work = mkdtempSync(join(tmpdir(), 'talka-measure-'));
  const staticDir = join(work, 'dist');
  cpSync(dist, staticDir, { recursive: true });
  if (args.profileDir) mkdirSync(args.profileDir, { recursive: true });

  let browser: Browser | null = null;
  const stopping = () => {
    void browser?.close();
    rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => { stopping(); process.exit(130); });
  const results: RunResult[] = [];
  const profiles: Record<string, ProfileSummary[]> = {};
  try {
    const chromium = await launchChromium();
    browser = chromium;
    const browserVersion = `Chromium ${chromium.version()}`;
    for (let run = 1; run <= args.runs; run++) {
      log(`Run ${run}/${args.runs}`);
      const measure = () => measureOnce({
        browser: chromium,
        records: args.records,
        staticDir,
        log,
        profile: args.profileDir
          ? (phase, profile) => {
            writeFileSync(join(args.profileDir!, `${phase}-run${run}.cpuprofile`), JSON.stringify(profile));
            (profiles[phase] ??= []).push(summariseProfile(profile as CpuProfile));
          }
          : undefined,
      });
      let result: RunResult;
      try {
        result = await measure();
      } catch (error) {
        // The engine's own retry timer can beat the click by a few milliseconds: such a run is measured again, once.
        if (!(error instanceof Error && error.message.includes('does not count'))) throw error;
        log(`  ${error.message}; measuring run ${run} again`);
        result = await measure();
      }
      results.push(result);
    }
    const summary = summarise(results, args.records);
    if (args.json) {
      console.log(JSON.stringify({
        records: args.records, runs: results, summary, browser: browserVersion,
        pouchdb: POUCHDB, profiles: args.profileDir ? profiles : undefined,
        measuredAt: new Date().toISOString(),
      }));
    } else {
      printTable(summary, args.runs, browserVersion, profiles);
    }
  } finally {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
