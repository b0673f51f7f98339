// One measurement run: a fresh server (own SQLite folder) behind a counting
// proxy; device A signs in through the UI, creates a community, gets N needs
// written the way Notebook writes them and presses "Sync now"; then a fresh
// device B (new browser context) of the same organisation signs in and pulls
// them all.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import * as v from 'valibot';
import { startServer, type RunningServer } from '../../testing/server';
import {
  READ_WATCH_SCRIPT, clickAndStartClockScript, countStoresScript, injectNeedsScript, injectResultSchema, startWatchScript,
  storeCountsSchema, watchStateSchema, type InjectResult, type WatchState,
} from './page-scripts';
import { CountingProxy, preciseNow, sumBytes, type ByteCount, type Link, type ProxiedRequest } from './proxy';

const ORGANISATION = 'Vidzemes kopienu centrs';
const COORDINATOR = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const COMMUNITY = { name: 'Lazdonas kopiena', municipality: 'Madonas novads', parish: 'Lazdona', maturity: 'Aktīva' };
const DEVICE: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow',
};
/** Generous: a run over the emulated rural link loads the app and signs in through it too. */
const STEP_MS = 90_000;
const SYNC_LIMIT_MS = 300_000;

export interface RunOptions {
  browser: Browser;
  records: number;
  staticDir: string;
  log: (line: string) => void;
  /** Collect a CPU profile of the page during each measured phase. */
  profile?: (phase: 'push' | 'pull', profile: unknown) => void;
  /** An emulated link between the browsers and the server (the whole run goes through it). */
  link?: Link;
}

/** Per request of one kind (push or pull) within a phase. */
export interface RequestBreakdown {
  count: number;
  bytes: ByteCount;
  /** Sending the request body (first to last byte from the browser). */
  uploadMs: number;
  /** Last request byte to first response byte: the server's work. */
  serverMs: number;
  /** First to last response byte. */
  downloadMs: number;
}

export interface PushResult {
  /** Click on "Sync now" until the outbox is empty (every change acknowledged and removed). */
  ms: number;
  /** Click until the sync run ended (the engine pulls after pushing: here it fetches back what it just sent). */
  fullSyncMs: number;
  /** Bytes on the socket from the click until the outbox was empty. */
  bytes: ByteCount;
  /** Of these, the API's (sync) requests alone. */
  apiBytes: ByteCount;
  fullSyncBytes: ByteCount;
  push: RequestBreakdown;
  /** The pull that follows the push in the same run. */
  echoPull: RequestBreakdown;
  /** Click until the first push request left the browser: counting, reading the first batch, JSON, gzip. */
  beforeFirstRequestMs: number;
  /** Between a push answer's last byte and the next push request (settling a batch, reading and gzipping the next). */
  betweenPushesMs: number;
  /** Last push answer until the outbox count read 0 (settling the last batch, plus up to one poll interval). */
  afterLastPushMs: number;
  /** Answer's last byte until the outbox count dropped (the acknowledgement transaction committed), summed over pushes; ≤ 20 ms polling each. */
  settleMs: number;
  /** From that drop to the next push request (reading the next batch, JSON, gzip), summed. */
  prepareNextMs: number;
  /** Between an echo pull page's last byte and the next request or the end of the run: parsing and applying a page. */
  applyEchoPagesMs: number;
  inject: InjectResult;
}

export interface PullResult {
  /** Click on "Pieslēgties" on a fresh device until every need is in its IndexedDB (the last one sent is stored; the count is checked after). */
  ms: number;
  /** From the first pull request leaving the browser until every need is in IndexedDB. */
  fromFirstPullMs: number;
  /** Bytes on the socket from the click until every need was stored (sign-in included). */
  bytes: ByteCount;
  /** Of these, the API's requests alone (sign-in and pulls; the app's own files fetched meanwhile left out). */
  apiBytes: ByteCount;
  /** Of these, the sync pull requests alone. */
  pullBytes: ByteCount;
  pull: RequestBreakdown;
  /** Click until the first pull request: the login request, adopting the session, starting the engine. */
  beforeFirstPullMs: number;
  /** Between a page's last byte and the next request (or the last record stored): parsing and applying a page. */
  applyPagesMs: number;
  byLabel: Record<string, ByteCount & { requests: number }>;
}

