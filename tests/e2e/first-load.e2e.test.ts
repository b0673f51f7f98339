// A first visit on a slow rural line (docs/quality-bars.md): the
// built app's first screen, counting every script and stylesheet the page
// fetches until it settles (not only the critical path), is at most 70 KB
// gzipped, measured the way the bench's size section measures it
// (scripts/bench/bundle-size.ts). The rest of the app is the service
// worker's to precache, not the page's to fetch.
import type { Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFirstLoad } from '../../scripts/bench/bundle-size';
import { launchChromium } from '../../testing/browser';
import { startServer, type RunningServer } from '../../testing/server';

const FIRST_LOAD_KB = 70;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = fileURLToPath(new URL('../../dist', import.meta.url));

describe('the first visit', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ STATIC_DIR: dist });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`fetches at most ${String(FIRST_LOAD_KB)} KB of gzipped JavaScript and CSS until the page settles`, async () => {
    const load = await measureFirstLoad({ browser, root, staticDir: dist, runs: 1, log: () => undefined }, server.url);
    const kb = load.counted.reduce((total, file) => total + file.bytes, 0) / 1000;
    const files = load.counted.map((file) => `${file.path} ${(file.bytes / 1000).toFixed(1)}`).join(', ');
    expect(kb, files).toBeLessThanOrEqual(FIRST_LOAD_KB);
    // Neither the database's queries, the sync engine nor the rest of the Latvian strings: a fresh, signed-out device needs none of them yet.
    expect(load.counted.map((file) => file.path).filter((path) => /\/(lv-rest|runtime|records|UnsentSummary)-[\w-]+\.js$/.test(path))).toEqual([]);
    // Everything it fetched came gzipped (hono/compress leaves bodies under 1 KB alone).
    expect(load.counted.filter((file) => file.encoding !== 'gzip' && file.decodedBytes >= 1024).map((file) => file.path)).toEqual([]);
  });
});
