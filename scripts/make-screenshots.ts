// `npx tsx scripts/make-screenshots.ts`: the web manifest's screenshots
// (public/screenshots/), taken in Debian's Chromium from the built app and the
// real server with a sample organisation: a community's needs, ranked by the
// dots of its workshops, on a narrow screen (a tablet held upright), and the
// coordinator's overview on a wide one. Run it again when those screens change.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt } from './built.mjs';
import { launchChromium } from '../testing/browser';
import { SeedBatch, pushBatch, setUpThroughApi } from '../testing/seed';
import { startServer } from '../testing/server';

const root = new URL('..', import.meta.url).pathname;
export const SCREENSHOT_DIR = join(root, 'public/screenshots');
const COORDINATOR = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  scale: number;
  path: (ids: SampleIds) => string;
  /** Text on the finished screen, waited for before the picture. */
  ready: string;
  /** Scroll the ready text to the top of the screen (below the sticky header). */
  scroll: boolean;
}

interface SampleIds {
  lazdona: string;
}

/** Two communities of a Vidzeme organisation after a winter of workshops. */
function sampleOrganisation(): { batch: SeedBatch; ids: SampleIds } {
  const batch = new SeedBatch('sample-tablet', 'Ilze Kalniņa');
  const community = (name: string, municipality: string, parish: string, maturity: 'emerging' | 'active') =>
    batch.create('communities', { name, municipality, parish, description: '', maturity, contacts: [] });
  const workshop = (communityId: string, title: string, date: string) => ({
    id: batch.create('workshops', {
      communityId, title, kind: 'workshop', date, startTime: '18:00', endTime: '20:00', place: 'Tautas nams', programme: 'Drošas kopienas',
      facilitators: 'Ilze Kalniņa', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    }),
    communityId,
  });
  const people = (communityId: string, names: string[]) => names.map((name) => batch.create('participants', {
    communityId, name, household: '', phone: '', email: '', role: 'resident', consentData: true, consentPhotos: false, consentDate: '2026-01-15', erased: false,
  }));
  const needs = (at: { id: string; communityId: string }, voters: string[], cards: [string, 'safety' | 'youth' | 'mobility' | 'environment' | 'other', number][]) => {
    for (const person of voters) batch.checkIn(at, person);
    for (const [title, category, dots] of cards) {
      const needId = batch.create('needs', { communityId: at.communityId, workshopId: at.id, title, description: '', category, status: 'raised', owner: '' });
      for (let i = 0; i < dots; i++) {
        batch.create('votes', { communityId: at.communityId, workshopId: at.id, needId, participantId: voters[i % voters.length]!, castAt: Date.now() });
      }
    }
  };

  const lazdona = community('Lazdonas kopiena', 'LV-059', 'Lazdonas pagasts', 'active');
  const piebalga = community('Vecpiebalgas kopiena', 'LV-022', 'Vecpiebalgas pagasts', 'emerging');
  const lazdonaPeople = people(lazdona, ['Jānis Bērziņš', 'Anna Ozoliņa', 'Pēteris Kļaviņš', 'Līga Ābele', 'Māris Liepa', 'Inese Zariņa']);
  needs(workshop(lazdona, 'Ziemas darbnīca', '2026-01-15'), lazdonaPeople, [
    ['Apgaismojums pie autobusa pieturas', 'safety', 7],
    ['Sporta laukums jauniešiem', 'youth', 5],
    ['Vakara autobuss uz Madonu', 'mobility', 4],
    ['Dīķa krasta sakopšana', 'environment', 2],
  ]);
  needs(workshop(piebalga, 'Apkaimes darbnīca', '2026-02-20'), people(piebalga, ['Kārlis Vītols', 'Zane Krūmiņa', 'Edgars Lācis']), [
    ['Autobuss uz Cēsīm', 'mobility', 4],
    ['Tikšanās vieta jauniešiem', 'youth', 3],
  ]);
  batch.create('resources', { communityId: lazdona, kind: 'place', name: 'Lazdonas tautas nams', description: '60 vietas', contact: '', availability: '', needIds: [] });
  batch.create('resources', { communityId: piebalga, kind: 'equipment', name: 'Traktors', description: '', contact: '', availability: 'Sestdienās', needIds: [] });
  return { batch, ids: { lazdona } };
}

export const SHOTS: Shot[] = [
  { file: 'community-narrow.png', viewport: { width: 400, height: 800 }, scale: 2, path: (ids) => `/communities/${ids.lazdona}`, ready: 'Ziemas darbnīca', scroll: false },
  { file: 'overview-wide.png', viewport: { width: 1280, height: 800 }, scale: 1, path: () => '/overview', ready: 'Atlasei atbilst 2 kopienas no 2', scroll: true },
];

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  const form = page.locator('form.account-form');
  await form.getByLabel('E-pasts', { exact: true }).fill(COORDINATOR.email);
  await form.getByLabel('Parole', { exact: true }).fill(COORDINATOR.password);
  await form.getByRole('button', { name: 'Pieslēgties' }).click();
  // Signed in and the organisation pulled down.
  await page.getByText('Vecpiebalgas kopiena').first().waitFor();
}

async function take(browser: Browser, url: string, ids: SampleIds, shot: Shot): Promise<void> {
  const context = await browser.newContext({
    baseURL: url, viewport: shot.viewport, deviceScaleFactor: shot.scale, locale: 'lv-LV', timezoneId: 'Europe/Riga',
    // No service worker: its "ready to work offline" notice would cover the screen.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(20_000);
  try {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(shot.path(ids));
    // Headless Chromium refuses persistent storage; the notice saying so is not what the picture is of.
    const notice = page.getByTestId('device-notice');
    if (await notice.isVisible()) await notice.getByRole('button').click();
    const ready = page.getByText(shot.ready).first();
    await ready.waitFor();
    await page.waitForLoadState('networkidle');
    if (shot.scroll) await ready.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOT_DIR, shot.file) });
    console.log(`${shot.file}: ${shot.viewport.width * shot.scale}×${shot.viewport.height * shot.scale}`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await ensureBuilt({ app: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    if (!server.setupLink) throw new Error('The server printed no setup link');
    const token = await setUpThroughApi(server.url, server.setupLink, 'Vidzemes kopienu centrs', COORDINATOR);
    const { batch, ids } = sampleOrganisation();
    await pushBatch(server.url, token, batch);
    for (const shot of SHOTS) await take(browser, server.url, ids, shot);
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
