// `npx tsx scripts/bench/lighthouse-screens.ts [--width 320] [--only voting]… [--no-lighthouse]
// [--dist dir] [--json]`: Lighthouse
// accessibility of the screens a facilitator uses most, with data on them, at
// a phone's width (usable at 320 px, targets ≥ 44 px). Builds nothing:
// run `npx vite build` first.
//
// A fresh profile is seeded through the app itself (Playwright over CDP, typing
// into the forms as a facilitator does: a community, a workshop, three people,
// two checked in, two need cards, dots), then each screen is audited by
// Lighthouse with the storage kept (disableStorageReset) so it shows that data.
// Lighthouse's own tap-target rule asks for 24 px; Talka holds itself to 44 (docs/quality-bars.md), so
// every control is also measured on screen, as is sideways scrolling.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LaunchedChrome } from 'chrome-launcher';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../../testing/server';
import { isRecord, launchChrome, parseLighthouseResult, type FailingAudit } from './lighthouse';

const root = new URL('../..', import.meta.url).pathname;
const STEP_MS = 10_000;
const MIN_TARGET_PX = 44;

interface Seeded {
  communityId: string;
  workshopId: string;
}

/** The id at the end of the path the app went to, e.g. `/communities/<id>`. */
async function idAfterNavigation(page: Page, prefix: string): Promise<string> {
  await page.waitForURL((url) => url.pathname.startsWith(prefix) && url.pathname.length > prefix.length && !url.pathname.endsWith('/new'), { timeout: STEP_MS });
  const id = new URL(page.url()).pathname.slice(prefix.length).split('/')[0];
  if (!id) throw new Error(`No id in ${page.url()}`);
  return id;
}

async function heading(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: STEP_MS });
}

