// Lighthouse performance and accessibility (docs/quality-bars.md: performance ≥ 95,
// accessibility 100), mobile profile as Lighthouse ships it: Moto G Power
// emulation, simulated slow 4G and 4× CPU slowdown. The production build is
// served by the real server (SQLite, free port) and audited in Debian's
// Chromium, launched by chrome-launcher so Lighthouse owns the whole tab.
//
// Two screens are audited each run: `/`, the community list a facilitator
// opens first, and `/login`, the only other screen a new device sees without
// data. Performance is a figure per page (FIGURES below says why);
// accessibility takes the worse of the two each run, so 100 holds for both.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchedChrome } from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../testing/browser';
import { startServer } from '../../testing/server';
import { ensureBenchDependencies } from './dependencies';
import { stat, type Bar, type BenchContext, type Figure } from './types';

/** What this section needs of the bench's context (no Playwright browser: Lighthouse drives its own Chromium). */
export type LighthouseContext = Pick<BenchContext, 'staticDir' | 'runs' | 'log'>;

export const LIGHTHOUSE_PAGES = ['/', '/login'] as const;
type PagePath = (typeof LIGHTHOUSE_PAGES)[number];

const CATEGORIES = ['performance', 'accessibility'] as const;
export type Category = (typeof CATEGORIES)[number];

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

export interface FailingAudit {
  id: string;
  title: string;
  /** 0–1, as Lighthouse scores it. */
  score: number;
  /** Its weight in the category's score; 0 for opportunities and diagnostics. */
  weight: number;
  /** Lighthouse's display value, e.g. "2.1 s", when it gives one. */
  displayValue?: string;
}