export interface RunResult {
  push: PushResult;
  pull: PullResult;
  serverOutput?: string;
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = STEP_MS, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Opens the app and waits until the service worker has precached it, then closes that notice (as the e2e steps do). */
async function openApp(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  const ready = page.getByRole('alertdialog');
  await ready.getByText('Talka ir gatava darbam bez tīkla.', { exact: true }).waitFor({ timeout: STEP_MS });
  await ready.getByRole('button', { name: 'Aizvērt' }).click();
  await ready.waitFor({ state: 'detached', timeout: STEP_MS });
  return page;
}

async function fillSignIn(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Pieslēgšanās' }).waitFor({ timeout: STEP_MS });
  const form = page.locator('form.account-form');
  await form.getByLabel('E-pasts', { exact: true }).fill(COORDINATOR.email);
  await form.getByLabel('Parole', { exact: true }).fill(COORDINATOR.password);
}

async function pendingCount(page: Page): Promise<string | null> {
  return page.getByTestId('pending-count').getAttribute('data-count', { timeout: 1_000 });
}

async function syncButtonEnabled(page: Page): Promise<boolean> {
  return page.locator('button.sync-bar__button').isEnabled({ timeout: 1_000 });
}

/** Waits until the sync bar says nothing is waiting, a sync has finished and none runs. */
async function waitAllSent(page: Page, timeoutMs = STEP_MS): Promise<void> {
  await waitUntil('every change sent', async () => {
    const text = (await page.getByTestId('pending-count').innerText({ timeout: 1_000 })).replace(/\s+/g, ' ');
    return (await pendingCount(page)) === '0' && /^Visas izmaiņas nosūtītas, /.test(text) && (await syncButtonEnabled(page));
  }, timeoutMs, 100);
}

const isApi = (request: ProxiedRequest) => / \/api\//.test(request.label);

function breakdown(requests: readonly ProxiedRequest[]): RequestBreakdown {
  let uploadMs = 0;
  let serverMs = 0;
  let downloadMs = 0;
  for (const request of requests) {
    uploadMs += request.requestEnd - request.requestStart;
    if (request.responseStart !== null && request.responseEnd !== null) {
      serverMs += request.responseStart - request.requestEnd;
      downloadMs += request.responseEnd - request.responseStart;
    }
  }
  return { count: requests.length, bytes: sumBytes(requests), uploadMs, serverMs, downloadMs };
}

/** Sum of the gaps from each of `after`'s answers to whatever request comes next (or `end`). */
function gapsAfter(after: readonly ProxiedRequest[], all: readonly ProxiedRequest[], end: number): number {
  let total = 0;
  for (const request of after) {
    const answered = request.responseEnd ?? request.requestEnd;
    const next = all.find((other) => other.requestStart >= answered);
    total += Math.min(next?.requestStart ?? end, end) - answered;
  }
  return total;
}

function byLabel(requests: readonly ProxiedRequest[]): Record<string, ByteCount & { requests: number }> {
  const out: Record<string, ByteCount & { requests: number }> = {};
  for (const request of requests) {
    const entry = out[request.label] ?? { up: 0, down: 0, requests: 0 };
    entry.up += request.up;
    entry.down += request.down;
    entry.requests++;
    out[request.label] = entry;
  }
  return out;
}

async function readWatch(page: Page): Promise<WatchState> {
  return v.parse(watchStateSchema, await page.evaluate(READ_WATCH_SCRIPT));
}

async function waitWatch(page: Page, what: string): Promise<WatchState> {
  return waitUntil(what, async () => {
    const state = await readWatch(page);
    if (state.error) throw new Error(state.error);
    return state.idleAt !== null ? state : null;
  }, SYNC_LIMIT_MS, 100);
}

/** Runs `body` under the CPU profiler when asked to; `stop` ends the profile early (say, when the outbox is empty). */
async function withProfile<T>(page: Page, phase: 'push' | 'pull', options: RunOptions, body: (stop: () => Promise<void>) => Promise<T>): Promise<T> {
  const report = options.profile;
  if (!report) return body(async () => {});
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const { profile } = await cdp.send('Profiler.stop');
    report(phase, profile);
    await cdp.detach();
  };
  try {
    return await body(stop);
  } finally {
    await stop();
  }
}

