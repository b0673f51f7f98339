// The PouchDB comparison on its own, to check it without the whole bench:
// launches Chromium, then push and pull 3 times each, and prints medians.
//
//   npx tsx scripts/bench/pouchdb/run-alone.ts [--records N] [--rural] [--runs N]
//
// --rural sends everything through the emulated rural link
// (1.5 Mbit/s down, 750 kbit/s up, 300 ms round trip).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../testing/browser';
import { RURAL_LINK } from '../../measure/proxy';
import { stat, type BenchContext, type Stat } from '../types';
import { measurePouchPull, measurePouchPush, POUCHDB_SETUP, type PouchResult } from './index';

function parseArgs(argv: readonly string[]): { records: number; runs: number; rural: boolean } {
  const args = { records: 10_000, runs: 3, rural: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rural') args.rural = true;
    else if (arg === '--records' || arg === '--runs') {
      const value = Number(argv[++i]);
      if (!(Number.isInteger(value) && value >= 1)) throw new Error(`${arg} needs a whole number ≥ 1`);
      args[arg === '--records' ? 'records' : 'runs'] = value;
    } else throw new Error(`Unknown argument ${arg}; usage: run-alone.ts [--records N] [--rural] [--runs N]`);
  }
  return args;
}

function line(name: string, results: readonly PouchResult[]): string {
  const s = (values: number[]): Stat => stat(values);
  const ms = s(results.map((r) => r.ms));
  const up = s(results.map((r) => r.bytes.up)).median;
  const down = s(results.map((r) => r.bytes.down)).median;
  const total = s(results.map((r) => r.bytes.up + r.bytes.down)).median;
  return `${name}: ${(ms.median / 1000).toFixed(2)} s [${(ms.min / 1000).toFixed(2)}–${(ms.max / 1000).toFixed(2)}], `
    + `${(total / 1e6).toFixed(2)} MB (up ${(up / 1e6).toFixed(2)}, down ${(down / 1e6).toFixed(2)}), `
    + `${s(results.map((r) => r.requests)).median} requests`;
}

async function main(): Promise<void> {
  const { records, runs, rural } = parseArgs(process.argv.slice(2));
  const link = rural ? RURAL_LINK : undefined;
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const ctx: BenchContext = {
      browser, root: new URL('../../..', import.meta.url).pathname, staticDir: '', runs,
      log: (text) => console.log(text),
    };
    const push: PouchResult[] = [];
    const pull: PouchResult[] = [];
    const started = Date.now();
    for (let run = 1; run <= runs; run++) {
      ctx.log(`Run ${run}/${runs}`);
      push.push(await measurePouchPush(ctx, { records, link }));
      pull.push(await measurePouchPull(ctx, { records, link }));
    }
    console.log('');
    console.log(`${records.toLocaleString('en')} needs, ${runs} runs, ${rural ? 'rural link (1.5 Mbit/s down, 750 kbit/s up, 300 ms RTT)' : 'loopback'}, medians [min–max]`);
    console.log(`${POUCHDB_SETUP}; Chromium ${browser.version()}`);
    console.log(line('Push', push));
    console.log(line('Pull', pull));
    console.log(`(whole run ${((Date.now() - started) / 1000).toFixed(0)} s; MB = 10^6 bytes on the socket)`);
  } finally {
    await browser?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
