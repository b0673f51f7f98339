// Nothing lost, end to end in Chromium against the real server:
// a coordinator deletes a community with its events, people and need; the
// dialog says what goes with it first; on a second profile the coordinator
// finds it in the bin ("Atkritne") with who deleted it, restores it, and
// every device gets it back whole. Then a need deleted on the laptop while a
// facilitator's offline tablet edits it: after sync the need is back with the
// edit, the conflict names both people, the need carries a mark until it is
// reviewed, and the laptop says once that its change was replaced. On the way,
// a past event people came to is offered to be marked held.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  STEP_TIMEOUT_MS, addNeedCard, addParticipant, checkInBySearch, communitySection, createCommunity, createWorkshop, expectScreen, expectText,
  needCard, openCommunity, openWorkshop, visible,
} from './support/notebook-steps';
import { useDeviceLab } from './support/device-lab';
import {
  SYNC_TIMEOUT_MS, addUser, apiSignIn, conflictCards, conflictSide, editNeedTitle, expectAllSent, goOffline, goOnline, liveRecords,
  openApp, openConflicts, setUpOrganisation, setupLinkOf, signIn, syncNow, type Account,
} from './support/sync-steps';
import { pullEverything } from '../support/http-pull';

const ORGANISATION = 'Latgales kopienu centrs';
const DACE: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const ILZE: Account = { name: 'Ilze Kalniņa', email: 'ilze@kopienas.example', password: 'planšete-A-2026' };

const COMMUNITY = { name: 'Rēznas kopiena', municipality: 'Rēzeknes novads', parish: 'Rēzna', maturity: 'Aktīva' } as const;
const EVENING = {
  title: 'Vakara darbnīca', date: '2024-10-14', startTime: '18:00', endTime: '20:00',
  place: 'Saieta nams', programme: 'Drošas kopienas', facilitators: ILZE.name,
};
const SPRING = { ...EVENING, title: 'Pavasara talka', date: '2027-04-18' };
const LIGHTS = { title: 'Apgaismojums pie skolas', category: 'Drošība' };
const LIGHTS_EDITED = 'Apgaismojums pie skolas un pieturas';

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow',
};
const LAPTOP: BrowserContextOptions = { ...TABLET, viewport: { width: 1280, height: 800 }, hasTouch: false };

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Galvenā navigācija' });
}

async function openNeeds(page: Page): Promise<void> {
  await openCommunity(page, COMMUNITY.name);
  await communitySection(page, COMMUNITY.name, 'Vajadzības').click();
  await expectScreen(page, `Vajadzības — ${COMMUNITY.name}`);
}

