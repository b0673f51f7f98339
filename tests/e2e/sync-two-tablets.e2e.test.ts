// Two facilitators, two tablets, one workshop, both offline, end to
// end in Chromium against the real server on SQLite: the coordinator sets the
// organisation up from the one-time link and adds the facilitators; tablet A
// prepares the workshop and sends it, tablet B receives it; both go offline,
// check people in (one person on both), write needs, vote and retitle the same
// need; both come back online and end with the union — no duplicates, every
// dot counted, one title in force on both — and the coordinator finds the other
// title kept as one conflict. A user of another organisation sees none of it.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  STEP_TIMEOUT_MS, addDot, addNeedCard, addParticipant, addWalkIn, checkInBySearch, checkInCount, chooseVoter, communitySection,
  createCommunity, createWorkshop, expectScreen, expectText, expectTexts, needCard, openCommunity, openCommunityList, openWorkshop,
  syncBar, tallyRows, visible, voterButton,
} from './support/notebook-steps';
import { useDeviceLab } from './support/device-lab';
import {
  SYNC_TIMEOUT_MS, addUser, apiSignIn, assignToCommunity, conflictCards, conflictSide, editNeedTitle, expectAllSent, goOffline, goOnline, liveRecords,
  needTitles, openApp, openConflicts, pendingChanges, pendingCount, runAdmin, setUpOrganisation, setupLinkOf, signIn, syncNow,
  type Account,
} from './support/sync-steps';
import { pullEverything } from '../support/http-pull';

const ORGANISATION = 'Vidzemes kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const ILZE: Account = { name: 'Ilze Kalniņa', email: 'ilze@kopienas.example', password: 'planšete-A-2026' };
const MARIS: Account = { name: 'Māris Liepa', email: 'maris@kopienas.example', password: 'planšete-B-2026' };
const OTHER_ORGANISATION = 'Otra biedrība';
const OTHER: Account = { name: 'Ojārs Zariņš', email: 'ojars@otra.example', password: 'otra-biedriba-2026' };

const COMMUNITY = { name: 'Lazdonas kopiena', municipality: 'Madonas novads', parish: 'Lazdona', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Apkaimes darbnīca', date: '2026-11-23', startTime: '18:00', endTime: '20:30',
  place: 'Lazdonas tautas nams', programme: 'Drošas kopienas', facilitators: `${ILZE.name}, ${MARIS.name}`,
};
// On the community's list before the evening.
const JANIS = { name: 'Jānis Bērziņš', household: 'Kalnāji', consentData: true };
const ANNA = { name: 'Anna Ozoliņa', consentData: true };
const LIGA = { name: 'Līga Ābele', consentData: true };
// A walk-in, added at tablet B's door.
const PETERIS = { name: 'Pēteris Kļaviņš', consentData: true };

// Written on tablet A while online, so both tablets have it before the evening.
const LIGHTS = { title: 'Apgaismojums pie pieturas', category: 'Drošība' };
// Both tablets retitle it offline; B's edit is the later one and wins.
const LIGHTS_BY_A = 'Apgaismojums pie autobusa pieturas';
const LIGHTS_BY_B = 'Ielu apgaismojums pie pieturas';
// One new need on each tablet.
const PLAYGROUND = { title: 'Sporta laukums jauniešiem', category: 'Jaunieši' };
const BUS = { title: 'Autobuss uz Madonu arī vakarā', category: 'Mobilitāte' };

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow',
};
const LAPTOP: BrowserContextOptions = { ...TABLET, viewport: { width: 1280, height: 800 }, hasTouch: false };

