// The device-side figures on their own, to iterate on them:
//
//   npx vite build && npx tsx scripts/bench/device-ops-alone.ts [--runs 3] [--json] [--search-only] [--trace search-trace.json] [--dist other-build-dir]
//
// Serves a private copy of dist/ (so a rebuild meanwhile does not change what is measured).
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../testing/browser';
import { measureDeviceOps } from './device-ops';
import { meetsBar, type Figure } from './types';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function row(figure: Figure): string {
  const { median, min, max } = figure.stat;
  const verdict = meetsBar(figure);
  const bar = figure.bar ? `${figure.bar.text} ${verdict ? 'met' : 'NOT met'}` : '';
  const n = (value: number) => value.toFixed(1);
  return `${figure.id.padEnd(30)} ${`${n(median)} ${figure.unit}`.padStart(10)}  [${n(min)}–${n(max)}]  ${bar}\n    ${figure.label}\n    ${figure.note ?? ''}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
  const json = argv.includes('--json');
  const traceAt = argv.indexOf('--trace');
  const searchTracePath = traceAt >= 0 ? argv[traceAt + 1] : undefined;
  const skipSaves = argv.includes('--search-only');
  const distAt = argv.indexOf('--dist');
  const dist = distAt >= 0 ? argv[distAt + 1]! : join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No ${dist}/index.html: run \`npx vite build\` first`);
  const staticDir = mkdtempSync(join(tmpdir(), 'talka-bench-dist-'));
  cpSync(dist, staticDir, { recursive: true });
  const browser = await launchChromium();
  const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
  try {
    log(`Device operations in Chromium ${browser.version()}, ${runs} runs`);
    const figures = await measureDeviceOps({ browser, root, staticDir, runs, log }, { searchTracePath, skipSaves });
    if (json) {
      console.log(JSON.stringify({ browser: browser.version(), figures }, null, 2));
      return;
    }
    console.log('');
    for (const figure of figures) console.log(row(figure));
    console.log('');
    for (const figure of figures) if (figure.detail) console.log(`${figure.id}: ${JSON.stringify(figure.detail)}`);
  } finally {
    await browser.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
