// The size bars (docs/quality-bars.md): first-load JavaScript + CSS ≤ 70 KB
// gzipped, everything precached ≤ 400 KB, icons aside.
//
// first-load-kb is measured in Chromium: the real server (server/main.ts,
// which gzips through hono/compress) serves ctx.staticDir, a fresh browser
// context opens `/`, the first screen (the community list) comes on screen,
// and the page is left until it settles: no script or stylesheet requested
// for SETTLE_MS. Every script and stylesheet the page requested by then
// counts with its encodedBodySize (the body as it crossed the link,
// gzipped), not only the critical path: what a first visit on a slow line
// downloads before the page is at rest. The HTML document is not
// JS/CSS and is left out; the service worker's own precache fetches are not
// the page's and are not counted. The files requested after the first screen
// are listed apart in the detail too.
//
// precache-kb and precache-raw-kb read the precache manifest out of sw.js
// and sum the files it lists, icons (png, ico, apple-touch) aside: raw bytes,
// and gzip level 6 (what hono/compress sends, so what crosses the link).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '../../testing/server';
import { stat, type BenchContext, type Figure } from './types';

const KB = 1000;
const FIRST_LOAD_BAR = 70;
const PRECACHE_BAR = 400;
const SCREEN_TIMEOUT_MS = 30_000;
/** The page has settled once it has requested no script or stylesheet for this long. */
const SETTLE_MS = 1_500;
/** How often to look for new requests while waiting for the page to settle. */
const SETTLE_POLL_MS = 100;
/** hono/compress's default threshold: smaller bodies are sent as they are. */
const GZIP_THRESHOLD = 1024;

export interface LoadedFile {
  /** Path on the server, e.g. /assets/index-C-_IZWA3.js. */
  path: string;
  /** Gzipped body bytes as received (encodedBodySize). */
  bytes: number;
  /** Body bytes once decoded. */
  decodedBytes: number;
  /** Body plus headers (transferSize). */
  transferBytes: number;
  /** The server's Content-Encoding, or null when it sent the file as is. */
  encoding: string | null;
  /** Milliseconds after navigation start the request was made. */
  requestedAt: number;
}

export interface FirstLoad {
  /** Milliseconds after navigation start the first screen was rendered and done loading. */
  firstScreenAt: number;
  /** JS and CSS requested before the page settled: what the figure counts. */
  counted: LoadedFile[];
  /** Those of them requested after the first screen was on it. */
  later: LoadedFile[];
}

