// The device side of sync without network or server: bundles
// db-bench-entry.ts (the app's own sync-store functions on a TalkaDatabase,
// and batched variants of them) and runs it in Debian's Chromium.
//
//   npx tsx scripts/measure/db-bench.ts [--records 10000] [--repeat 3] [--json]   (medians of the passes)
import { build } from 'esbuild';
import { launchChromium } from '../../tests/e2e/support/browser';
import type { BenchResult } from './db-bench-entry';

const ORIGIN = 'http://bench.talka.test';

/** The same shape as the passes, every number the median of its values across them. */
function medianOf<T>(passes: readonly T[]): T {
  const first = passes[0];
  if (typeof first === 'number') {
    const sorted = (passes as readonly number[]).slice().sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as T;
  }
  if (typeof first === 'object' && first !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(first)) out[key] = medianOf(passes.map((pass) => (pass as Record<string, unknown>)[key]));
    return out as T;
  }
  return first as T;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const recordsAt = argv.indexOf('--records');
  const records = recordsAt >= 0 ? Number(argv[recordsAt + 1]) : 10_000;
  const json = argv.includes('--json');
  const repeatAt = argv.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(argv[repeatAt + 1]) : 3;
  const bundle = await build({
    entryPoints: [new URL('./db-bench-entry.ts', import.meta.url).pathname],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: code });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/bench.js"></script>' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction('typeof globalThis.talkaBench === "function"');
    const passes: BenchResult[] = [];
    for (let i = 0; i < repeat; i++) passes.push((await page.evaluate(`globalThis.talkaBench(${JSON.stringify(records)})`)) as BenchResult);
    const result = medianOf(passes);
    if (json) {
      console.log(JSON.stringify({ browser: browser.version(), ...result }));
      return;
    }
    const ms = (value: number | undefined) => `${Math.round(value ?? 0)} ms`.padStart(9);
    console.log(`IndexedDB side of sync for ${records.toLocaleString('en')} needs in Chromium ${browser.version()} (no network, no server), median of ${repeat} passes`);
    console.log('');
    const push = result.push;
    const variants = ['app', 'appWithSyncBar', 'bulk', 'range'] as const;
    console.log('Push of the whole outbox, 1000 a batch  as the app does  + sync bar live query  getAll + bulkDelete  getAll + range delete');
    for (const [label, key] of [['read batches', 'read'], ['JSON + gzip', 'jsonGzip'], ['settle acks', 'settle'], ['total', 'total']] as const) {
      console.log(`  ${label.padEnd(37)}${variants.map((variant, i) => ms(push[variant][key]).padStart([16, 23, 20, 22][i]!)).join('')}`);
    }
    console.log(`  the sync bar's query re-reading the outbox after each settle: ${Math.round(push.app.listWholeOutbox ?? 0)} ms on its own; it ran ${push.appWithSyncBar.liveQueryRuns} times when subscribed`);
    console.log('Pull, applyPullPage over all pages');
    console.log(`  onto a fresh device           ${ms(result.pull.freshDevice)}         ${ms(result.pullBulk.freshDevice)}`);
    console.log(`  echo onto the same rows       ${ms(result.pull.echo)}         ${ms(result.pullBulk.echo)}`);
    console.log(`  of which valibot alone        ${ms(result.pull.validateOnly)}`);
    console.log(`Commit of a one-record transaction: strict ${result.commitMs.strict.toFixed(1)} ms, relaxed ${result.commitMs.relaxed.toFixed(1)} ms (median of 21)`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
