// Every screen fits and is accessible, in real Chromium against the real
// server: a coordinator's device holding a seeded
// community (a workshop with 60 people checked in, needs and dots, resources,
// SWOT, an action plan) opens every screen in Latvian and in English, at
// 360 px and at 1280 px; axe finds no serious or critical violation, and at
// 360 px nothing sticks out sideways except inside a table's own scrolling
// frame. The sign-in sheet of 60 people prints on A4 pages with its header
// repeated on each and no row split across two.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import {
  actionFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields, resourceFields, voteFields, workshopFields,
} from '../../testing/fixtures';
import { SeedBatch, pushBatch, setUpThroughApi } from '../../testing/seed';
import { startServer, type RunningServer } from '../../testing/server';
import { STEP_TIMEOUT_MS, expectText } from './support/notebook-steps';
import { pdfPageCount } from './support/report-steps';
import { expectAllSent, openApp, setupLinkOf, signIn, type Account } from './support/sync-steps';

const ORGANISATION = 'Latgales kopienu tīkls';
const COORDINATOR: Account = { name: 'Inese Vanaga', email: 'inese@kopienas.example', password: 'koordinatore-2026' };
const PEOPLE = 60;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Seeded {
  communityId: string;
  workshopId: string;
  participantId: string;
  programmeId: string;
}

function seedCommunity(author: string): { batch: SeedBatch; ids: Seeded } {
  const batch = new SeedBatch('seed-tablet', author);
  const communityId = batch.create('communities', communityFields({ name: 'Rēzeknes novada Kaunatas pagasta iedzīvotāju kopiena', municipality: 'LV-069', maturity: 'active' }));
  const programmeId = batch.create('programmes', programmeFields({
    name: 'Drošas kopienas — Latgales reģiona kopienu stiprināšanas programma', targets: [
      { indicator: 'events', target: 14, cumulative: false }, { indicator: 'uniquePeople', target: 300, cumulative: true },
    ],
  }));
  const workshopId = batch.create('workshops', workshopFields(communityId, {
    title: 'Kopienas vajadzību darbnīca ar garu nosaukumu, kas neietilpst vienā rindā', date: '2026-11-21', programmeId, status: 'held',
  }));
  batch.create('enrolments', enrolmentFields(communityId, programmeId, { start: '2026-01-01', end: '2026-12-31', maturity: 'active', grantCents: 250_000 }));
  const workshop = { id: workshopId, communityId };
  const people: string[] = [];
  for (let i = 1; i <= PEOPLE; i++) {
    const id = batch.create('participants', participantFields(communityId, {
      name: `Dalībniece Nr. ${String(i)} Anna-Marija Ozoliņa-Bērziņa`, household: `Mājas “Lejasciemi ${String(i)}”`,
      phone: `+371 2000 ${String(1000 + i)}`, email: `anna.marija.${String(i)}@kopienas-piemers.example`,
    }));
    people.push(id);
    batch.checkIn(workshop, id);
  }
  const lights = batch.create('needs', needFields(communityId, { workshopId, title: 'Apgaismojums pie autobusu pieturas un gājēju pārejas', category: 'safety' }));
  batch.create('needs', needFields(communityId, { workshopId, title: 'Sporta laukums', category: 'youth', status: 'prioritised' }));
  for (let i = 0; i < 3; i++) batch.create('votes', voteFields({ communityId, workshopId, needId: lights }, { participantId: people[i]!, castAt: Date.now() }));
  batch.create('resources', resourceFields(communityId, { kind: 'place' }));
  batch.create('actions', actionFields(communityId, { needId: lights, budgetCents: 123_450 }));
  return { batch, ids: { communityId, workshopId, participantId: people[0]!, programmeId } };
}

/** Every screen of the app, with the seeded records' ids. */
function screens({ communityId, workshopId, participantId, programmeId }: Seeded): string[] {
  return [
    '/', '/communities/new', `/communities/${communityId}`, `/communities/${communityId}/edit`, `/communities/${communityId}/participants`,
    `/communities/${communityId}/needs`, `/communities/${communityId}/resources`, `/communities/${communityId}/swot`, `/communities/${communityId}/plan`,
    `/communities/${communityId}/workshops/new`, `/workshops/${workshopId}`, `/workshops/${workshopId}/edit`, `/workshops/${workshopId}/checkin`,
    `/workshops/${workshopId}/voting`, `/workshops/${workshopId}/sign-in-sheet`, `/workshops/${workshopId}/report`, '/overview', '/exports',
    `/participants/${participantId}/data`, '/settings', '/login', '/users', '/conflicts', '/changes', '/people', '/events', '/bin', '/measures',
    '/programmes', '/programmes/new', `/programmes/${programmeId}`, `/programmes/${programmeId}/edit`, `/programmes/${programmeId}/report`,
    `/programmes/${programmeId}/summary`,
  ];
}

const violationsSchema = v.array(v.object({ id: v.string(), impact: v.nullish(v.string()), help: v.string(), targets: v.array(v.string()) }));