describe('two tablets of one organisation, offline on the same workshop, then synced', () => {
  /** C: the coordinator's laptop; A and B: the facilitators' tablets; D: a coordinator of another organisation. */
  let laptop: Page;
  let tabletA: Page;
  let tabletB: Page;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  /** Uncaught exceptions in the app, per device. */
  const pageErrors: string[] = [];

  const lab = useDeviceLab(pageErrors);
  const { newDevice } = lab;

  it('the coordinator creates the organisation from the setup link and adds two facilitators', async () => {
    const setupLink = await setupLinkOf(lab.server);
    expect(setupLink).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/setup#[A-Za-z0-9_-]{20,}$/);
    const setupPath = new URL(setupLink);
    laptop = await openApp(await newDevice('C', LAPTOP), `${setupPath.pathname}${setupPath.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    await addUser(laptop, ILZE, 'Fasilitators');
    await addUser(laptop, MARIS, 'Fasilitators');
    await expectText(laptop.getByRole('heading', { name: /^\d+ lietotāj/ }), '3 lietotāji');
  });

  it('tablet A signs in, prepares the workshop online and sends it', async () => {
    contextA = await newDevice('A', TABLET);
    tabletA = await openApp(contextA, '/login');
    await signIn(tabletA, ILZE);

    await tabletA.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(tabletA, COMMUNITY);
    await createWorkshop(tabletA, WORKSHOP);

    await openCommunity(tabletA, COMMUNITY.name);
    await communitySection(tabletA, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(tabletA, 'Dalībnieki');
    for (const person of [JANIS, ANNA, LIGA]) await addParticipant(tabletA, person);

    await openNeedsOfWorkshop(tabletA);
    await addNeedCard(tabletA, LIGHTS);

    // Sent by itself a few seconds after the last write.
    await expectAllSent(tabletA);
  });

  it('tablet B signs in and receives the workshop, its people and its need, once the coordinator assigns Māris to the community', async () => {
    // Ilze made the community, so it is hers; Māris sees it once the coordinator assigns him.
    await assignToCommunity(laptop, COORDINATOR, COMMUNITY.name, MARIS);
    contextB = await newDevice('B', TABLET);
    tabletB = await openApp(contextB, '/login');
    await signIn(tabletB, MARIS);
    await expectAllSent(tabletB);
    await visible(tabletB.getByText('1 kopiena', { exact: true }));
    await openCommunity(tabletB, COMMUNITY.name);
    await expectText(communitySection(tabletB, COMMUNITY.name, 'Dalībnieki'), 'Dalībnieki 3 dalībnieki');
    await openNeedsOfWorkshop(tabletB);
    await expectText(needCard(tabletB, LIGHTS.title), /Drošība Izvirzīta 0 balsu$/);
  });

  it('both tablets go offline and run the workshop side by side', async () => {
    await goOffline(contextA, tabletA);
    await goOffline(contextB, tabletB);

    // Tablet A: Jānis and Anna at the door, a need, four dots, and a sharper title for the lights.
    await openWorkshop(tabletA, COMMUNITY.name, WORKSHOP.title);
    await openCheckIn(tabletA);
    await checkInBySearch(tabletA, 'berzins', JANIS.name);
    await checkInBySearch(tabletA, 'ozolina', ANNA.name);
    await expectText(checkInCount(tabletA), '2 dalībnieki');
    await tabletA.getByRole('link', { name: /Atpakaļ/ }).click();
    await expectScreen(tabletA, WORKSHOP.title);
    await openNeedsFromWorkshop(tabletA);
    await addNeedCard(tabletA, PLAYGROUND);
    await openVotingFromBoard(tabletA);
    await chooseVoter(tabletA, ANNA.name);
    await addDot(tabletA, LIGHTS.title);
    await addDot(tabletA, LIGHTS.title);
    await addDot(tabletA, PLAYGROUND.title);
    await expectText(voterButton(tabletA, ANNA.name), `${ANNA.name} punkti izlietoti`);
    await chooseVoter(tabletA, JANIS.name);
    await addDot(tabletA, PLAYGROUND.title);
    await expectText(voterButton(tabletA, JANIS.name), `${JANIS.name} atlikuši 2 punkti`);
    await expectTexts(tallyRows(tabletA), [`${LIGHTS.title} 2 balsis`, `${PLAYGROUND.title} 2 balsis`]);
    await tabletA.getByRole('link', { name: 'Vajadzības', exact: true }).click();
    await editNeedTitle(tabletA, LIGHTS.title, LIGHTS_BY_A);

    // Tablet B: Jānis again (the same person, so one attendance), Līga, and Pēteris who walks in;
    // another need, five dots, and its own title for the lights, written after A's.
    await openWorkshop(tabletB, COMMUNITY.name, WORKSHOP.title);
    await openCheckIn(tabletB);
    await checkInBySearch(tabletB, 'berzins', JANIS.name);
    await checkInBySearch(tabletB, 'abele', LIGA.name);
    await addWalkIn(tabletB, PETERIS);
    await expectText(checkInCount(tabletB), '3 dalībnieki');
    await tabletB.getByRole('link', { name: /Atpakaļ/ }).click();
    await expectScreen(tabletB, WORKSHOP.title);
    await openNeedsFromWorkshop(tabletB);
    await addNeedCard(tabletB, BUS);
    await openVotingFromBoard(tabletB);
    await chooseVoter(tabletB, LIGA.name);
    await addDot(tabletB, LIGHTS.title);
    await addDot(tabletB, BUS.title);
    await addDot(tabletB, BUS.title);
    await expectText(voterButton(tabletB, LIGA.name), `${LIGA.name} punkti izlietoti`);
    await chooseVoter(tabletB, PETERIS.name);
    await addDot(tabletB, BUS.title);
    await expectText(voterButton(tabletB, PETERIS.name), `${PETERIS.name} atlikuši 2 punkti`);
    await chooseVoter(tabletB, JANIS.name);
    await addDot(tabletB, BUS.title);
    await expectText(voterButton(tabletB, JANIS.name), `${JANIS.name} atlikuši 2 punkti`);
    await expectTexts(tallyRows(tabletB), [`${BUS.title} 4 balsis`, `${LIGHTS.title} 1 balss`]);
    await tabletB.getByRole('link', { name: 'Vajadzības', exact: true }).click();
    await editNeedTitle(tabletB, LIGHTS.title, LIGHTS_BY_B);

    // Nothing could be sent: everything waits on each tablet.
    for (const tablet of [tabletA, tabletB]) {
      await expectText(syncBar(tablet), /^Bezsaistē(?:\s|$)/);
      expect(await pendingChanges(tablet)).toBeGreaterThan(0);
      await expectText(pendingCount(tablet), /^\d+ izmaiņa?s? glabājas šajā ierīcē un tiks nosūtītas?, kad būs tīkls$/);
    }
  });

  it('both come online and sync: A sends, B sends and receives A\'s, A receives B\'s', async () => {
    // The app syncs by itself when the network returns.
    await goOnline(contextA, tabletA);
    await expectAllSent(tabletA);
    await goOnline(contextB, tabletB);
    await expectAllSent(tabletB);
    await needCard(tabletB, PLAYGROUND.title).waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    // A last pulled before B sent: "Sinhronizēt" brings B's changes.
    await syncNow(tabletA);
    await needCard(tabletA, BUS.title).waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    await expectAllSent(tabletA);
  });

  for (const [label, tablet] of [['A', () => tabletA], ['B', () => tabletB]] as const) {
    it(`tablet ${label} shows the union: every need once, the later title, everyone checked in once, every dot`, async () => {
      const page = tablet();
      await expectText(pendingCount(page), /^Visas izmaiņas nosūtītas, /);

      // Needs: three cards, none twice, the lights under B's (later) title only.
      await expectText(page.getByText(/^Rāda \d+ vajadzīb/), 'Rāda 3 vajadzības no 3');
      expect((await needTitles(page)).sort()).toEqual([BUS.title, LIGHTS_BY_B, PLAYGROUND.title].sort());
      // Its title conflict is open until the coordinator reviews it: a device that holds it shows the mark.
      await expectText(needCard(page, LIGHTS_BY_B), /Drošība Izvirzīta 3 balsis(?: ⚠ Konflikts)?$/);
      await expectText(needCard(page, PLAYGROUND.title), /Jaunieši Izvirzīta 2 balsis$/);
      await expectText(needCard(page, BUS.title), /Mobilitāte Izvirzīta 4 balsis$/);
      expect(await page.getByRole('article', { name: LIGHTS.title, exact: true }).count()).toBe(0);
      expect(await page.getByRole('article', { name: LIGHTS_BY_A, exact: true }).count()).toBe(0);

      // The community: four people (Pēteris came in on B), three needs.
      await openCommunity(page, COMMUNITY.name);
      await expectText(communitySection(page, COMMUNITY.name, 'Dalībnieki'), 'Dalībnieki 4 dalībnieki');
      await expectText(communitySection(page, COMMUNITY.name, 'Vajadzības'), 'Vajadzības 3 vajadzības');

      // Attendance: Jānis (both tablets), Anna (A), Līga and Pēteris (B): four, Jānis once.
      await page.getByRole('region', { name: 'Pasākumi' }).getByRole('link', { name: new RegExp(`^${WORKSHOP.title}`) }).click();
      await expectScreen(page, WORKSHOP.title);
      await expectText(page.getByTestId('attendance-count'), '4 dalībnieki');
      await openCheckIn(page);
      await expectText(checkInCount(page), '4 dalībnieki');
      await expectText(page.getByRole('heading', { name: /^Ieradušies/ }), 'Ieradušies (4)');
      const checkedIn = page.getByRole('region', { name: /Ieradušies/ });
      for (const person of [JANIS, ANNA, LIGA, PETERIS]) {
        expect(await checkedIn.getByRole('button', { name: `Noņemt atzīmi: ${person.name}`, exact: true }).count()).toBe(1);
      }

      // Votes: 4 dots cast on A and 5 on B, all counted.
      await page.getByRole('link', { name: /Atpakaļ/ }).click();
      await expectScreen(page, WORKSHOP.title);
      await openVotingFromWorkshop(page);
      await expectTexts(tallyRows(page), [`${BUS.title} 4 balsis`, `${LIGHTS_BY_B} 3 balsis`, `${PLAYGROUND.title} 2 balsis`]);
      await visible(page.getByText('Kopā 9 balsis', { exact: true }));
      // Jānis put one dot on each tablet: one of his three is left.
      await expectTexts(page.getByRole('region', { name: 'Kurš balso?' }).getByRole('button'), [
        `${ANNA.name} punkti izlietoti`, `${JANIS.name} atlicis 1 punkts`, `${LIGA.name} punkti izlietoti`, `${PETERIS.name} atlikuši 2 punkti`,
      ]);
      await expectText(pendingCount(page), /^Visas izmaiņas nosūtītas, /);
    });
  }

  it('the coordinator syncs and finds exactly one conflict: the lights\' title, both values shown', async () => {
    await syncNow(laptop);
    await syncBar(laptop).getByRole('link', { name: '1 konflikts', exact: true }).waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    await openConflicts(laptop);
    await visible(laptop.getByText('1 atvērts konflikts', { exact: true }));
    const cards = conflictCards(laptop);
    await expect.poll(() => cards.count(), { timeout: STEP_TIMEOUT_MS }).toBe(1);
    const card = cards.first();
    await expectText(card.getByRole('heading', { level: 2 }), `Vajadzība ${LIGHTS_BY_B}`);
    await visible(card.getByText('Lauks: Nosaukums', { exact: true }));
    await expectText(conflictSide(card, 'Pašreizējā vērtība').locator('.conflict__value'), LIGHTS_BY_B);
    await expectText(conflictSide(card, 'Saglabātā otra vērtība').locator('.conflict__value'), LIGHTS_BY_A);

    // The coordinator's laptop holds the same union as the tablets.
    await openCommunityList(laptop);
    await openCommunity(laptop, COMMUNITY.name);
    await expectText(communitySection(laptop, COMMUNITY.name, 'Dalībnieki'), 'Dalībnieki 4 dalībnieki');
    await expectText(communitySection(laptop, COMMUNITY.name, 'Vajadzības'), 'Vajadzības 3 vajadzības');
  });

  it('the server holds each record once: 3 needs, 4 people, 4 attendances, 9 votes, 1 conflict', async () => {
    const token = await apiSignIn(lab.server.url, COORDINATOR);
    const changes = await pullEverything(lab.server.url, token);
    const ids = changes.map((change) => change.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(liveRecords(changes, 'communities')).toHaveLength(1);
    expect(liveRecords(changes, 'workshops')).toHaveLength(1);
    expect(liveRecords(changes, 'participants').map((p) => p.fields.name).sort()).toEqual([ANNA.name, JANIS.name, LIGA.name, PETERIS.name].sort());
    expect(liveRecords(changes, 'attendance')).toHaveLength(4);
    expect(liveRecords(changes, 'needs').map((n) => n.fields.title).sort()).toEqual([BUS.title, LIGHTS_BY_B, PLAYGROUND.title].sort());
    expect(liveRecords(changes, 'votes')).toHaveLength(9);
    const conflicts = liveRecords(changes, 'conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields).toMatchObject({ table: 'needs', field: 'title', winnerValue: LIGHTS_BY_B, loserValue: LIGHTS_BY_A, resolved: false });
  });

  it('a coordinator of another organisation, added by the admin command, sees none of it', async () => {
    const added = await runAdmin(
      ['add-user', '--org', OTHER_ORGANISATION, '--email', OTHER.email, '--name', OTHER.name, '--role', 'coordinator', '--password-stdin'],
      `${OTHER.password}\n`,
      { DATA_DIR: lab.server.dataDir },
    );
    expect(added, JSON.stringify(added)).toMatchObject({ code: 0 });
    expect(added.stdout).toContain(`Created organisation "${OTHER_ORGANISATION}"`);

    const contextD = await newDevice('D', LAPTOP);
    const other = await openApp(contextD, '/login');
    await signIn(other, OTHER);
    await expectAllSent(other);
    await visible(other.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!', { exact: true }));
    await openConflicts(other);
    await visible(other.getByText('Atvērtu konfliktu nav.', { exact: true }));
    expect(await syncBar(other).getByRole('link', { name: /konflikt/ }).count()).toBe(0);
    // Its own coordinator's user list holds only itself.
    await other.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Lietotāji', exact: true }).click();
    await expectText(other.getByRole('heading', { name: /^\d+ lietotāj/ }), '1 lietotājs');

    // Through the API: nothing to pull but its own coordinator as a member, and a guessed id of the first
    // organisation's need is refused, not overwritten.
    const token = await apiSignIn(lab.server.url, OTHER);
    expect((await pullEverything(lab.server.url, token)).map((change) => [change.table, change.fields.name])).toEqual([['members', OTHER.name]]);
    const coordinatorToken = await apiSignIn(lab.server.url, COORDINATOR);
    const lights = liveRecords(await pullEverything(lab.server.url, coordinatorToken), 'needs').find((n) => n.fields.title === LIGHTS_BY_B)!;
    const mutationId = '01900000-0000-7000-8000-000000000001';
    const response = await fetch(`${lab.server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        protocol: 1, deviceId: 'other-org-device', mutations: [{
          id: mutationId, table: 'needs', recordId: lights.recordId, op: 'put',
          fields: { title: 'Pārrakstīts no citas organizācijas' }, base: { title: null }, hlc: `${Date.now()}:0000:other-org-device`,
        }],
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ acked: [], rejected: [{ id: mutationId, code: 'forbidden' }] });
    const after = liveRecords(await pullEverything(lab.server.url, coordinatorToken), 'needs').find((n) => n.recordId === lights.recordId)!;
    expect(after.fields.title).toBe(LIGHTS_BY_B);
  });

  it('threw no uncaught error on any device', () => {
    expect(pageErrors).toEqual([]);
  });
});