describe('the bin: a deleted community found on another device and restored whole; a deletion that had not seen an edit', () => {
  let laptop: Page;
  let secondLaptop: Page;
  let tablet: Page;
  let tabletContext: BrowserContext;
  const pageErrors: string[] = [];
  const lab = useDeviceLab(pageErrors);

  it('the coordinator sets the organisation up and adds a facilitator', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    laptop = await openApp(await lab.newDevice('C', LAPTOP), `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, DACE);
    await addUser(laptop, ILZE, 'Fasilitators');
  });

  it('the facilitator\'s tablet writes a community with two events, two people and a need', async () => {
    tabletContext = await lab.newDevice('A', TABLET);
    tablet = await openApp(tabletContext, '/login');
    await signIn(tablet, ILZE);
    await tablet.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(tablet, COMMUNITY);
    await createWorkshop(tablet, EVENING);
    await openCommunity(tablet, COMMUNITY.name);
    await createWorkshop(tablet, SPRING);
    await openCommunity(tablet, COMMUNITY.name);
    await communitySection(tablet, COMMUNITY.name, 'Dalībnieki').click();
    await addParticipant(tablet, { name: 'Jānis Bērziņš', consentData: true });
    await addParticipant(tablet, { name: 'Anna Ozoliņa', consentData: true });
    await openNeeds(tablet);
    await addNeedCard(tablet, LIGHTS);
    await expectAllSent(tablet);
  });

  it('a facilitator is not offered to delete a community', async () => {
    await openCommunity(tablet, COMMUNITY.name);
    await visible(tablet.getByRole('link', { name: 'Labot', exact: true }));
    expect(await tablet.getByRole('button', { name: 'Dzēst', exact: true }).count()).toBe(0);
  });

  it('the coordinator deletes the community: the dialog says what goes with it, and it goes to the bin', async () => {
    await syncNow(laptop);
    await expectAllSent(laptop);
    await openCommunity(laptop, COMMUNITY.name);
    await laptop.getByRole('button', { name: 'Dzēst', exact: true }).click();
    const dialog = laptop.getByRole('dialog', { name: `Dzēst kopienu “${COMMUNITY.name}”?` });
    await visible(dialog);
    await expectText(dialog.getByTestId('deletion-summary'), 'Kopiena un 2 pasākumi, 2 dalībnieki, 1 vajadzība');
    // "Atcelt" first: nothing happens.
    await dialog.getByRole('button', { name: 'Atcelt', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await expectScreen(laptop, COMMUNITY.name);
    await laptop.getByRole('button', { name: 'Dzēst', exact: true }).click();
    await dialog.getByRole('button', { name: 'Dzēst', exact: true }).click();
    await expectScreen(laptop, 'Kopienas');
    await visible(laptop.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!', { exact: true }));
    await expectAllSent(laptop);
  });

  it('on a second profile, the coordinator finds it in the bin with who deleted it, and restores it', async () => {
    secondLaptop = await openApp(await lab.newDevice('C2', LAPTOP), '/login');
    await signIn(secondLaptop, DACE);
    await expectAllSent(secondLaptop);
    await visible(secondLaptop.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!', { exact: true }));
    await mainNav(secondLaptop).getByRole('link', { name: 'Atkritne', exact: true }).click();
    await expectScreen(secondLaptop, 'Atkritne');
    const entry = secondLaptop.getByTestId('bin-entry').filter({ hasText: COMMUNITY.name });
    await visible(entry);
    await expectText(entry.getByRole('heading', { level: 2 }), `Kopiena ${COMMUNITY.name}`);
    await visible(entry.getByText('kopā ar 5 citiem ierakstiem', { exact: true }));
    await visible(entry.getByText(new RegExp(`^Dzēsa ${DACE.name}, `)));
    await entry.getByRole('button', { name: 'Atjaunot', exact: true }).click();
    await visible(secondLaptop.getByText('Atkritne ir tukša.', { exact: true }));
    await expectAllSent(secondLaptop);
  });

  it('every device has the community back with everything deleted with it', async () => {
    for (const page of [secondLaptop, laptop, tablet]) {
      await syncNow(page);
      await expectAllSent(page);
      await openCommunity(page, COMMUNITY.name);
      await expectText(communitySection(page, COMMUNITY.name, 'Dalībnieki'), 'Dalībnieki 2 dalībnieki');
      await expectText(communitySection(page, COMMUNITY.name, 'Vajadzības'), 'Vajadzības 1 vajadzība');
      const events = page.getByRole('region', { name: 'Pasākumi' });
      await visible(events.getByRole('link', { name: new RegExp(`^${EVENING.title}`) }));
      await visible(events.getByRole('link', { name: new RegExp(`^${SPRING.title}`) }));
    }
    const changes = await pullEverything(lab.server.url, await apiSignIn(lab.server.url, DACE));
    expect(liveRecords(changes, 'communities')).toHaveLength(1);
    expect(liveRecords(changes, 'workshops')).toHaveLength(2);
    expect(liveRecords(changes, 'participants')).toHaveLength(2);
    expect(liveRecords(changes, 'needs')).toHaveLength(1);
  });

  it('a past event with check-ins is offered to be marked held, in its list and on its page', async () => {
    await openWorkshop(tablet, COMMUNITY.name, EVENING.title);
    expect(await tablet.getByRole('button', { name: 'Atzīmēt kā notikušu' }).count()).toBe(0);
    await tablet.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
    await expectScreen(tablet, 'Reģistrācija');
    await checkInBySearch(tablet, 'berzins', 'Jānis Bērziņš');
    await openCommunity(tablet, COMMUNITY.name);
    const events = tablet.getByRole('region', { name: 'Pasākumi' });
    await events.getByRole('link', { name: 'Notika? Atzīmējiet', exact: true }).click();
    await expectScreen(tablet, EVENING.title);
    await tablet.getByRole('button', { name: 'Atzīmēt kā notikušu', exact: true }).click();
    await tablet.getByRole('button', { name: 'Atzīmēt kā notikušu' }).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await visible(tablet.getByText('Noticis', { exact: true }));
    await expectAllSent(tablet);
  });

  it('a need deleted on the laptop while the offline tablet edits it comes back, and the conflict names both people', async () => {
    await goOffline(tabletContext, tablet);
    await openNeeds(tablet);
    await editNeedTitle(tablet, LIGHTS.title, LIGHTS_EDITED);

    await openNeeds(laptop);
    await needCard(laptop, LIGHTS.title).getByRole('button', { name: LIGHTS.title, exact: true }).click();
    await laptop.getByRole('form', { name: 'Labot vajadzību' }).getByRole('button', { name: 'Dzēst', exact: true }).click();
    await needCard(laptop, LIGHTS.title).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await expectAllSent(laptop);

    await goOnline(tabletContext, tablet);
    await expectAllSent(tablet);
    await visible(needCard(tablet, LIGHTS_EDITED));

    await syncNow(laptop);
    await needCard(laptop, LIGHTS_EDITED).waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    // Marked until reviewed, and the laptop is told once that its change was replaced.
    await visible(needCard(laptop, LIGHTS_EDITED).getByTestId('conflict-mark'));
    await expectText(laptop.getByTestId('replaced-notice'), /^1 jūsu izmaiņa aizstāta ar citas ierīces izmaiņu — pārskatīt/);

    await openConflicts(laptop);
    const card = conflictCards(laptop).filter({ hasText: 'Lauks: Dzēsts' });
    await visible(card);
    await expectText(conflictSide(card, 'Pašreizējā vērtība').locator('.conflict__who'), new RegExp(`^${ILZE.name}, `));
    await expectText(conflictSide(card, 'Saglabātā otra vērtība').locator('.conflict__who'), new RegExp(`^${DACE.name} \\(šī ierīce\\), `));
  });

  it('threw no uncaught error on any device', () => {
    expect(pageErrors).toEqual([]);
  });
});