async function seed(page: Page, base: string): Promise<Seeded> {
  await page.goto(`${base}/communities/new`);
  await heading(page, 'Jauna kopiena');
  await page.getByLabel('Nosaukums', { exact: true }).fill('Lazdonas kopiena');
  await page.getByLabel('Novads vai valstspilsēta', { exact: true }).selectOption({ label: 'Madonas novads' });
  await page.getByLabel('Pagasts vai ciems', { exact: true }).fill('Lazdona');
  await page.getByLabel('Kopienas brieduma pakāpe', { exact: true }).selectOption({ label: 'Aktīva' });
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  const communityId = await idAfterNavigation(page, '/communities/');
  await heading(page, 'Lazdonas kopiena');

  await page.goto(`${base}/communities/${communityId}/workshops/new`);
  await heading(page, 'Jauns pasākums');
  await page.getByLabel('Nosaukums', { exact: true }).fill('Apkaimes darbnīca');
  await page.getByLabel('Datums', { exact: true }).fill('2026-11-23');
  await page.getByLabel('Sākums', { exact: true }).fill('18:00');
  await page.getByLabel('Beigas', { exact: true }).fill('20:30');
  await page.getByLabel('Vieta', { exact: true }).fill('Lazdonas tautas nams');
  await page.getByLabel('Programma', { exact: true }).fill('Drošas kopienas');
  await page.getByLabel('Fasilitatori', { exact: true }).fill('Ilze Kalniņa');
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  const workshopId = await idAfterNavigation(page, '/workshops/');
  await heading(page, 'Apkaimes darbnīca');

  await page.goto(`${base}/communities/${communityId}/participants`);
  await heading(page, 'Dalībnieki');
  for (const name of ['Jānis Bērziņš', 'Anna Ozoliņa', 'Pēteris Kļaviņš']) {
    await page.getByRole('button', { name: /Jauns dalībnieks/ }).click();
    const form = page.getByRole('region', { name: 'Jauns dalībnieks' });
    await form.getByLabel('Vārds, uzvārds', { exact: true }).fill(name);
    await form.getByLabel('Piekrītu, ka mani dati tiek glabāti', { exact: true }).check();
    await form.getByRole('button', { name: 'Saglabāt' }).click();
    await form.waitFor({ state: 'detached', timeout: STEP_MS });
  }

  await page.goto(`${base}/workshops/${workshopId}/checkin`);
  await heading(page, 'Reģistrācija');
  for (const [query, name] of [['berzins', 'Jānis Bērziņš'], ['ozolina', 'Anna Ozoliņa']] as const) {
    await page.getByLabel('Meklēt dalībnieku', { exact: true }).fill(query);
    await page.getByRole('list', { name: 'Atrastie' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('button', { name: `Noņemt atzīmi: ${name}` }).waitFor({ timeout: STEP_MS });
  }

  await page.goto(`${base}/communities/${communityId}/needs`);
  await heading(page, /^Vajadzības/);
  const entry = page.getByRole('form', { name: 'Ātrā ievade' });
  for (const [title, category] of [['Apgaismojums pie autobusu pieturas', 'Drošība'], ['Sporta laukums jauniešiem', 'Jaunieši']] as const) {
    await entry.getByLabel('Kategorija', { exact: true }).selectOption({ label: category });
    await entry.getByLabel('Jauna vajadzība', { exact: true }).fill(title);
    await entry.getByLabel('Jauna vajadzība', { exact: true }).press('Enter');
    await page.getByRole('article', { name: title }).waitFor({ timeout: STEP_MS });
  }

  await page.goto(`${base}/workshops/${workshopId}/voting`);
  await heading(page, 'Balsošana ar punktiem');
  await page.getByRole('region', { name: 'Kurš balso?' }).getByRole('button', { name: /^Jānis Bērziņš/ }).click();
  await page.getByRole('button', { name: 'Pievienot punktu: Sporta laukums jauniešiem', exact: true }).click();
  await page.getByRole('region', { name: 'Rezultāti' }).getByRole('listitem').first().waitFor({ timeout: STEP_MS });
  return { communityId, workshopId };
}

interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/** Controls smaller than 44 × 44 px on screen, and how far the page scrolls sideways. */
async function measureLayout(page: Page): Promise<{ smallTargets: SmallTarget[]; overflowPx: number }> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const small: Array<{ what: string; width: number; height: number }> = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      let rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      // Visually hidden (1 px) controls that show on focus, e.g. the skip link, are not targets until then.
      if (rect.bottom < 0 || element.closest('.visually-hidden')) continue;
      // A checkbox or radio is hit through its label too.
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        for (const label of Array.from(element.labels ?? [])) {
          const r = label.getBoundingClientRect();
          const left = Math.min(rect.left, r.left);
          const top = Math.min(rect.top, r.top);
          rect = new DOMRect(left, top, Math.max(rect.right, r.right) - left, Math.max(rect.bottom, r.bottom) - top);
        }
      }
      // WCAG's inline exception: a link inside a sentence.
      const inline = element.tagName === 'A' && style.display === 'inline' && element.parentElement !== null
        && (element.parentElement.textContent ?? '').trim().length > (element.textContent ?? '').trim().length;
      if (inline) continue;
      if (rect.width + 0.5 < min || rect.height + 0.5 < min) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
        const id = element.id ? `#${element.id}` : '';
        const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
        small.push({ what: `${element.tagName.toLowerCase()}${id}${classes} “${name}”`, width: Math.round(rect.width), height: Math.round(rect.height) });
      }
    }
    return { smallTargets: small, overflowPx: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth) };
  }, MIN_TARGET_PX);
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's browser build, from the bench's own packages (installed by launchChrome). */
let axeSource: string | null = null;

