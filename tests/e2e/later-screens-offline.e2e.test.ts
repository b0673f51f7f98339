// The coordinator's screens (and the overview, sign-in sheets and reports a
// facilitator may open) are not precached — a first visit does not wait for
// them — yet a signed-in device opens them with the network cut: after a sync
// has succeeded, the app fetches their files in the background and the
// service worker keeps them in its runtime cache. End to end in Chromium
// against the built app and the real server. A device nobody has signed in
// on does not fetch them, and offline says the screen needs the network once
// instead of showing nothing.
import * as v from 'valibot';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import { assignmentId, userResponseSchema } from '../../protocol';
import { assignmentFields, communityFields, needFields, participantFields, voteFields, workshopFields } from '../../testing/fixtures';
import { STEP_TIMEOUT_MS, expectScreen, expectText, visible } from './support/notebook-steps';
import { expectChartDrawn, figure } from './support/overview-steps';
import { SeedBatch, pushBatch, setUpThroughApi } from '../../testing/seed';
import { startServer, type RunningServer } from '../../testing/server';
import { SYNC_TIMEOUT_MS, expectAllSent, openApp, setupLinkOf, signIn, type Account } from './support/sync-steps';

const ORGANISATION = 'Latgales kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const FACILITATOR: Account = { name: 'Ilze Kalniņa', email: 'ilze@kopienas.example', password: 'vaditaja-2026-rudens' };
const DEVICE: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow',
};
const RUNTIME_CACHE = 'talka-assets';

/** One community with a held workshop, two people checked in, a need with dots: enough for the overview's charts. */
function seed(author: string): SeedBatch {
  const batch = new SeedBatch('seed-tablet', author);
  const communityId = batch.create('communities', communityFields({ name: 'Rēzeknes kopiena' }));
  const workshop = { id: batch.create('workshops', workshopFields(communityId, { date: '2026-10-15', status: 'held' })), communityId };
  const people = ['Jānis Bērziņš', 'Anna Ozoliņa'].map((name) => batch.create('participants', participantFields(communityId, { name })));
  for (const person of people) batch.checkIn(workshop, person);
  const needId = batch.create('needs', needFields(communityId, { workshopId: workshop.id }));
  batch.create('votes', voteFields({ communityId, workshopId: workshop.id, needId }, { participantId: people[0]!, castAt: Date.now() }));
  return batch;
}

/** Adds the facilitator; returns their user id. */
async function createFacilitator(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: FACILITATOR.name, email: FACILITATOR.email, role: 'facilitator', password: FACILITATOR.password }),
  });
  expect(response.status).toBe(201);
  return v.parse(userResponseSchema, await response.json()).user.id;
}

/** index.html's list of the files the service worker does not precache. */
async function runtimeList(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.getElementById('talka-runtime-assets')?.textContent ?? '');
  return v.parse(v.array(v.string()), JSON.parse(text));
}

/** Paths held in the service worker's runtime cache. */
async function runtimeCached(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
  }, RUNTIME_CACHE);
}

describe('a coordinator’s screens offline, without precaching them on every tablet', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newDevice(): Promise<BrowserContext> {
    const context = await browser.newContext({ ...DEVICE, baseURL: server.url });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    contexts.push(context);
    return context;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('the organisation has a coordinator and a facilitator, and a tablet’s workshop is on the server', async () => {
    const token = await setUpThroughApi(server.url, await setupLinkOf(server), ORGANISATION, COORDINATOR);
    const batch = seed('seed-tablet');
    await pushBatch(server.url, token, batch);
    // The facilitator works with the seeded community: the coordinator assigns it.
    const facilitatorId = await createFacilitator(server.url, token);
    const communityId = batch.mutations.find((mutation) => mutation.table === 'communities')!.recordId;
    const assignment = new SeedBatch('seed-office', 'coordinator');
    assignment.create('assignments', assignmentFields(facilitatorId, { communityId }), assignmentId(facilitatorId, { communityId }));
    await pushBatch(server.url, token, assignment);
  });

  describe('on the coordinator’s laptop', () => {
    let context: BrowserContext;
    let laptop: Page;

    it('signing in online and a sync fetch the later screens into the runtime cache, none of them opened', async () => {
      context = await newDevice();
      laptop = await openApp(context, '/login');
      await signIn(laptop, COORDINATOR);
      await expectAllSent(laptop);
      const listed = await runtimeList(laptop);
      expect(listed.some((path) => /^\/assets\/chart-runtime-[\w-]+\.js$/.test(path))).toBe(true);
      expect(listed.some((path) => /^\/assets\/OverviewScreen-[\w-]+\.js$/.test(path))).toBe(true);
      await expect.poll(() => runtimeCached(laptop), { timeout: SYNC_TIMEOUT_MS, interval: 200 }).toEqual(expect.arrayContaining(listed));
      // Fetched as files, not run: no coordinator screen's code was loaded as a script.
      const scripts = await laptop.evaluate(() => performance.getEntriesByType('resource')
        .filter((entry) => entry instanceof PerformanceResourceTiming && entry.initiatorType === 'script')
        .map((entry) => new URL(entry.name).pathname));
      expect(scripts.filter((path) => listed.includes(path))).toEqual([]);
    });

    it('opens the overview with the network cut: figures from the device, chart.js from the runtime cache', async () => {
      await context.setOffline(true);
      await laptop.goto('/overview');
      await expectScreen(laptop, 'Pārskats');
      await expectText(figure(laptop, 'Apmeklējumi kopā'), '2');
      await expectChartDrawn(laptop, 'Vajadzības pa kategorijām');
      // The exports too, after a reload of the app offline.
      const exports = await laptop.goto('/exports');
      expect(exports?.fromServiceWorker()).toBe(true);
      await expectScreen(laptop, 'Eksports un atskaites');
      await context.setOffline(false);
    });
  });

  describe('on a facilitator’s tablet', () => {
    let context: BrowserContext;
    let tablet: Page;

    it('before anyone signs in, none of them is fetched, and offline the overview says it needs the network once', async () => {
      context = await newDevice();
      tablet = await openApp(context, '/');
      // Long enough for a background fetch to have started, had there been one.
      await tablet.waitForTimeout(1_500);
      expect(await runtimeCached(tablet)).toEqual([]);
      await context.setOffline(true);
      await tablet.goto('/overview');
      await visible(tablet.getByText('Šis ekrāns vēl nav saglabāts šajā ierīcē lietošanai bez tīkla. Atveriet to vienreiz, kad ir tīkls.', { exact: true }));
      await tablet.goto('/');
      await expectScreen(tablet, 'Kopienas');
      await context.setOffline(false);
    });

    it('after signing in and a sync, the overview opens offline too', async () => {
      await tablet.goto('/login');
      await signIn(tablet, FACILITATOR);
      await expectAllSent(tablet);
      const listed = await runtimeList(tablet);
      await expect.poll(() => runtimeCached(tablet), { timeout: SYNC_TIMEOUT_MS, interval: 200 }).toEqual(expect.arrayContaining(listed));
      await context.setOffline(true);
      await tablet.goto('/overview');
      await expectScreen(tablet, 'Pārskats');
      await tablet.goto('/');
      await expectScreen(tablet, 'Kopienas');
      await visible(tablet.getByText('Rēzeknes kopiena', { exact: true }));
      await context.setOffline(false);
      expect(pageErrors).toEqual([]);
    });
  });
});