// ── Getting around a workshop ─────────────────────────────────────────────

async function openNeedsOfWorkshop(page: Page): Promise<void> {
  await openWorkshop(page, COMMUNITY.name, WORKSHOP.title);
  await openNeedsFromWorkshop(page);
}

/** From the workshop's page: "Vajadzību kartītes", the board with this workshop preselected for new cards. */
async function openNeedsFromWorkshop(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Vajadzību kartītes/ }).click();
  await expectScreen(page, `Vajadzības — ${COMMUNITY.name}`);
  const raisedAt = page.getByLabel('Pasākums, kurā izvirzīta', { exact: true });
  await expect.poll(() => raisedAt.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text), { timeout: STEP_TIMEOUT_MS })
    .toBe(WORKSHOP.title);
}

/** From the workshop's page: "Dalībnieku reģistrācija". */
async function openCheckIn(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
  await expectScreen(page, 'Reģistrācija');
}

/** From the needs board opened from a workshop: "Balsošana", that workshop's dot-voting. */
async function openVotingFromBoard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Balsošana', exact: true }).click();
  await expectScreen(page, 'Balsošana ar punktiem');
}

/** From the workshop's page: "Balsošana ar punktiem". */
async function openVotingFromWorkshop(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Balsošana ar punktiem/ }).click();
  await expectScreen(page, 'Balsošana ar punktiem');
}