/**
 * axe-core (the engine behind Lighthouse's accessibility category) on the page
 * as it is now: for states Lighthouse cannot reach by loading a URL (a menu or
 * form opened, a voter chosen). WCAG 2.2 A/AA rules and axe's best practices.
 */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const raw: unknown = await page.evaluate(async () => {
    const axe: unknown = Reflect.get(globalThis, 'axe');
    const run: unknown = typeof axe === 'object' && axe !== null ? Reflect.get(axe, 'run') : undefined;
    if (typeof run !== 'function') throw new Error('axe-core did not load');
    const result: unknown = await run.call(axe, document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result;
  });
  const violations = isRecord(raw) ? raw.violations : undefined;
  if (!Array.isArray(violations)) throw new Error('axe-core gave no violations list');
  return violations.filter(isRecord).map((violation) => {
    const nodes = Array.isArray(violation.nodes) ? violation.nodes.filter(isRecord) : [];
    return {
      id: String(violation.id),
      impact: String(violation.impact),
      help: String(violation.help),
      targets: nodes.map((node) => `${JSON.stringify(node.target)}${typeof node.failureSummary === 'string' ? ` (${node.failureSummary.replace(/\s+/g, ' ')})` : ''}`),
    };
  });
}

interface Screen {
  screen: string;
  path: string;
  /** Interactive states worth checking too: a name and how to get there from the loaded screen. */
  states?: Array<[string, (page: Page) => Promise<void>]>;
}

interface StateResult {
  state: string;
  violations: AxeViolation[];
  smallTargets: SmallTarget[];
  overflowPx: number;
}

