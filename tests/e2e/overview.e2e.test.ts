// The coordinator's desk (the overview), end to end in Chromium against
// the real server: an organisation's two communities arrive on the server as
// a tablet's pushed batch (workshops, people, an erased and a deleted one,
// check-ins, needs and dots, resources, action plans); the coordinator signs
// in on a laptop, syncs, and the overview shows the right figures, draws its
// charts (lazily loaded chart.js, pixels on the canvas) with table views that
// hold the same numbers; a filter goes into the URL, and the bookmarked view
// opens again with the network cut.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import {
  actionFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields, resourceFields, voteFields, workshopFields,
} from '../../testing/fixtures';
import { STEP_TIMEOUT_MS, expectScreen, expectText, seen } from './support/notebook-steps';
import {
  chartCanvas, chartTable, chooseFilter, expectChartDrawn, figure, openOverview, overviewSection, paintedPixels, shownLine, tableRows,
} from './support/overview-steps';
import { SeedBatch, pushBatch, setUpThroughApi } from '../../testing/seed';
import { startServer, type RunningServer } from '../../testing/server';
import { expectAllSent, openApp, setupLinkOf, signIn, type Account } from './support/sync-steps';

const ORGANISATION = 'Vidzemes kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };

const LAPTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow',
};

const CHARTS = {
  byCategory: 'Vajadzības pa kategorijām',
  attendance: 'Apmeklējums pa mēnešiem',
  byStatus: 'Vajadzību statuss kopienās',
} as const;

/** The programme the bookmarked view is of (seedOrganisation names it). */
let drosasKopienas = '';

/**
 * Lazdona (Madonas novads, active): workshops in January ("Drošas kopienas",
 * by id) and March ("KOPA"); Vecpiebalga (Cēsu novads, emerging): February
 * ("Drošas kopienas" as typed before events named their programme by id)
 * held, April planned. Each community is enrolled with its maturity's grant. Jānis comes to three workshops in both
 * communities; Ilze is erased on request after checking in; Pēteris is
 * deleted after checking in; one need card is deleted with its dots.
 */
function seedOrganisation(author: string): SeedBatch {
  const batch = new SeedBatch('seed-tablet', author);
  const community = (name: string, municipality: string, maturity: 'emerging' | 'active') =>
    batch.create('communities', communityFields({ name, municipality, maturity }));
  const workshop = (communityId: string, title: string, date: string, programme: string, status: 'held' | 'planned' = 'held') => ({
    id: batch.create('workshops', workshopFields(communityId, { title, date, programme, status })),
    communityId,
  });
  const person = (communityId: string, name: string, role: 'resident' | 'youth' | 'community_leader' | 'entrepreneur') =>
    batch.create('participants', participantFields(communityId, { name, role }));
  const need = (communityId: string, workshopId: string, title: string, category: 'safety' | 'youth' | 'mobility' | 'other', status: 'raised' | 'prioritised' = 'raised') =>
    batch.create('needs', needFields(communityId, { workshopId, title, category, status }));
  const dots = (count: number, workshop: { id: string; communityId: string }, needId: string, participantId: string) => {
    const at = { communityId: workshop.communityId, workshopId: workshop.id, needId };
    for (let i = 0; i < count; i++) batch.create('votes', voteFields(at, { participantId, castAt: Date.now() }));
  };

  const lazdona = community('Lazdonas kopiena', 'LV-059', 'active');
  const piebalga = community('Vecpiebalgas kopiena', 'LV-022', 'emerging');
  drosasKopienas = batch.create('programmes', programmeFields({ name: 'Drošas kopienas', start: '2020-01-01', end: '' }));
  const kopa = batch.create('programmes', programmeFields({ name: 'KOPA', start: '2020-01-01', end: '' }));
  batch.create('enrolments', enrolmentFields(lazdona, kopa, { start: '2020-01-01', end: '', maturity: 'active', grantCents: 300_000 }));
  batch.create('enrolments', enrolmentFields(piebalga, drosasKopienas, { start: '2020-01-01', end: '', grantCents: 100_000 }));
  const january = {
    id: batch.create('workshops', workshopFields(lazdona, { title: 'Ziemas darbnīca', date: '2026-01-15', programme: '', programmeId: drosasKopienas, status: 'held' })),
    communityId: lazdona,
  };
  const march = workshop(lazdona, 'Pavasara darbnīca', '2026-03-10', 'KOPA');
  const february = workshop(piebalga, 'Apkaimes darbnīca', '2026-02-20', 'Drošas kopienas');
  workshop(piebalga, 'Aprīļa forums', '2026-04-01', 'KOPA', 'planned');

  const janis = person(lazdona, 'Jānis Bērziņš', 'resident');
  const anna = person(lazdona, 'Anna Ozoliņa', 'youth');
  const ilze = person(lazdona, 'Ilze Kalniņa', 'resident');
  const peteris = person(lazdona, 'Pēteris Kļaviņš', 'resident');
  const liga = person(piebalga, 'Līga Ābele', 'community_leader');
  const maris = person(piebalga, 'Māris Liepa', 'entrepreneur');
  for (const id of [janis, anna, ilze, peteris]) batch.checkIn(january, id);
  for (const id of [janis, anna]) batch.checkIn(march, id);
  for (const id of [liga, maris, janis]) batch.checkIn(february, id);
  batch.update('participants', ilze, { name: 'Dzēsts dalībnieks', erased: true, consentData: false });
  batch.update('participants', peteris, { deleted: true });

  const lights = need(lazdona, january.id, 'Apgaismojums pie pieturas', 'safety');
  const playground = need(lazdona, march.id, 'Sporta laukums', 'youth', 'prioritised');
  const bus = need(piebalga, february.id, 'Autobuss uz Cēsīm', 'mobility');
  const typo = need(piebalga, february.id, 'Kļūdaina kartīte', 'other');
  dots(3, january, lights, janis);
  dots(2, march, playground, anna);
  dots(4, february, bus, liga);
  dots(2, february, typo, maris);
  batch.update('needs', typo, { deleted: true });

  batch.create('resources', resourceFields(lazdona, { kind: 'place' }));
  batch.create('resources', resourceFields(piebalga, { kind: 'equipment', name: 'Traktors' }));
  batch.create('actions', actionFields(lazdona, { needId: lights, budgetCents: 250_000 }));
  batch.create('actions', actionFields(piebalga, { needId: bus, what: 'Vakara reiss', budgetCents: 120_000 }));
  return batch;
}