/** axe's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<v.InferOutput<typeof violationsSchema>> {
  await page.evaluate(axeSource);
  const found: unknown = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => ({
    id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  })))`);
  return v.parse(violationsSchema, found).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Elements that reach past the viewport's sides, outside a table's own scrolling frame. */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const found: string[] = [];
  if (document.documentElement.scrollWidth > width + 1) found.push(`the page scrolls sideways: ${String(document.documentElement.scrollWidth)} > ${String(width)}`);
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    if (element.closest('.table-scroll, .print-table-scroll, .visually-hidden, .skip-link')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      found.push(`${name} ${String(Math.round(box.left))}–${String(Math.round(box.right))}`);
    }
  }
  return found.slice(0, 5);
}

/** The screen's heading is there and nothing in main is still loading. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => {
    const heading = document.querySelector('#main #page-title, main h1');
    // A loading line says so; an empty live region waiting for "saved" is not loading.
    const loading = Array.from(document.querySelectorAll('main [role="status"].muted')).some((status) => status.textContent?.trim());
    return Boolean(heading?.textContent?.trim()) && !loading;
  }), { timeout: STEP_TIMEOUT_MS, interval: 50 }).toBe(true);
}

describe('every screen fits and passes axe, in Latvian and English, at 360 and 1280 px', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ids: Seeded;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('a coordinator’s device holds a community with a workshop of 60 people', async () => {
    const token = await setUpThroughApi(server.url, await setupLinkOf(server), ORGANISATION, COORDINATOR);
    const seeded = seedCommunity('seed-tablet');
    ids = seeded.ids;
    await pushBatch(server.url, token, seeded.batch);
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow', baseURL: server.url,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.on('page', (opened) => opened.on('pageerror', (error) => pageErrors.push(error.message)));
    page = await openApp(context, '/login');
    await signIn(page, COORDINATOR);
    await expectAllSent(page);
  });

  for (const language of ['lv', 'en'] as const) {
    it(`${language}: no serious or critical axe violation on any screen at 1280 px and 360 px, and nothing sticks out at 1280, 800 or 360 px`, async () => {
      if (language === 'en') {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto('/');
        await settled(page);
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      }
      const problems: string[] = [];
      // 800 px: a coordinator's small laptop, where the overview's tables were cut off.
      for (const width of [1280, 800, 360]) {
        await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
        for (const path of screens(ids)) {
          await page.goto(path);
          await settled(page);
          expect(await page.evaluate(() => document.documentElement.lang), path).toBe(language);
          if (width !== 800) for (const violation of await axeViolations(page)) {
            problems.push(`${language} ${String(width)} ${path}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} — ${violation.targets.join(', ')}`);
          }
          for (const element of await page.evaluate(overflowing)) problems.push(`${language} ${String(width)} ${path}: overflows ${element}`);
        }
      }
      // The check can fail: a paragraph wider than the phone is caught.
      await page.evaluate(() => {
        const wide = document.createElement('p');
        wide.id = 'too-wide';
        wide.style.width = '500px';
        wide.textContent = 'x';
        document.querySelector('main')?.append(wide);
      });
      expect((await page.evaluate(overflowing)).some((found) => found.includes('p#too-wide'))).toBe(true);
      expect(problems).toEqual([]);
    });
  }

  it('the sign-in sheet of 60 people prints on A4: the header on every page, no row split, room to sign', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await settled(page);
    const toLatvian = page.getByRole('button', { name: 'Pārslēgt uz latviešu valodu' });
    if (await toLatvian.count() > 0) await toLatvian.click();
    await page.goto(`/workshops/${ids.workshopId}/sign-in-sheet`);
    await settled(page);
    await expectText(page.locator('.sign-in-table tbody tr').first(), /Dalībniece Nr\. \d+/);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const table = document.querySelector('.sign-in-table');
      const rows = Array.from(document.querySelectorAll('.sign-in-table tbody tr'));
      const head = table?.querySelector('thead');
      const signature = table?.querySelector('tbody td.col-signature');
      const mm = 96 / 25.4;
      return {
        head: head ? getComputedStyle(head).display : null,
        rows: rows.length,
        split: rows.filter((row) => getComputedStyle(row).breakInside !== 'avoid').length,
        shortest: Math.min(...rows.map((row) => row.getBoundingClientRect().height)) / mm,
        signature: signature ? signature.getBoundingClientRect().width / mm : 0,
      };
    });
    expect(print.head).toBe('table-header-group');
    expect(print.rows).toBeGreaterThanOrEqual(PEOPLE);
    expect(print.split).toBe(0);
    expect(print.shortest).toBeGreaterThanOrEqual(10.5);
    expect(print.signature).toBeGreaterThanOrEqual(40);
    // page.pdf prints with the emulated media: back to the browser's own (print when printing).
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // 60 rows of 11 mm (and the blank rows) on A4's 271 mm of printable height: at least three pages.
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    expect(pageErrors).toEqual([]);
  });
});