interface ScreenResult {
  screen: string;
  path: string;
  accessibility: number;
  failing: FailingAudit[];
  /** axe-core on the loaded screen too, as a cross-check of Lighthouse (and the check when Lighthouse is skipped). */
  violations: AxeViolation[];
  smallTargets: SmallTarget[];
  overflowPx: number;
  states: StateResult[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { width: { type: 'string', default: '320' }, json: { type: 'boolean', default: false }, only: { type: 'string', multiple: true }, 'no-lighthouse': { type: 'boolean', default: false },
      dist: { type: 'string', default: join(root, 'dist') } },
  });
  const width = Number.parseInt(values.width, 10);
  if (!Number.isInteger(width) || width < 200) throw new Error(`--width must be a whole number of pixels ≥ 200, not ${values.width}`);
  if (!existsSync(join(values.dist, 'index.html'))) throw new Error(`No ${values.dist}/index.html: run \`npx vite build\` first.`);
  const staticDir = mkdtempSync(join(tmpdir(), 'talka-screens-dist-'));
  cpSync(values.dist, staticDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'talka-screens-profile-'));
  const server = await startServer({ STATIC_DIR: staticDir });
  let chrome: LaunchedChrome | null = null;
  try {
    chrome = await launchChrome(userDataDir, (line) => process.stderr.write(`${line}\n`));
    const { default: lighthouse } = await import('lighthouse');
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 640 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    process.stderr.write('seeding through the app…\n');
    const { communityId, workshopId } = await seed(page, server.url);

    const click = (name: string | RegExp) => async (p: Page) => {
      await p.getByRole('button', { name }).first().click();
      await p.waitForTimeout(300);
    };
    const screens: Screen[] = [
      { screen: 'community list', path: '/', states: [['menu open', click('Izvēlne')]] },
      { screen: 'community', path: `/communities/${communityId}` },
      { screen: 'workshop', path: `/workshops/${workshopId}` },
      {
        screen: 'check-in', path: `/workshops/${workshopId}/checkin`, states: [
          ['search typed', async (p) => { await p.getByLabel('Meklēt dalībnieku', { exact: true }).fill('a'); await p.waitForTimeout(300); }],
          ['walk-in form', async (p) => {
            await p.getByLabel('Meklēt dalībnieku', { exact: true }).fill('Zane Liepa');
            await click(/kā jaunu dalībnieku/)(p);
          }],
        ],
      },
      { screen: 'participants', path: `/communities/${communityId}/participants`, states: [['new person form', click(/Jauns dalībnieks/)]] },
      { screen: 'needs', path: `/communities/${communityId}/needs` },
      { screen: 'voting', path: `/workshops/${workshopId}/voting`, states: [['voter chosen', click(/^Anna Ozoliņa/)]] },
      { screen: 'resources', path: `/communities/${communityId}/resources`, states: [['new resource form', click('Pievienot: Aprīkojums')]] },
      { screen: 'action plan', path: `/communities/${communityId}/plan`, states: [['new action form', click(/Jauna darbība/)]] },
      { screen: 'SWOT', path: `/communities/${communityId}/swot` },
      { screen: 'new workshop', path: `/communities/${communityId}/workshops/new` },
      { screen: 'settings', path: '/settings' },
      { screen: 'sign in', path: '/login' },
    ];
    const results: ScreenResult[] = [];
    const chosen = values.only ? screens.filter((entry) => values.only?.includes(entry.screen)) : screens;
    for (const { screen, path, states = [] } of chosen) {
      const open = async () => {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: STEP_MS });
        await page.waitForLoadState('networkidle');
      };
      await open();
      const layout = { violations: await runAxe(page), ...(await measureLayout(page)) };
      const stateResults: StateResult[] = [];
      for (const [state, reach] of states) {
        await open();
        await reach(page);
        // At rest at the top: a control scrolled under the sticky header reads as obscured to axe.
        await page.evaluate(() => window.scrollTo(0, 0));
        stateResults.push({ state, violations: await runAxe(page), ...(await measureLayout(page)) });
      }
      if (values['no-lighthouse']) {
        results.push({ screen, path, accessibility: Number.NaN, failing: [], ...layout, states: stateResults });
        continue;
      }
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility'],
        disableStorageReset: true,
        formFactor: 'mobile',
        throttlingMethod: 'provided',
        screenEmulation: { mobile: true, width, height: 640, deviceScaleFactor: 2, disabled: false },
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      // Only accessibility was asked for: read that score, tolerate the missing performance one.
      const audit = parseLighthouseResult(result.lhr, ['accessibility']);
      results.push({ screen, path, accessibility: audit.scores.accessibility, failing: audit.failing.accessibility, ...layout, states: stateResults });
      process.stderr.write(`${screen}: accessibility ${audit.scores.accessibility}, ${layout.smallTargets.length} small targets, overflow ${layout.overflowPx} px\n`);
    }
    await browser.close();
    if (errors.length > 0) process.stderr.write(`page errors:\n${errors.join('\n')}\n`);

    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else {
      for (const result of results) {
        const score = Number.isNaN(result.accessibility) ? 'not run' : result.accessibility;
        process.stdout.write(`${result.screen} (${result.path}): Lighthouse accessibility ${score}, ${result.violations.length} axe violations, overflow ${result.overflowPx} px\n`);
        for (const audit of result.failing) process.stdout.write(`  audit ${audit.id}: ${audit.title}\n`);
        for (const v of result.violations) process.stdout.write(`  axe ${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' ')}\n`);
        for (const target of result.smallTargets) process.stdout.write(`  target ${target.width}×${target.height} ${target.what}\n`);
        for (const state of result.states) {
          process.stdout.write(`  · ${state.state}: ${state.violations.length} axe violations, overflow ${state.overflowPx} px\n`);
          for (const v of state.violations) process.stdout.write(`    axe ${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' ')}\n`);
          for (const target of state.smallTargets) process.stdout.write(`    target ${target.width}×${target.height} ${target.what}\n`);
        }
      }
    }
    const stateBad = (r: ScreenResult) => r.states.some((st) => st.violations.length > 0 || st.smallTargets.length > 0 || st.overflowPx > 0);
    const bad = (r: ScreenResult) => r.accessibility < 100 || r.violations.length > 0 || r.smallTargets.length > 0 || r.overflowPx > 0 || stateBad(r);
    if (results.some(bad)) process.exitCode = 1;
  } finally {
    if (chrome) await chrome.kill();
    await server.stop();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