describe('the coordinator’s overview after syncing a seeded organisation', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let laptop: Page;
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

  it('the organisation is set up and a tablet’s batch of two communities reaches the server', async () => {
    const token = await setUpThroughApi(server.url, await setupLinkOf(server), ORGANISATION, COORDINATOR);
    await pushBatch(server.url, token, seedOrganisation('seed-tablet'));
  });

  it('the coordinator signs in on a laptop and the organisation syncs down', async () => {
    context = await browser.newContext({ ...LAPTOP, baseURL: server.url });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    laptop = await openApp(context, '/login');
    await signIn(laptop, COORDINATOR);
    await expectAllSent(laptop);
    await expectText(laptop.getByText(/^\d+ kopien/), '2 kopienas');
  });

  it('shows the figures: workshops held, unique people and total attendance, needs and votes, resources', async () => {
    await openOverview(laptop);
    expect(laptop.url()).toMatch(/\/overview$/);
    await expectText(laptop.getByTestId('overview-shown'), 'Atlasei atbilst 2 kopienas no 2');
    await expectText(figure(laptop, 'Kopienas'), '2');
    await expectText(figure(laptop, 'Notikušie pasākumi'), '3');
    // Jānis, Anna, the erased Ilze; Līga, Māris (and Jānis again). Pēteris was deleted.
    await expectText(figure(laptop, 'Dalībnieki'), '5');
    await expectText(figure(laptop, 'Apmeklējumi kopā'), '8');
    await expectText(figure(laptop, 'Vajadzības'), '3');
    await expectText(figure(laptop, 'Resursi'), '2');
    expect(await seen(laptop.getByTestId('figure-needs'))).toContain('9 balsis');
    expect(await seen(laptop.getByTestId('figure-workshopsHeld'))).toContain('vēl 1 plānots');

    const top = overviewSection(laptop, 'Visvairāk balsotās vajadzības').getByRole('table');
    expect(await tableRows(top)).toEqual([
      ['1', 'Autobuss uz Cēsīm', 'Vecpiebalgas kopiena', 'Mobilitāte', 'Izvirzīta', '4'],
      ['2', 'Apgaismojums pie pieturas', 'Lazdonas kopiena', 'Drošība', 'Izvirzīta', '3'],
      ['3', 'Sporta laukums', 'Lazdonas kopiena', 'Jaunieši', 'Prioritāra', '2'],
    ]);
    expect(await tableRows(overviewSection(laptop, 'Kopienas').getByRole('table'))).toEqual([
      ['Lazdonas kopiena', 'Madonas novads', 'Aktīva', '2', '3', '5', '2'],
      ['Vecpiebalgas kopiena', 'Cēsu novads', 'Veidojas', '1', '3', '3', '1'],
    ]);
    expect(await tableRows(overviewSection(laptop, 'Rīcības plānu budžets pret granta limitu').getByRole('table'))).toEqual([
      ['Lazdonas kopiena', 'Aktīva', '2500,00 €', '3000,00 €', '500,00 €'],
      ['Vecpiebalgas kopiena', 'Veidojas', '1200,00 €', '1000,00 €', 'pārsniegts par 200,00 €'],
    ]);
    const roles = await tableRows(overviewSection(laptop, 'Dalībnieki pēc lomas').getByRole('table'));
    expect(roles.filter((row) => row[1] !== '0')).toEqual([['Iedzīvotājs', '2'], ['Kopienas līderis', '1'], ['Uzņēmējs', '1'], ['Jaunietis', '1']]);
    const kinds = await tableRows(overviewSection(laptop, 'Resursi pēc veida').getByRole('table'));
    expect(kinds.filter((row) => row[1] !== '0')).toEqual([['Vieta vai ēka', '1'], ['Aprīkojums', '1']]);
  });

  it('draws the three charts, and their table views hold the same numbers', async () => {
    for (const title of Object.values(CHARTS)) await expectChartDrawn(laptop, title);
    // chart.js came in its own chunk, on this screen only.
    const scripts = await laptop.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')));
    expect(scripts.some((path) => /\/assets\/chart-runtime-[\w-]+\.js$/.test(path))).toBe(true);

    expect((await chartTable(laptop, CHARTS.byCategory)).filter((row) => row[1] !== '0')).toEqual([
      ['Drošība', '1'], ['Jaunieši', '1'], ['Mobilitāte', '1'],
    ]);
    expect(await chartCanvas(laptop, CHARTS.byCategory).getAttribute('aria-label'))
      .toBe('Vajadzības pa kategorijām. Drošība 1; Jaunieši 1; Mobilitāte 1. Kopā: 3.');
    expect(await chartTable(laptop, CHARTS.attendance)).toEqual([
      ['2026. g. janv.', '3'], ['2026. g. febr.', '3'], ['2026. g. marts', '2'], ['2026. g. apr.', '0'],
    ]);
    expect(await chartTable(laptop, CHARTS.byStatus)).toEqual([
      ['Lazdonas kopiena', '1', '1', '0', '0', '0', '2'],
      ['Vecpiebalgas kopiena', '1', '0', '0', '0', '0', '1'],
    ]);
  });

  it('narrows to one municipality, keeps it in the URL, and redraws the charts', async () => {
    const before = await paintedPixels(chartCanvas(laptop, CHARTS.attendance));
    await chooseFilter(laptop, 'Novads vai valstspilsēta', 'Cēsu novads');
    await expect.poll(() => new URL(laptop.url()).search, { timeout: STEP_TIMEOUT_MS }).toBe('?municipality=LV-022');
    await expectText(laptop.getByTestId('overview-shown'), 'Atlasei atbilst 1 kopiena no 2');
    await expectText(figure(laptop, 'Apmeklējumi kopā'), '3');
    await expectText(figure(laptop, 'Dalībnieki'), '3');
    await expect.poll(() => chartTable(laptop, CHARTS.attendance), { timeout: STEP_TIMEOUT_MS })
      .toEqual([['2026. g. febr.', '3'], ['2026. g. marts', '0'], ['2026. g. apr.', '0']]);
    await expectChartDrawn(laptop, CHARTS.attendance, 500);
    expect(await paintedPixels(chartCanvas(laptop, CHARTS.attendance))).not.toBe(before);
  });

  it('opens the bookmarked view with the network cut: figures from the device, chart.js from the runtime cache (not precached: a coordinator’s device keeps it)', async () => {
    await context.setOffline(true);
    await laptop.goto(`/overview?programme=${drosasKopienas}&from=2026-01-01&to=2026-02-28`);
    await expectScreen(laptop, 'Pārskats');
    expect(await shownLine(laptop)).toMatch(/^Atlasei atbilst 2 kopienas no 2$/);
    await expectText(figure(laptop, 'Notikušie pasākumi'), '2');
    await expectText(figure(laptop, 'Apmeklējumi kopā'), '6');
    await expect.poll(() => laptop.getByLabel('Programma', { exact: true }).locator('option:checked').textContent()).toBe('Drošas kopienas');
    await expectChartDrawn(laptop, CHARTS.byStatus);
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
  });
});