/** For each push answer: when the outbox's first key next changed (the acks settled), from the watcher's samples. */
function settleTimes(pushes: readonly ProxiedRequest[], samples: readonly [number, number | string][]): (number | null)[] {
  return pushes.map((push) => {
    const answered = push.responseEnd ?? push.requestEnd;
    let before: number | string | undefined;
    for (const [at, value] of samples) if (at <= answered) before = value;
    const changed = samples.find(([at, value]) => at > answered && value !== before);
    return changed ? changed[0] : null;
  });
}

async function setUp(server: RunningServer): Promise<void> {
  if (!server.setupLink) throw new Error(`The server printed no setup link:\n${server.output()}`);
  const token = new URL(server.setupLink).hash.slice(1);
  const response = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, organisation: ORGANISATION, name: COORDINATOR.name, email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  if (response.status !== 201) throw new Error(`Setup answered ${response.status}: ${await response.text()}`);
}

async function measurePush(options: RunOptions, proxy: CountingProxy, context: BrowserContext, pageErrors: string[]): Promise<PushResult> {
  const { records, log } = options;
  const page = await openApp(context, '/login');
  await fillSignIn(page);
  await page.locator('form.account-form').getByRole('button', { name: 'Pieslēgties' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kopienas' }).waitFor({ timeout: STEP_MS });

  // A community through the UI, sent by the app itself a few seconds after the write.
  await page.getByRole('link', { name: /Jauna kopiena/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Jauna kopiena' }).waitFor({ timeout: STEP_MS });
  await page.getByLabel('Nosaukums', { exact: true }).fill(COMMUNITY.name);
  await page.getByLabel('Novads vai valstspilsēta', { exact: true }).selectOption({ label: COMMUNITY.municipality });
  await page.getByLabel('Pagasts vai ciems', { exact: true }).fill(COMMUNITY.parish);
  await page.getByLabel('Kopienas brieduma pakāpe', { exact: true }).selectOption({ label: COMMUNITY.maturity });
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByRole('heading', { level: 1, name: COMMUNITY.name }).waitFor({ timeout: STEP_MS });
  await waitAllSent(page);

  // The server out of reach while the records are written and the app restarts, so nothing is sent before the click.
  proxy.block();
  const inject = v.parse(injectResultSchema, await page.evaluate(injectNeedsScript(records)));
  log(`  wrote ${inject.count} needs + outbox entries in ${Math.round(inject.ms)} ms (content ${Math.round(inject.contentBytes)} B, stored ${Math.round(inject.storedBytes)} B, mutation ${Math.round(inject.mutationBytes)} B each)`);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Kopienas' }).waitFor({ timeout: STEP_MS });
  await waitUntil(`${records} changes waiting and a failed attempt shown`, async () =>
    (await pendingCount(page)) === String(records)
    && (await page.locator('.sync-bar__failure').count()) > 0
    && (await syncButtonEnabled(page)), STEP_MS, 50);

  const unblockedAt = preciseNow();
  proxy.unblock();
  await page.evaluate(startWatchScript({ kind: 'outbox-empty' }));
  const state = await withProfile(page, 'push', options, async (stopProfile) => {
    await page.evaluate(clickAndStartClockScript('button.sync-bar__button'));
    await waitUntil('the outbox to empty', async () => (await readWatch(page)).reachedAt !== null, SYNC_LIMIT_MS, 25);
    await stopProfile();
    return waitWatch(page, 'the sync to end');
  });
  const t0 = state.t0!;
  const emptyAt = state.reachedAt!;
  const idleAt = state.idleAt!;

  const early = proxy.requestsBetween(unblockedAt, t0).filter((request) => request.label.startsWith('POST /api/sync/'));
  if (early.length > 0) throw new Error('A push left before the click (the engine retried by itself): the run does not count');
  const inRun = proxy.requestsBetween(t0, idleAt);
  const pushes = inRun.filter((request) => request.label === 'POST /api/sync/push');
  const pulls = inRun.filter((request) => request.label === 'GET /api/sync/pull');
  const untilEmpty = proxy.requestsBetween(t0, emptyAt);
  const counts = v.parse(storeCountsSchema, await page.evaluate(countStoresScript(['outbox', 'needs'])));
  if (counts.outbox !== 0 || counts.needs !== records) throw new Error(`After the push: ${JSON.stringify(counts)}`);
  if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
  await page.close();

  const firstPush = pushes[0];
  const lastPush = pushes.at(-1);
  const settled = settleTimes(pushes, state.samples);
  let settleMs = 0;
  let prepareNextMs = 0;
  pushes.forEach((push, i) => {
    const at = settled[i];
    if (at === null || at === undefined) return;
    settleMs += at - (push.responseEnd ?? push.requestEnd);
    const next = pushes[i + 1];
    if (next) prepareNextMs += next.requestStart - at;
  });
  return {
    ms: emptyAt - t0,
    fullSyncMs: idleAt - t0,
    bytes: sumBytes(untilEmpty),
    apiBytes: sumBytes(untilEmpty.filter(isApi)),
    fullSyncBytes: sumBytes(inRun),
    push: breakdown(pushes),
    echoPull: breakdown(pulls),
    beforeFirstRequestMs: firstPush ? firstPush.requestStart - t0 : 0,
    betweenPushesMs: gapsAfter(pushes.slice(0, -1), inRun, idleAt),
    afterLastPushMs: lastPush?.responseEnd ? emptyAt - lastPush.responseEnd : 0,
    settleMs,
    prepareNextMs,
    applyEchoPagesMs: gapsAfter(pulls, inRun, idleAt),
    inject,
  };
}

async function measurePull(options: RunOptions, proxy: CountingProxy, context: BrowserContext, pageErrors: string[], lastId: string): Promise<PullResult> {
  const { records } = options;
  const page = await openApp(context, '/login');
  await fillSignIn(page);
  await page.evaluate(startWatchScript({ kind: 'record-stored', store: 'needs', id: lastId }));
  const state = await withProfile(page, 'pull', options, async () => {
    await page.evaluate(clickAndStartClockScript('form.account-form button[type="submit"]'));
    return waitWatch(page, `all ${records} needs on the fresh device`);
  });
  const t0 = state.t0!;
  const doneAt = state.reachedAt!;
  const inWindow = proxy.requestsBetween(t0, doneAt);
  const pulls = inWindow.filter((request) => request.label === 'GET /api/sync/pull');
  const counts = v.parse(storeCountsSchema, await page.evaluate(countStoresScript(['needs', 'communities', 'outbox'])));
  if (counts.needs !== records || counts.communities !== 1) throw new Error(`After the pull: ${JSON.stringify(counts)}`);
  if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
  await page.close();
  const firstPull = pulls[0];
  return {
    ms: doneAt - t0,
    fromFirstPullMs: firstPull ? doneAt - firstPull.requestStart : 0,
    bytes: sumBytes(inWindow),
    apiBytes: sumBytes(inWindow.filter(isApi)),
    pullBytes: sumBytes(pulls),
    pull: breakdown(pulls),
    beforeFirstPullMs: firstPull ? firstPull.requestStart - t0 : 0,
    applyPagesMs: gapsAfter(pulls, inWindow, doneAt),
    byLabel: byLabel(inWindow),
  };
}

export async function measureOnce(options: RunOptions): Promise<RunResult> {
  const { browser, log } = options;
  let server: RunningServer | null = null;
  let proxy: CountingProxy | null = null;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const newDevice = async (name: string) => {
    const context = await browser.newContext({ ...DEVICE, baseURL: proxy!.url });
    context.setDefaultTimeout(STEP_MS);
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`)));
    contexts.push(context);
    return context;
  };
  try {
    server = await startServer({ STATIC_DIR: options.staticDir });
    proxy = await CountingProxy.start(Number(new URL(server.url).port), { link: options.link });
    await setUp(server);
    log(`  server ${server.url} (data ${server.dataDir}), proxy ${proxy.url}`);

    const deviceA = await newDevice('A');
    const push = await measurePush(options, proxy, deviceA, pageErrors);
    await deviceA.close();
    log(`  push: outbox empty after ${Math.round(push.ms)} ms, sync ended after ${Math.round(push.fullSyncMs)} ms`);

    const deviceB = await newDevice('B');
    const pull = await measurePull(options, proxy, deviceB, pageErrors, push.inject.lastId);
    log(`  pull: ${options.records} needs on the fresh device after ${Math.round(pull.ms)} ms`);
    return { push, pull };
  } catch (error) {
    if (server) log(`  server output:\n${server.output()}`);
    throw error;
  } finally {
    for (const context of contexts) await context.close().catch(() => {});
    await proxy?.close();
    await server?.stop();
  }
}
