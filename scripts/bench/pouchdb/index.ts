// The PouchDB anchor of `npm run bench`: PouchDB 9 in Chromium (its default
// IndexedDB adapter) replicating the same needs Talka's bench syncs to
// express-pouchdb on PouchDB 9 with LevelDB on Node, through the same counting
// proxy (and, if asked, the same emulated link), so the bytes are counted on
// the socket the same way as Talka's. Each call is one run, with a fresh
// server (fresh LevelDB folder) and a fresh browser context:
//
//   push: the docs are written into the local PouchDB with bulkDocs before the
//         clock starts; then PouchDB.replicate(local, remote), defaults, from
//         the call until 'complete'.
//   pull: the remote already holds the docs (loaded server-side through its
//         HTTP API, not through the proxy); PouchDB.replicate(remote, local)
//         until 'complete', and then the local doc_count must be all of them.
//
// Bytes are those of the requests that started in that window, both ways.
// On its own: npx tsx scripts/bench/pouchdb/run-alone.ts [--records N] [--rural]
import type { BrowserContext, Page } from 'playwright-core';
import * as v from 'valibot';
import { CountingProxy, sumBytes, type ByteCount, type Link } from '../../measure/proxy';
import type { BenchContext } from '../types';
import { needDocs, type NeedDoc } from './docs';
import { startPouchServer, type PouchServer } from './server';

export interface PouchResult {
  ms: number;
  bytes: ByteCount;
  /** HTTP requests the replication made. */
  requests: number;
}

export interface PouchOptions {
  records: number;
  link?: Link;
}

/** How the comparison is set up, for a figure's note. */
export const POUCHDB_SETUP = 'PouchDB 9.0.0 in Chromium (IndexedDB adapter, one-shot replicate() with defaults: batches of 100) '
  + '↔ same proxy ↔ express-pouchdb 4.2.0 (minimumForPouchDB) on PouchDB 9.0.0 with LevelDB in Node; '
  + 'pull from a server loaded through its HTTP API beforehand';

const DB = 'needs';
const SEED_BATCH = 1_000;
const REPLICATION_LIMIT_MS = 900_000;

const REPLICATED = v.object({ t0: v.number(), t1: v.number(), ok: v.boolean(), docsWritten: v.number(), localCount: v.number() });
const DB_INFO = v.object({ doc_count: v.number() });
const BULK_RESULTS = v.array(v.object({ ok: v.optional(v.boolean()), error: v.optional(v.string()) }));

interface Rig {
  server: PouchServer;
  proxy: CountingProxy;
  page: Page;
  pageErrors: string[];
}

async function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function couch(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function serverDocCount(server: PouchServer): Promise<number> {
  return v.parse(DB_INFO, await couch(`${server.url}/${DB}`)).doc_count;
}

/** A fresh server with an empty database, the proxy in front of it, and a fresh browser context on the bench page. */
async function withRig<T>(ctx: BenchContext, options: PouchOptions, body: (rig: Rig) => Promise<T>): Promise<T> {
  const server = await startPouchServer(ctx.log);
  let proxy: CountingProxy | null = null;
  let context: BrowserContext | null = null;
  try {
    context = await ctx.browser.newContext();
    await couch(`${server.url}/${DB}`, { method: 'PUT' });
    proxy = await CountingProxy.start(Number(new URL(server.url).port), options.link ? { link: options.link } : {});
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${proxy.url}/bench/`);
    return await body({ server, proxy, page, pageErrors });
  } catch (error) {
    ctx.log(`  PouchDB server output:\n${server.output()}`);
    throw error;
  } finally {
    await context?.close().catch(() => {});
    await proxy?.close();
    await server.stop();
  }
}

/** Replicates in the page: the run's time, the bytes on the proxy in that window, and the local doc_count after. */
async function replicate(rig: Rig, direction: 'push' | 'pull', records: number): Promise<{ result: PouchResult; localCount: number }> {
  const outcome = v.parse(REPLICATED, await within(`PouchDB ${direction} of ${records} docs`, REPLICATION_LIMIT_MS,
    rig.page.evaluate(`window.pouchBench.replicate(${JSON.stringify(direction)}, ${JSON.stringify(`${rig.proxy.url}/${DB}`)})`)));
  if (rig.pageErrors.length > 0) throw new Error(`Errors in the page: ${rig.pageErrors.join('; ')}`);
  if (!outcome.ok || outcome.docsWritten !== records) throw new Error(`PouchDB ${direction}: ${JSON.stringify(outcome)}`);
  const requests = rig.proxy.requestsBetween(outcome.t0, outcome.t1);
  return { result: { ms: outcome.t1 - outcome.t0, bytes: sumBytes(requests), requests: requests.length }, localCount: outcome.localCount };
}

function summaryLine(direction: string, result: PouchResult): string {
  return `  PouchDB ${direction}: ${(result.ms / 1000).toFixed(2)} s, ${(result.bytes.up / 1e6).toFixed(2)} MB up, `
    + `${(result.bytes.down / 1e6).toFixed(2)} MB down, ${result.requests} requests`;
}

export async function measurePouchPush(ctx: BenchContext, options: PouchOptions): Promise<PouchResult> {
  const { records } = options;
  return withRig(ctx, options, async (rig) => {
    const loaded = v.parse(v.number(), await rig.page.evaluate(`window.pouchBench.load(${JSON.stringify(needDocs(records))})`));
    if (loaded !== records) throw new Error(`The local PouchDB holds ${loaded} docs, not ${records}`);
    const { result } = await replicate(rig, 'push', records);
    const remote = await serverDocCount(rig.server);
    if (remote !== records) throw new Error(`After the push the server holds ${remote} docs, not ${records}`);
    ctx.log(summaryLine('push', result));
    return result;
  });
}

export async function measurePouchPull(ctx: BenchContext, options: PouchOptions): Promise<PouchResult> {
  const { records } = options;
  return withRig(ctx, options, async (rig) => {
    const docs: NeedDoc[] = needDocs(records);
    for (let start = 0; start < docs.length; start += SEED_BATCH) {
      const results = v.parse(BULK_RESULTS, await couch(`${rig.server.url}/${DB}/_bulk_docs`, {
        method: 'POST', body: JSON.stringify({ docs: docs.slice(start, start + SEED_BATCH) }),
      }));
      const failed = results.find((result) => result.ok !== true);
      if (failed) throw new Error(`Loading the server: ${JSON.stringify(failed)}`);
    }
    const remote = await serverDocCount(rig.server);
    if (remote !== records) throw new Error(`The server holds ${remote} docs, not ${records}`);
    const { result, localCount: local } = await replicate(rig, 'pull', records);
    if (local !== records) throw new Error(`After the pull the browser holds ${local} docs, not ${records}`);
    ctx.log(summaryLine('pull', result));
    return result;
  });
}
