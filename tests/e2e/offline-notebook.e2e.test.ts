// A facilitator's evening in a parish community house with no network, end to
// end in Chromium against the built app served by the real server: opened once
// online, then the network is cut and a whole workshop is run, reloaded and
// found intact, in Latvian first and English second.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import {
  STEP_TIMEOUT_MS, actionCard, addAction, addDot, addNeedCard, addParticipant, addResource, addWalkIn, budget, cachedPaths,
  checkInBySearch, checkInCount, chooseVoter, communitySection, createCommunity, createWorkshop, expectScreen, expectText, expectTexts,
  needCard, openCommunity, openCommunityList, openWorkshop, resourceCard, searchAtCheckIn, syncBar, takeBackDot, tallyRows, typeNotes,
  visible, voterButton,
} from './support/notebook-steps';
import { startServer, type RunningServer } from '../../testing/server';

const COMMUNITY = { name: 'Lazdonas kopiena', municipality: 'Madonas novads', parish: 'Lazdona', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Apkaimes darbnīca', date: '2026-11-23', startTime: '18:00', endTime: '20:30',
  place: 'Lazdonas tautas nams', programme: 'Drošas kopienas', facilitators: 'Ilze Kalniņa, Māris Liepa',
};
const JANIS = { name: 'Jānis Bērziņš', household: 'Kalnāji', consentData: true, consentPhotos: true };
const ANNA = { name: 'Anna Ozoliņa', phone: '+371 26123456', consentData: true };
const PETERIS = { name: 'Pēteris Kļaviņš', household: 'Lejas Ķiķi', consentData: true };
const LIGHTS = { title: 'Apgaismojums pie autobusu pieturas', category: 'Drošība' };
const PLAYGROUND = { title: 'Sporta laukums jauniešiem', category: 'Jaunieši' };
const TRACTOR = {
  kind: 'Aprīkojums', name: 'Kaimiņa traktors', description: 'Var nolīdzināt laukumu', contact: 'Andris, 29111111',
  availability: 'Pēc vienošanās', needs: [PLAYGROUND.title],
};
const STREETLIGHTS = { what: 'Uzstādīt laternas pie pieturas', need: LIGHTS.title, who: 'Pagasta pārvalde', due: '2027-05-31', budget: '1 250,50' };
const NOTES = 'Iedzīvotāji grib gaismu pie pieturas; laukumam palīdzēs kaimiņš ar traktoru. Nākamā tikšanās maijā.';

