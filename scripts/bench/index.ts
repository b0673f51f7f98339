// `npm run bench`: every performance bar of docs/quality-bars.md in one
// command. Builds the app, then measures it in Debian's Chromium against the
// real server on SQLite: sizes, Lighthouse, record saves and search on the
// device, sync beside PouchDB 9 (same run, same proxy), a 50,000-record pull,
// the rural link, and the server under 50 devices. Each figure is the median
// of several runs, with min and max. Prints a table, or with --json one JSON
// object on stdout (progress on stderr).
//
//   npm run bench                          # everything, 3 runs a figure (about 15 minutes)
//   npm run -s bench -- --json > bench.json   # -s: without npm's own lines on stdout
//   npm run bench -- --only size,device    # some sections: size lighthouse device report sync pull50k rural server
//   npm run bench -- --runs 5 --rural-runs 1 --no-build
//   npm run bench -- --only sync --profile /tmp/prof   # CPU profiles of the page while pushing and pulling
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../testing/browser';
import { measureBundle } from './bundle-size';
import { measureDeviceOps } from './device-ops';
import { measureLighthouse } from './lighthouse';
import { measureProgrammeReport } from './programme-report';
import { measureServerLoad } from './server-load';
import { measureBigPull, measureRural, measureSync } from './sync';
import { meetsBar, type BenchContext, type Figure } from './types';

const SECTIONS = ['size', 'lighthouse', 'device', 'report', 'sync', 'pull50k', 'rural', 'server'] as const;
type Section = (typeof SECTIONS)[number];

interface Args {
  json: boolean;
  runs: number;
  ruralRuns: number;
  sections: Section[];
  build: boolean;
  profileDir?: string;
}

const USAGE = `npm run bench -- [--json] [--runs N] [--rural-runs N] [--only ${SECTIONS.join(',')}] [--skip …] [--no-build] [--profile DIR]`;

function isSection(name: string): name is Section {
  return SECTIONS.some((section) => section === name);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, runs: 3, ruralRuns: 1, sections: [...SECTIONS], build: true };
  const sectionList = (text: string | undefined): Section[] => {
    const names = (text ?? '').split(',').filter(Boolean);
    const unknown = names.filter((name) => !isSection(name));
    if (names.length === 0 || unknown.length > 0) throw new Error(`Sections are ${SECTIONS.join(', ')}; not "${unknown.join(', ') || text}"`);
    return names.filter(isSection);
  };
  const count = (flag: string, text: string | undefined): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number ≥ 1`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--runs') args.runs = count(arg, argv[++i]);
    else if (arg === '--rural-runs') args.ruralRuns = count(arg, argv[++i]);
    else if (arg === '--only') args.sections = sectionList(argv[++i]);
    else if (arg === '--profile') args.profileDir = argv[++i];
    else if (arg === '--skip') {
      const skipped = sectionList(argv[++i]);
      args.sections = args.sections.filter((section) => !skipped.includes(section));
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  return args;
}

function build(root: string, log: (line: string) => void): void {
  log('Building the app (vite build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout.toString()}${result.stderr.toString()}`);
}

const MEASURE: Record<Section, (ctx: BenchContext, args: Args) => Promise<Figure[]>> = {
  size: (ctx) => measureBundle(ctx),
  lighthouse: (ctx) => measureLighthouse(ctx),
  device: (ctx) => measureDeviceOps(ctx),
  report: (ctx) => measureProgrammeReport(ctx),
  sync: (ctx) => measureSync(ctx),
  pull50k: (ctx) => measureBigPull(ctx),
  rural: (ctx, args) => measureRural(ctx, args.ruralRuns),
  server: (ctx) => measureServerLoad(ctx),
};

function formatNumber(value: number, unit: string): string {
  if (unit === 'KB' || unit === 'MB' || unit === 's' || unit === '×') return value.toFixed(unit === 'KB' ? 1 : 2);
  if (unit === 'ms') return value < 100 ? value.toFixed(2) : value.toFixed(0);
  return Math.round(value).toLocaleString('en');
}

function printTable(figures: readonly Figure[], header: string): void {
  const rows = figures.map((figure) => {
    const { median, min, max } = figure.stat;
    const value = `${formatNumber(median, figure.unit)} ${figure.unit} [${formatNumber(min, figure.unit)}–${formatNumber(max, figure.unit)}]`;
    const met = meetsBar(figure);
    return { figure, cells: [figure.label, value, figure.bar?.text ?? '', met === null ? '' : met ? 'met' : 'MISSED'] };
  });
  const titles = ['figure', 'median [min–max]', 'bar', ''];
  const widths = titles.map((title, column) => Math.min(column === 0 ? 70 : 60, Math.max(title.length, ...rows.map((row) => row.cells[column]!.length))));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  console.log('');
  console.log(header);
  console.log('');
  console.log(line(titles));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const { figure, cells } of rows) {
    console.log(line(cells));
    if (figure.note) console.log(`    ${figure.note}`);
  }
  const missed = rows.filter((row) => meetsBar(row.figure) === false).length;
  console.log('');
  console.log(missed === 0 ? 'Every bar measured here is met.' : `${missed} bar${missed === 1 ? '' : 's'} missed.`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = new URL('../..', import.meta.url).pathname;
  const log = (line: string) => console.error(line);
  if (args.build) build(root, log);
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('No build in dist/: run without --no-build');
  // A private copy of the build, so rebuilding dist/ meanwhile does not change what is measured.
  const work = mkdtempSync(join(tmpdir(), 'talka-bench-'));
  const staticDir = join(work, 'dist');
  cpSync(join(root, 'dist'), staticDir, { recursive: true });
  let browser: Browser | null = null;
  const started = Date.now();
  try {
    browser = await launchChromium();
    const ctx: BenchContext = { browser, root, staticDir, runs: args.runs, log, profileDir: args.profileDir };
    const figures: Figure[] = [];
    for (const section of args.sections) {
      const sectionStarted = Date.now();
      figures.push(...await MEASURE[section](ctx, args));
      log(`${section}: ${Math.round((Date.now() - sectionStarted) / 1000)} s`);
    }
    const machine = `${browser.version()} (Debian), Node ${process.version}, ${args.runs} run${args.runs === 1 ? '' : 's'} a figure`;
    if (args.json) {
      console.log(JSON.stringify({
        measuredAt: new Date().toISOString(), machine, runs: args.runs, ruralRuns: args.ruralRuns, seconds: Math.round((Date.now() - started) / 1000),
        figures: figures.map((figure) => ({ ...figure, met: meetsBar(figure) })),
      }));
    } else {
      printTable(figures, `Talka bench — Chromium ${machine}; ${Math.round((Date.now() - started) / 1000)} s`);
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