// Runs in the page from its first script on: notes when the community list's
// heading is on screen with its content loaded (no "Ielādē…" status left).
const WATCH_FIRST_SCREEN = `(() => {
  const done = () => {
    const heading = document.querySelector('#main #page-title');
    if (!heading || !heading.textContent || !heading.textContent.trim()) return false;
    if (document.querySelector('#main [role="status"]')) return false;
    return true;
  };
  const observer = new MutationObserver(() => {
    if (window.__firstScreenAt === undefined && done()) {
      window.__firstScreenAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

function readResources(): unknown {
  return performance.getEntriesByType('resource').map((entry) => {
    const timing = entry instanceof PerformanceResourceTiming ? entry : null;
    return {
      url: entry.name, startTime: entry.startTime, encodedBodySize: timing?.encodedBodySize,
      decodedBodySize: timing?.decodedBodySize, transferSize: timing?.transferSize,
    };
  });
}

interface ResourceEntry {
  url: string;
  startTime: number;
  encodedBodySize: number;
  decodedBodySize: number;
  transferSize: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toResourceEntries(value: unknown): ResourceEntry[] {
  if (!Array.isArray(value)) throw new Error('resource timing: not a list');
  return value.map((item: unknown) => {
    if (!isRecord(item)) throw new Error('resource timing: not an entry');
    const { url, startTime, encodedBodySize, decodedBodySize, transferSize } = item;
    if (typeof url !== 'string' || typeof startTime !== 'number' || typeof encodedBodySize !== 'number' ||
      typeof decodedBodySize !== 'number' || typeof transferSize !== 'number') {
      throw new Error(`resource timing: unexpected entry ${JSON.stringify(item)}`);
    }
    return { url, startTime, encodedBodySize, decodedBodySize, transferSize };
  });
}

const isCode = (path: string) => /\.(?:m?js|css)$/.test(path);

/** One first visit to `/` in a fresh context of ctx.browser. */
export async function measureFirstLoad(ctx: BenchContext, baseUrl: string): Promise<FirstLoad> {
  const context = await ctx.browser.newContext({
    viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow',
  });
  try {
    const page: Page = await context.newPage();
    const encodings = new Map<string, string | null>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (isCode(path)) encodings.set(path, response.headers()['content-encoding'] ?? null);
    });
    await page.addInitScript(WATCH_FIRST_SCREEN);
    await page.goto(`${baseUrl}/`);
    // A function, not a string: the app's CSP forbids eval.
    const firstScreenAt = await page.waitForFunction(() => Reflect.get(window, '__firstScreenAt'), undefined, { timeout: SCREEN_TIMEOUT_MS, polling: 50 })
      .then((handle) => handle.jsonValue());
    if (typeof firstScreenAt !== 'number') throw new Error('The first screen did not report when it rendered');
    // Settled: no new script or stylesheet for SETTLE_MS (bounded by SCREEN_TIMEOUT_MS).
    let codeRequests = -1;
    let quietSince = Date.now();
    for (const started = Date.now(); Date.now() - started < SCREEN_TIMEOUT_MS;) {
      const now = toResourceEntries(await page.evaluate(readResources)).filter((entry) => isCode(new URL(entry.url).pathname)).length;
      if (now !== codeRequests) {
        codeRequests = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= SETTLE_MS) {
        break;
      }
      await page.waitForTimeout(SETTLE_POLL_MS);
    }
    const entries = toResourceEntries(await page.evaluate(readResources));
    const files = entries
      .map((entry): LoadedFile => {
        const path = new URL(entry.url).pathname;
        return {
          path, bytes: entry.encodedBodySize, decodedBytes: entry.decodedBodySize, transferBytes: entry.transferSize,
          encoding: encodings.get(path) ?? null, requestedAt: Math.round(entry.startTime),
        };
      })
      .filter((file) => isCode(file.path));
    return {
      firstScreenAt: Math.round(firstScreenAt),
      counted: files,
      later: files.filter((file) => file.requestedAt > firstScreenAt),
    };
  } finally {
    await context.close();
  }
}

export interface PrecacheEntry {
  url: string;
  raw: number;
  gzip: number;
}

export interface Precache {
  counted: PrecacheEntry[];
  icons: PrecacheEntry[];
  /** Files under assets/ that the service worker does not precache (runtime-cached on first use). */
  notPrecached: PrecacheEntry[];
}

/** The URLs in sw.js's precacheAndRoute([...]) call. */
export function precacheUrls(swSource: string): string[] {
  const start = swSource.indexOf('precacheAndRoute([');
  if (start < 0) throw new Error('sw.js has no precacheAndRoute([...]) manifest');
  const end = swSource.indexOf(']', start);
  const list = swSource.slice(start, end);
  // A URL listed twice (favicon.svg: includeAssets and the glob) is cached once.
  const urls = [...new Set([...list.matchAll(/"?\burl"?:\s*"([^"]+)"/g)].map((match) => match[1]!))];
  if (urls.length === 0) throw new Error('sw.js precaches nothing');
  return urls;
}

export const isIcon = (url: string) => /\.(?:png|ico)$/i.test(url) || url.includes('apple-touch');

function sizeOf(staticDir: string, url: string): PrecacheEntry {
  const bytes = readFileSync(join(staticDir, url.replace(/^\//, '')));
  return { url, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

export function readPrecache(staticDir: string): Precache {
  const urls = precacheUrls(readFileSync(join(staticDir, 'sw.js'), 'utf8'));
  const entries = urls.map((url) => sizeOf(staticDir, url));
  const listed = new Set(urls.map((url) => url.replace(/^\//, '')));
  const assetsDir = join(staticDir, 'assets');
  const notPrecached = readdirSync(assetsDir)
    .map((name) => relative(staticDir, join(assetsDir, name)).split(sep).join('/'))
    .filter((url) => statSync(join(staticDir, url)).isFile() && !listed.has(url))
    .map((url) => sizeOf(staticDir, url));
  return {
    counted: entries.filter((entry) => !isIcon(entry.url)),
    icons: entries.filter((entry) => isIcon(entry.url)),
    notPrecached,
  };
}

const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const bySize = <T extends { gzip: number }>(list: readonly T[]) => [...list].sort((a, b) => b.gzip - a.gzip);

export async function measureBundle(ctx: BenchContext): Promise<Figure[]> {
  const firstLoads: FirstLoad[] = [];
  const server = await startServer({ STATIC_DIR: ctx.staticDir });
  try {
    for (let run = 1; run <= ctx.runs; run++) {
      const load = await measureFirstLoad(ctx, server.url);
      firstLoads.push(load);
      ctx.log(`bundle: first load ${run}/${ctx.runs}: ${kb(sum(load.counted.map((file) => file.bytes)))} KB in ${load.counted.length} files, first screen at ${load.firstScreenAt} ms`);
    }
  } finally {
    await server.stop();
  }

  const precaches: Precache[] = [];
  for (let run = 1; run <= ctx.runs; run++) precaches.push(readPrecache(ctx.staticDir));

  const last = firstLoads.at(-1)!;
  // hono/compress leaves bodies under 1 KB alone (gzip would barely shrink them); anything bigger must arrive gzipped.
  const small = last.counted.filter((file) => file.encoding !== 'gzip' && file.decodedBytes < GZIP_THRESHOLD);
  const uncompressed = last.counted.filter((file) => file.encoding !== 'gzip' && file.decodedBytes >= GZIP_THRESHOLD);
  if (uncompressed.length > 0) {
    ctx.log(`bundle: WARNING the server sent ${uncompressed.length} of ${last.counted.length} first-load files of 1 KB or more without gzip: ${uncompressed.map((file) => file.path).join(', ')}`);
  }
  const gzipNote = uncompressed.length > 0
    ? `${uncompressed.length} files ≥ 1 KB came uncompressed`
    : `all gzipped${small.length > 0 ? ` but ${small.length} under 1 KB (hono/compress threshold)` : ''}`;

  const precache = precaches.at(-1)!;
  const rawTotal = sum(precache.counted.map((entry) => entry.raw));
  const gzipTotal = sum(precache.counted.map((entry) => entry.gzip));
  const precacheDetail = {
    entries: precache.counted.length + precache.icons.length,
    counted: precache.counted.length,
    rawKB: kb(rawTotal),
    gzipKB: kb(gzipTotal),
    icons: precache.icons.map((entry) => ({ url: entry.url, rawKB: kb(entry.raw) })),
    files: bySize(precache.counted).map((entry) => ({ url: entry.url, rawKB: kb(entry.raw), gzipKB: kb(entry.gzip) })),
    notPrecached: {
      rawKB: kb(sum(precache.notPrecached.map((entry) => entry.raw))),
      gzipKB: kb(sum(precache.notPrecached.map((entry) => entry.gzip))),
      files: bySize(precache.notPrecached).map((entry) => ({ url: entry.url, rawKB: kb(entry.raw), gzipKB: kb(entry.gzip) })),
    },
  };
  const largest = [...precache.counted].sort((a, b) => b.raw - a.raw).slice(0, 3)
    .map((entry) => `${entry.url.replace(/^assets\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1')} ${kb(entry.raw)}`).join(', ');
  const precacheNote = `${precacheDetail.entries} sw.js precache entries, ${precache.icons.length} icons (png/ico/apple-touch) aside: ` +
    `${kb(rawTotal)} KB raw, ${kb(gzipTotal)} KB gzipped; the stat is gzip level 6 bytes, what hono/compress sends over the link`;

  return [
    {
      id: 'first-load-kb',
      label: 'First-load JavaScript + CSS, gzipped (first visit, community list, until the page settles)',
      unit: 'KB',
      stat: stat(firstLoads.map((load) => kb(sum(load.counted.map((file) => file.bytes))))),
      bar: { kind: 'max', value: FIRST_LOAD_BAR, text: `≤ ${FIRST_LOAD_BAR} KB` },
      note: `Chromium, real server, fresh context: encodedBodySize of every .js/.css the page requested until it settled (${String(SETTLE_MS)} ms without one), the community list on screen (HTML left out); ${gzipNote}`,
      detail: {
        firstScreenAtMs: firstLoads.map((load) => load.firstScreenAt),
        transferKB: kb(sum(last.counted.map((file) => file.transferBytes))),
        decodedKB: kb(sum(last.counted.map((file) => file.decodedBytes))),
        uncompressed: uncompressed.map((file) => file.path),
        underGzipThreshold: small.map((file) => file.path),
        files: last.counted.map((file) => ({ path: file.path, gzipKB: kb(file.bytes), decodedKB: kb(file.decodedBytes), encoding: file.encoding, requestedAtMs: file.requestedAt })),
        afterFirstScreen: last.later.map((file) => ({ path: file.path, gzipKB: kb(file.bytes), requestedAtMs: file.requestedAt })),
      },
    },
    {
      id: 'precache-kb',
      label: 'Everything the service worker precaches, icons aside, gzipped',
      unit: 'KB',
      stat: stat(precaches.map((p) => kb(sum(p.counted.map((entry) => entry.gzip))))),
      bar: { kind: 'max', value: PRECACHE_BAR, text: `≤ ${PRECACHE_BAR} KB, icons aside` },
      note: precacheNote,
      detail: precacheDetail,
    },
    {
      id: 'precache-raw-kb',
      label: 'Everything the service worker precaches, icons aside, raw bytes',
      unit: 'KB',
      stat: stat(precaches.map((p) => kb(sum(p.counted.map((entry) => entry.raw))))),
      bar: { kind: 'max', value: PRECACHE_BAR, text: `≤ ${PRECACHE_BAR} KB raw, icons aside` },
      note: `The same ${precacheDetail.entries} entries before compression (largest: ${largest}); English stays precached so a facilitator can switch offline`,
      detail: { rawKB: precacheDetail.rawKB, gzipKB: precacheDetail.gzipKB, counted: precacheDetail.counted },
    },
  ];
}