describe('offline workshop notebook', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Uncaught exceptions in the app: a journey that passes on screen may still have crashed somewhere. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1024, height: 768 },
      locale: 'lv-LV',
      timezoneId: 'Europe/Riga',
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens once online, then works with the network cut, deep links too', async () => {
    await page.goto('/');
    await expectScreen(page, 'Kopienas');
    await visible(page.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!'));
    await expectText(syncBar(page), /^Tiešsaistē(?:\s|$)/);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), { timeout: STEP_TIMEOUT_MS }).toBe('0');

    // The service worker is installed and has the app shell and the manifest precached.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cached = await cachedPaths(page);
    expect(cached).toContain('/index.html');
    expect(cached).toContain('/manifest.webmanifest');
    const ready = page.getByRole('alertdialog');
    await visible(ready.getByText('Talka ir gatava darbam bez tīkla.', { exact: true }));
    await ready.getByRole('button', { name: 'Aizvērt' }).click();
    await ready.waitFor({ state: 'detached' });

    await context.setOffline(true);
    await expectText(syncBar(page), /^Bezsaistē(?:\s|$)/);
    // The network really is gone for the page: the server cannot be reached.
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expectScreen(page, 'Kopienas');
    await expectText(syncBar(page), /^Bezsaistē(?:\s|$)/);

    // A deep link typed into the address bar opens offline as well.
    const deepLink = await page.goto('/communities/new');
    expect(deepLink?.fromServiceWorker()).toBe(true);
    await expectScreen(page, 'Jauna kopiena');
  });

  it('runs a whole workshop offline: community, workshop, check-in, needs, voting, resource, plan, notes', async () => {
    await createCommunity(page, COMMUNITY);
    await createWorkshop(page, WORKSHOP);
    await visible(page.getByText(/23\. novembr\w*, 18:00–20:30/));
    await expectText(page.getByTestId('attendance-count'), '0 dalībnieku');

    // Two returning participants are on the community's list before the evening.
    await openCommunity(page, COMMUNITY.name);
    await communitySection(page, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(page, 'Dalībnieki');
    await addParticipant(page, JANIS);
    await addParticipant(page, ANNA);
    await visible(page.getByText('2 dalībnieki', { exact: true }));

    // At the door: found by typing without diacritics, one tap each; a walk-in added on the spot.
    await openWorkshop(page, COMMUNITY.name, WORKSHOP.title);
    await page.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
    await expectScreen(page, 'Reģistrācija');
    await expectText(checkInCount(page), '0 dalībnieku');
    await checkInBySearch(page, 'berzins', JANIS.name);
    await expectText(checkInCount(page), '1 dalībnieks');
    await checkInBySearch(page, 'OZOLINA', ANNA.name);
    await expectText(checkInCount(page), '2 dalībnieki');
    await searchAtCheckIn(page, 'kalnaji', JANIS.name); // the household is searched too
    await addWalkIn(page, PETERIS);
    await expectText(checkInCount(page), '3 dalībnieki');
    await expectText(page.getByRole('heading', { name: /^Ieradušies/ }), 'Ieradušies (3)');

    // Needs written as quick cards while people talk, raised at this workshop.
    await page.getByRole('link', { name: /Atpakaļ/ }).click();
    await expectScreen(page, WORKSHOP.title);
    await expectText(page.getByTestId('attendance-count'), '3 dalībnieki');
    await page.getByRole('link', { name: /^Balsošana ar punktiem/ }).click();
    await expectScreen(page, 'Balsošana ar punktiem');
    await visible(page.getByText('Nav vajadzību, par kurām balsot.', { exact: false }));
    await page.getByRole('link', { name: 'Vajadzības', exact: true }).click();
    await expectScreen(page, `Vajadzības — ${COMMUNITY.name}`);
    const raisedAt = page.getByLabel('Pasākums, kurā izvirzīta', { exact: true });
    await expect.poll(() => raisedAt.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text), { timeout: STEP_TIMEOUT_MS })
      .toBe(WORKSHOP.title);
    await addNeedCard(page, LIGHTS);
    await addNeedCard(page, PLAYGROUND);
    await expectText(needCard(page, LIGHTS.title), /Drošība Izvirzīta 0 balsu$/);
    await expectText(needCard(page, PLAYGROUND.title), /Jaunieši Izvirzīta 0 balsu$/);

    // Dot-voting, three dots each; the tally re-sorts as dots land.
    await page.getByRole('link', { name: 'Balsošana', exact: true }).click();
    await expectScreen(page, 'Balsošana ar punktiem');
    // Everyone checked in may vote, in alphabetical order.
    await expectTexts(page.getByRole('region', { name: 'Kurš balso?' }).getByRole('button'), [
      `${ANNA.name} atlikuši 3 punkti`, `${JANIS.name} atlikuši 3 punkti`, `${PETERIS.name} atlikuši 3 punkti`,
    ]);

    await chooseVoter(page, JANIS.name);
    await addDot(page, LIGHTS.title);
    await addDot(page, LIGHTS.title);
    await addDot(page, PLAYGROUND.title);
    await expectText(voterButton(page, JANIS.name), `${JANIS.name} punkti izlietoti`);
    await visible(page.getByText(`${JANIS.name}: visi punkti izlietoti. Izvēlieties nākamo balsotāju.`));
    await expectTexts(tallyRows(page), [`${LIGHTS.title} 2 balsis`, `${PLAYGROUND.title} 1 balss`]);

    await chooseVoter(page, ANNA.name);
    await addDot(page, PLAYGROUND.title);
    await addDot(page, PLAYGROUND.title);
    await expectText(voterButton(page, ANNA.name), `${ANNA.name} atlicis 1 punkts`);

    await chooseVoter(page, PETERIS.name);
    await addDot(page, LIGHTS.title);
    await expectText(voterButton(page, PETERIS.name), `${PETERIS.name} atlikuši 2 punkti`);
    await takeBackDot(page, LIGHTS.title); // changed his mind
    await expectText(voterButton(page, PETERIS.name), `${PETERIS.name} atlikuši 3 punkti`);
    await addDot(page, PLAYGROUND.title);
    await expectText(voterButton(page, PETERIS.name), `${PETERIS.name} atlikuši 2 punkti`);

    await expectTexts(tallyRows(page), [`${PLAYGROUND.title} 4 balsis`, `${LIGHTS.title} 2 balsis`]);
    await visible(page.getByText('Kopā 6 balsis', { exact: true }));

    // The community's resources: a neighbour's tractor, linked to the need it helps with.
    await openCommunity(page, COMMUNITY.name);
    await communitySection(page, COMMUNITY.name, 'Resursi').click();
    await expectScreen(page, `Resursi — ${COMMUNITY.name}`);
    await addResource(page, TRACTOR);
    await expectText(resourceCard(page, TRACTOR.name).getByRole('list'), PLAYGROUND.title);
    await expectText(page.getByRole('heading', { name: /^Aprīkojums/ }), 'Aprīkojums (1)');

    // The action plan, with its budget total; the new community is in no programme yet, so no grant is set.
    await openCommunity(page, COMMUNITY.name);
    await communitySection(page, COMMUNITY.name, 'Rīcības plāns').click();
    await expectScreen(page, 'Rīcības plāns');
    await expectText(budget(page).locator('p').first(), /^0,00 €$/);
    await addAction(page, STREETLIGHTS);
    await expectText(budget(page).locator('p').first(), /^1\s?250,50 €$/);
    await expectText(budget(page).getByTestId('no-grant'), /^Granta apjoms nav noteikts/);

    // Notes typed on the workshop's page, saved keystroke by keystroke.
    await openWorkshop(page, COMMUNITY.name, WORKSHOP.title);
    await typeNotes(page, NOTES);

    // Every change is waiting in the outbox for a network.
    const pending = page.getByTestId('pending-count');
    await expect.poll(async () => Number(await pending.getAttribute('data-count')), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(0);
  });

  it('finds everything intact after a reload with the network still cut', async () => {
    await page.reload();
    await expectScreen(page, WORKSHOP.title);
    await expectText(syncBar(page), /^Bezsaistē(?:\s|$)/);
    const pending = page.getByTestId('pending-count');
    const count = Number(await pending.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await expectText(pending, new RegExp(`^${count} izmaiņa?s? glabājas šajā ierīcē un tiks nosūtītas?, kad būs tīkls$`));

    // The workshop: attendance and the notes, to the last keystroke.
    await expectText(page.getByTestId('attendance-count'), '3 dalībnieki');
    await expect.poll(() => page.getByLabel('Piezīmes', { exact: true }).inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(NOTES);

    // The community in the list, and its sections' counts.
    await openCommunityList(page);
    await visible(page.getByText('1 kopiena', { exact: true }));
    await expectText(page.getByRole('link', { name: new RegExp(`^${COMMUNITY.name}`) }), `${COMMUNITY.name} ${COMMUNITY.parish}, ${COMMUNITY.municipality} ${COMMUNITY.maturity}`);
    await openCommunity(page, COMMUNITY.name);
    await visible(page.getByRole('region', { name: 'Pasākumi' }).getByRole('link', { name: new RegExp(`^${WORKSHOP.title}`) }));
    await expectText(communitySection(page, COMMUNITY.name, 'Dalībnieki'), 'Dalībnieki 3 dalībnieki');
    await expectText(communitySection(page, COMMUNITY.name, 'Vajadzības'), 'Vajadzības 2 vajadzības');
    await expectText(communitySection(page, COMMUNITY.name, 'Resursi'), 'Resursi 1 resurss');
    await expectText(communitySection(page, COMMUNITY.name, 'Rīcības plāns'), 'Rīcības plāns 1 darbība');

    // Both needs with their dots, and the resource shown on the need it helps.
    await communitySection(page, COMMUNITY.name, 'Vajadzības').click();
    await expectScreen(page, `Vajadzības — ${COMMUNITY.name}`);
    await expectText(needCard(page, LIGHTS.title), /Drošība Izvirzīta 2 balsis$/);
    await expectText(needCard(page, PLAYGROUND.title), new RegExp(`Jaunieši Izvirzīta 4 balsis Resursi: ${TRACTOR.name}$`));

    // The resource.
    await page.getByRole('link', { name: 'Resursu karte', exact: true }).click();
    await expectScreen(page, `Resursi — ${COMMUNITY.name}`);
    await expectText(resourceCard(page, TRACTOR.name),
      `${TRACTOR.name} Labot ${TRACTOR.description} Kontakti ${TRACTOR.contact} Pieejamība ${TRACTOR.availability} Palīdz: ${PLAYGROUND.title}`);

    // The action and the budget total.
    await openCommunity(page, COMMUNITY.name);
    await communitySection(page, COMMUNITY.name, 'Rīcības plāns').click();
    await expectScreen(page, 'Rīcības plāns');
    await expectText(actionCard(page, STREETLIGHTS.what).locator('dd').last(), /^1\s?250,50 €$/);
    await visible(actionCard(page, STREETLIGHTS.what).getByText(STREETLIGHTS.who, { exact: true }));
    await expectText(budget(page).locator('p').first(), /^1\s?250,50 €$/);

    // Check-in and the vote tally at the workshop.
    await openWorkshop(page, COMMUNITY.name, WORKSHOP.title);
    await page.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
    await expectText(checkInCount(page), '3 dalībnieki');
    for (const person of [JANIS, ANNA, PETERIS]) {
      await visible(page.getByRole('button', { name: `Noņemt atzīmi: ${person.name}`, exact: true }));
    }
    await page.getByRole('link', { name: /Atpakaļ/ }).click();
    await page.getByRole('link', { name: /^Balsošana ar punktiem/ }).click();
    await expectScreen(page, 'Balsošana ar punktiem');
    await expectTexts(tallyRows(page), [`${PLAYGROUND.title} 4 balsis`, `${LIGHTS.title} 2 balsis`]);
  });

  it('switches to English, remembers it across a reload, and back to Latvian', async () => {
    await openCommunity(page, COMMUNITY.name);
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByRole('heading', { name: 'Events', exact: true }), 'Events');
    await expectText(communitySection(page, COMMUNITY.name, 'Participants'), 'Participants 3 participants');
    await expectText(communitySection(page, COMMUNITY.name, 'Action plan'), 'Action plan 1 action');
    await expectText(syncBar(page), /^Offline(?:\s|$)/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await expectScreen(page, COMMUNITY.name);
    await expectText(communitySection(page, COMMUNITY.name, 'Needs'), 'Needs 2 needs');
    await expectText(syncBar(page), /^Offline(?:\s|$)/);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Communities', exact: true }).click();
    await expectScreen(page, 'Communities');
    await visible(page.getByText('1 community', { exact: true }));

    await page.getByRole('button', { name: 'Latviešu' }).click();
    await expectScreen(page, 'Kopienas');
    await visible(page.getByText('1 kopiena', { exact: true }));
    await expectText(syncBar(page), /^Bezsaistē(?:\s|$)/);
    await page.reload();
    await expectScreen(page, 'Kopienas');
  });

  it('threw no uncaught error along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