/** What one Lighthouse run says about one page, read out of its JSON result. */
export interface PageAudit {
  /** 0–100. */
  scores: Record<Category, number>;
  /** Audits that count towards a category's score and did not pass, per category. */
  failing: Record<Category, FailingAudit[]>;
  /** Core metrics in their numeric unit (ms, or unitless for CLS). */
  metrics: Record<string, number>;
  /** Lighthouse's CPU benchmark of this machine at the time (higher is faster; a loaded machine scores low). */
  benchmarkIndex: number | null;
  warnings: string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Lighthouse's own "please run Lighthouse again" (NO_NAVSTART, NO_FCP…), which a busy machine now and then gives. */
export class LighthouseRunError extends Error {}

/**
 * Reads one run's result (Lighthouse's `lhr`) with checks: a shape it does not
 * expect is an error, not a silent 0. Categories not in `categories` (not run)
 * score 0 with nothing failing.
 */
export function parseLighthouseResult(lhr: unknown, categories: readonly Category[] = CATEGORIES): PageAudit {
  if (!isRecord(lhr)) throw new Error('Lighthouse gave no result object');
  const runtimeError = field(lhr, 'runtimeError');
  const runtimeMessage = text(field(runtimeError, 'message'));
  if (runtimeMessage) throw new LighthouseRunError(`Lighthouse run failed: ${text(field(runtimeError, 'code')) ?? ''} ${runtimeMessage}`);
  const audits = field(lhr, 'audits');
  if (!isRecord(audits)) throw new Error('Lighthouse result has no audits');

  const scores = { performance: 0, accessibility: 0 };
  const failing: Record<Category, FailingAudit[]> = { performance: [], accessibility: [] };
  for (const category of categories) {
    const entry = field(field(lhr, 'categories'), category);
    const score = finiteNumber(field(entry, 'score'));
    if (score === undefined) throw new Error(`Lighthouse result has no ${category} score`);
    scores[category] = Math.round(score * 100);
    const refs = field(entry, 'auditRefs');
    if (!Array.isArray(refs)) throw new Error(`Lighthouse ${category} has no audit list`);
    for (const ref of refs) {
      const id = text(field(ref, 'id'));
      const weight = finiteNumber(field(ref, 'weight')) ?? 0;
      if (!id) continue;
      const audit = audits[id];
      const auditScore = finiteNumber(field(audit, 'score'));
      const mode = text(field(audit, 'scoreDisplayMode'));
      // Weighted audits move the score; in performance the unweighted ones with a
      // low score are Lighthouse's opportunities and diagnostics, worth naming too.
      const counts = weight > 0 || (category === 'performance' && (mode === 'metricSavings' || mode === 'numeric' || mode === 'binary'));
      if (!counts || auditScore === undefined || auditScore >= (category === 'accessibility' ? 1 : 0.9)) continue;
      const displayValue = text(field(audit, 'displayValue'));
      failing[category].push({ id, title: text(field(audit, 'title')) ?? id, score: auditScore, weight, ...(displayValue ? { displayValue } : {}) });
    }
  }

  const metrics: Record<string, number> = {};
  for (const id of METRICS) {
    const value = finiteNumber(field(audits[id], 'numericValue'));
    if (value !== undefined) metrics[id] = value;
  }
  const warnings = field(lhr, 'runWarnings');
  const environment = field(lhr, 'environment');
  return {
    scores,
    failing,
    metrics,
    benchmarkIndex: finiteNumber(field(environment, 'benchmarkIndex')) ?? null,
    warnings: Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [],
  };
}

/** "Chromium 156.0.8078.79", from the DevTools endpoint (the user agent is reduced to 156.0.0.0). */
async function browserVersion(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/version`);
    const version = /\/([\d.]+)$/.exec(text(field(await response.json(), 'Browser')) ?? '')?.[1];
    return version ? `Chromium ${version}` : 'Chromium';
  } catch {
    return 'Chromium';
  }
}

const ATTEMPTS = 3;

/** Debian's Chromium for Lighthouse, on a profile of its own (the bench's packages installed first when missing). */
export async function launchChrome(userDataDir: string, log: (line: string) => void): Promise<LaunchedChrome> {
  ensureBenchDependencies(log);
  const chromeLauncher = await import('chrome-launcher');
  return chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, userDataDir, logLevel: 'error' });
}

/** One audit of `url` in the Chromium listening on `port`; a run Lighthouse itself reports as failed is repeated. */
async function auditPage(url: string, port: number, log: (line: string) => void): Promise<PageAudit> {
  const { default: lighthouse } = await import('lighthouse');
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    try {
      return parseLighthouseResult(result.lhr);
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || attempt >= ATTEMPTS) throw error;
      log(`${error.message}: running ${url} again`);
    }
  }
}

function median(values: readonly number[]): number {
  return stat(values).median;
}

/** Every failing audit over all runs of `pages`, each once, with where and in how many page runs it failed. */
function failingSummary(runs: ReadonlyArray<Record<PagePath, PageAudit>>, pages: readonly PagePath[], category: Category) {
  const seen = new Map<string, { id: string; title: string; weight: number; pages: Set<string>; runs: number; displayValue?: string }>();
  for (const run of runs) {
    for (const page of pages) {
      for (const audit of run[page].failing[category]) {
        const entry = seen.get(audit.id) ?? { id: audit.id, title: audit.title, weight: audit.weight, pages: new Set<string>(), runs: 0 };
        entry.pages.add(page);
        entry.runs += 1;
        if (audit.displayValue) entry.displayValue = audit.displayValue;
        seen.set(audit.id, entry);
      }
    }
  }
  // Those that move the score first, then the most frequent.
  return [...seen.values()]
    .sort((a, b) => b.weight - a.weight || b.runs - a.runs)
    .map((entry) => ({ ...entry, pages: [...entry.pages] }));
}

/** What the machine was doing meanwhile: simulated throttling scales the CPU time it observes, so a busy machine scores lower. */
interface Machine {
  chromium: string;
  /** os.loadavg()[0] before and after the runs. */
  load: { before: number; after: number };
}

interface FigureSpec {
  id: string;
  category: Category;
  /** The run's score is the worst of these pages'. */
  pages: readonly PagePath[];
  /** How the pages are combined, for the note. */
  how: string;
}

const BARS: Record<Category, Bar> = {
  performance: { kind: 'min', value: 95, text: '≥ 95' },
  accessibility: { kind: 'min', value: 100, text: '= 100' },
};

function figureFor(spec: FigureSpec, runs: ReadonlyArray<Record<PagePath, PageAudit>>, machine: Machine): Figure {
  const { category, pages } = spec;
  const worst = runs.map((run) => Math.min(...pages.map((page) => run[page].scores[category])));
  const perPage = Object.fromEntries(pages.map((page) => [page, stat(runs.map((run) => run[page].scores[category]))]));
  const failing = failingSummary(runs, pages, category);
  const figureStat = stat(worst);
  const bar = BARS[category];
  let note = `${spec.how}; Lighthouse mobile (Moto G Power, simulated slow 4G, 4× CPU), ${machine.chromium}`;
  const detail: Record<string, unknown> = { perPage, failing };
  if (category === 'performance') {
    detail.metrics = Object.fromEntries(pages.map((page) => [page, Object.fromEntries(METRICS.map((id) => {
      const values = runs.map((run) => run[page].metrics[id]).filter((v): v is number => v !== undefined);
      return [id, values.length > 0 ? median(values) : null];
    }))]));
    const indexes = runs.flatMap((run) => pages.map((page) => run[page].benchmarkIndex)).filter((v): v is number => v !== null);
    if (indexes.length > 0) detail.benchmarkIndex = stat(indexes);
    detail.loadAverage = machine.load;
    note += `; CPU benchmarkIndex ${indexes.length > 0 ? Math.round(stat(indexes).median) : '?'}, load ${machine.load.before.toFixed(1)}→${machine.load.after.toFixed(1)} on ${cpus().length} cores`;
  }
  if (figureStat.median < bar.value && failing.length > 0) {
    // The weighted audits that cost points, then a few of Lighthouse's suggestions; all of them are in detail.failing.
    const pageRuns = runs.length * pages.length;
    const named = [...failing.filter((audit) => audit.weight > 0), ...failing.filter((audit) => audit.weight === 0).slice(0, 4)];
    note += `; failing: ${named.map((audit) => `${audit.id} (${audit.title}${audit.displayValue ? `, ${audit.displayValue}` : ''}; ${audit.runs}/${pageRuns})`).join('; ')}`;
  }
  if (category === 'accessibility') note += '; screens with data, at 320 px: npx tsx scripts/bench/lighthouse-screens.ts';
  const warnings = [...new Set(runs.flatMap((run) => pages.flatMap((page) => run[page].warnings)))];
  if (warnings.length > 0) detail.warnings = warnings;
  return {
    id: spec.id,
    label: `Lighthouse ${category}, mobile, ${pages.join(' and ')}`,
    unit: 'score',
    stat: figureStat,
    bar,
    note,
    detail,
  };
}

// Performance is held per page: `/` is the screen the bar names, and taking the
// worse of two pages each run would count every load spike on this shared
// machine twice. Accessibility does not vary run to run, so one figure holds
// both pages to 100.
const FIGURES: readonly FigureSpec[] = [
  { id: 'lighthouse-performance', category: 'performance', pages: ['/'], how: 'First screen, / (community list, no sign-in); /login is the next figure' },
  { id: 'lighthouse-performance-login', category: 'performance', pages: ['/login'], how: 'Sign-in screen, /login' },
  { id: 'lighthouse-accessibility', category: 'accessibility', pages: ['/', '/login'], how: 'Worse of / and /login each run' },
];

export async function measureLighthouse(ctx: LighthouseContext): Promise<Figure[]> {
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startServer({ STATIC_DIR: ctx.staticDir });
  // A private profile per bench: nothing cached or installed from an earlier run.
  const userDataDir = mkdtempSync(join(tmpdir(), 'talka-lighthouse-'));
  let chrome: LaunchedChrome | null = null;
  try {
    chrome = await launchChrome(userDataDir, ctx.log);
    const runs: Array<Record<PagePath, PageAudit>> = [];
    const chromium = await browserVersion(chrome.port);
    for (let i = 0; i < ctx.runs; i++) {
      const run: Partial<Record<PagePath, PageAudit>> = {};
      for (const page of LIGHTHOUSE_PAGES) {
        // Lighthouse clears the origin's storage and service worker before each
        // navigation, so every run is a first visit.
        const audit = await auditPage(`${server.url}${page}`, chrome.port, ctx.log);
        run[page] = audit;
        ctx.log(`lighthouse run ${i + 1}/${ctx.runs} ${page}: performance ${audit.scores.performance}, accessibility ${audit.scores.accessibility}`);
      }
      const complete = run['/'] && run['/login'] ? { '/': run['/'], '/login': run['/login'] } : null;
      if (!complete) throw new Error('A Lighthouse run missed a page');
      runs.push(complete);
    }
    const machine: Machine = { chromium, load: { before: loadBefore, after: loadavg()[0] ?? 0 } };
    return FIGURES.map((spec) => figureFor(spec, runs, machine));
  } finally {
    if (chrome) await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
    await server.stop();
  }
}

/** For a quick look outside the bench: audits a copy of a build (so a rebuild meanwhile cannot change it under the run). */
export async function measureBuiltApp(dist: string, runs: number, log: (line: string) => void): Promise<Figure[]> {
  const staticDir = mkdtempSync(join(tmpdir(), 'talka-lighthouse-dist-'));
  try {
    cpSync(dist, staticDir, { recursive: true });
    return await measureLighthouse({ staticDir, runs, log });
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }
}
