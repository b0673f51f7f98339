// One register of people, end to end in Chromium against the real server on
// SQLite: the coordinator sets up two communities, assigns a
// facilitator to both and another to one, and plans a forum the two hold
// together. The coordinator's tablet and the first facilitator's go offline
// and each checks the same walk-in in at the forum. Back online, the
// coordinator's register suggests the pair for the reason it is one (both
// checked in at one event), the coordinator merges them side by side and the
// forum counts one person on every device; the merged record stays listed and
// the merge can be undone. The second facilitator's tablet holds only the
// community assigned to them, and loses it when the assignment is taken away.
// axe finds nothing serious on the register or the merge screen.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  STEP_TIMEOUT_MS, addParticipant, addWalkIn, checkInCount, communitySection, createCommunity, expectScreen, expectText, expectTexts,
  openCommunity, openCommunityList, openWorkshop, visible,
} from './support/notebook-steps';
import { figure, openOverview } from './support/overview-steps';
import {
  assignmentBox, createEventOfCommunities, duplicatePairs, duplicatesSection, mergeQuestion, mergedSection, openPeople, peopleCount,
  peopleRows, seriousAxeViolations, setAssigned,
} from './support/people-steps';
import { useDeviceLab } from './support/device-lab';
import {
  SYNC_TIMEOUT_MS, addUser, expectAllSent, expectAssignmentOnServer, goOffline, goOnline, openApp, setUpOrganisation, setupLinkOf, signIn, syncNow, type Account,
} from './support/sync-steps';

const ORGANISATION = 'Vidzemes kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const MARIS: Account = { name: 'Māris Liepa', email: 'maris@kopienas.example', password: 'planšete-M-2026' };
const LAURA: Account = { name: 'Laura Egle', email: 'laura@kopienas.example', password: 'planšete-L-2026' };

const LAZDONA = { name: 'Lazdonas kopiena', municipality: 'Madonas novads', parish: 'Lazdona', maturity: 'Aktīva' } as const;
const ERGLI = { name: 'Ērgļu kopiena', municipality: 'Madonas novads', parish: 'Ērgļi', maturity: 'Veidojas' } as const;
const FORUM = {
  title: 'Lazdonas un Ērgļu forums', kind: 'Forums', date: '2026-11-28', startTime: '11:00', endTime: '14:00',
  place: 'Ērgļu saieta nams', programme: 'Mēs darām kopā!', facilitators: `${COORDINATOR.name}, ${MARIS.name}`, alsoHeldBy: [ERGLI.name],
};
// On the communities' lists before the forum.
const JANIS = { name: 'Jānis Bērziņš', household: 'Kalnāji', consentData: true };
const ANNA = { name: 'Anna Ozoliņa', consentData: true };
// The same walk-in at both doors: a phone on one tablet, a household on the other.
const ILZE_AT_C = { name: 'Ilze Kalna', phone: '+371 2612 3456', consentData: true };
const ILZE_AT_M = { name: 'Ilze Kalna', household: 'Priedes', consentData: true };

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow',
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('one register of people: a walk-in taken on two tablets merged, and communities seen by assignment', () => {
  /** C: the coordinator's tablet; M: Māris's (assigned to both communities); L: Laura's (assigned to Lazdona only). */
  let tabletC: Page;
  let tabletM: Page;
  let tabletL: Page;
  let contextC: BrowserContext;
  let contextM: BrowserContext;
  const pageErrors: string[] = [];

  const lab = useDeviceLab(pageErrors);
  const { newDevice } = lab;

  it('the coordinator sets up the organisation, two communities, the facilitators\' assignments and a forum of both', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    contextC = await newDevice('C', TABLET);
    tabletC = await openApp(contextC, `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(tabletC, ORGANISATION, COORDINATOR);
    await addUser(tabletC, MARIS, 'Fasilitators');
    await addUser(tabletC, LAURA, 'Fasilitators');

    for (const [community, person] of [[LAZDONA, JANIS], [ERGLI, ANNA]] as const) {
      await openCommunityList(tabletC);
      await tabletC.getByRole('link', { name: /Jauna kopiena/ }).click();
      await createCommunity(tabletC, community);
      await communitySection(tabletC, community.name, 'Dalībnieki').click();
      await expectScreen(tabletC, 'Dalībnieki');
      await addParticipant(tabletC, person);
    }
    await expectAllSent(tabletC);
    // The server writes a member record for each user; the coordinator's tablet has them after a sync.
    await syncNow(tabletC);
    await expectAllSent(tabletC);

    await openCommunity(tabletC, LAZDONA.name);
    await setAssigned(tabletC, `${MARIS.name} — Fasilitators`, true);
    await setAssigned(tabletC, `${LAURA.name} — Fasilitators`, true);
    await openCommunity(tabletC, ERGLI.name);
    await setAssigned(tabletC, `${MARIS.name} — Fasilitators`, true);
    expect(await assignmentBox(tabletC, `${LAURA.name} — Fasilitators`).isChecked()).toBe(false);
    for (const [who, where] of [[MARIS, LAZDONA], [LAURA, LAZDONA], [MARIS, ERGLI]] as const) {
      await expectAssignmentOnServer(lab.server.url, COORDINATOR, who.name, where.name, true);
    }

    await openCommunity(tabletC, LAZDONA.name);
    await createEventOfCommunities(tabletC, FORUM, LAZDONA.name);
    // The forum is listed on both communities' pages.
    await openWorkshop(tabletC, ERGLI.name, FORUM.title);
    await expectAllSent(tabletC);
  });

  it('Māris signs in and his tablet receives both communities and the forum', async () => {
    contextM = await newDevice('M', TABLET);
    tabletM = await openApp(contextM, '/login');
    await signIn(tabletM, MARIS);
    await expectAllSent(tabletM);
    await visible(tabletM.getByText('2 kopienas', { exact: true }));
    await openWorkshop(tabletM, LAZDONA.name, FORUM.title);
    await openWorkshop(tabletM, ERGLI.name, FORUM.title);
  });

  it('both tablets go offline and each checks Ilze Kalna in at the forum as a walk-in', async () => {
    await goOffline(contextC, tabletC);
    await goOffline(contextM, tabletM);
    for (const [tablet, ilze] of [[tabletC, ILZE_AT_C], [tabletM, ILZE_AT_M]] as const) {
      await openWorkshop(tablet, LAZDONA.name, FORUM.title);
      await openCheckIn(tablet);
      await addWalkIn(tablet, ilze);
      await expectText(checkInCount(tablet), '1 dalībnieks');
    }
  });

  it('back online both sync, and the coordinator\'s register suggests the two Ilzes as one person, saying why', async () => {
    await goOnline(contextC, tabletC);
    await expectAllSent(tabletC);
    await goOnline(contextM, tabletM);
    await expectAllSent(tabletM);
    // The coordinator's tablet last pulled before Māris's sent.
    await syncNow(tabletC);
    await expectAllSent(tabletC);

    // The forum counts two people while the records are two.
    await openWorkshop(tabletC, LAZDONA.name, FORUM.title);
    await expectText(tabletC.getByTestId('attendance-count'), '2 dalībnieki');
    await openOverview(tabletC);
    await expectText(figure(tabletC, 'Dalībnieki'), '2');

    await openPeople(tabletC);
    await expectText(peopleCount(tabletC), '4 cilvēki');
    // One pair: the same name and both checked in at the forum (the phone and the household are on one record each).
    await expectTexts(duplicatePairs(tabletC), [
      `${ILZE_AT_C.name} · ${ILZE_AT_M.name} Kopiena: ${LAZDONA.name} · Kopiena: ${LAZDONA.name} Sakrīt vārds, kā arī: abi atzīmēti vienā pasākumā Salīdzināt un apvienot Tie ir dažādi cilvēki`,
    ]);
    expect(await seriousAxeViolations(tabletC)).toEqual([]);
  });

  it('the coordinator compares them side by side and merges them; the register lists one Ilze and the merged record', async () => {
    await duplicatePairs(tabletC).getByRole('link', { name: 'Salīdzināt un apvienot' }).click();
    await expectScreen(tabletC, 'Apvienot ierakstus');
    const stays = mergeQuestion(tabletC, 'Kurš ieraksts paliek');
    // Both records, each with its home and its one check-in; one of them chosen to stay.
    const record = `${ILZE_AT_C.name} (${LAZDONA.name}) — pasākumu apmeklējumi: 1`;
    await expect.poll(() => stays.getByRole('radio', { name: record, exact: true }).count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
    expect(await stays.getByRole('radio', { checked: true }).count()).toBe(1);
    // Each differing field offers both values; the blank side gives way to the filled one.
    const phone = mergeQuestion(tabletC, 'Tālrunis');
    await expect.poll(() => phone.getByLabel(ILZE_AT_C.phone, { exact: true }).isChecked(), { timeout: STEP_TIMEOUT_MS }).toBe(true);
    const household = mergeQuestion(tabletC, 'Mājsaimniecība');
    await household.getByLabel(ILZE_AT_M.household, { exact: true }).check();
    expect(await seriousAxeViolations(tabletC)).toEqual([]);

    await tabletC.getByRole('button', { name: 'Apvienot', exact: true }).click();
    await expectScreen(tabletC, 'Cilvēku reģistrs');
    await visible(tabletC.getByText('Ieraksti apvienoti.', { exact: true }));
    await expectText(peopleCount(tabletC), '3 cilvēki');
    await visible(duplicatesSection(tabletC).getByText('Iespējamu dublikātu nav.', { exact: true }));
    // The one who stays holds both the phone and the household chosen.
    await expectText(peopleRows(tabletC).filter({ hasText: ILZE_AT_C.name }), `${ILZE_AT_C.name} Kopiena: ${LAZDONA.name} · ${ILZE_AT_M.household} · Iedzīvotājs`);
    await expectTexts(mergedSection(tabletC).getByRole('listitem'), [`${ILZE_AT_C.name} Apvienots ar: ${ILZE_AT_C.name} Atsaukt apvienošanu`]);
    expect(await seriousAxeViolations(tabletC)).toEqual([]);
    await expectAllSent(tabletC);
  });

  it('after sync the forum counts one person on both tablets, and the overview one participant', async () => {
    await syncNow(tabletM);
    await expectAllSent(tabletM);
    for (const tablet of [tabletC, tabletM]) {
      await openWorkshop(tablet, ERGLI.name, FORUM.title);
      await expectText(tablet.getByTestId('attendance-count'), '1 dalībnieks');
      await openCheckIn(tablet);
      await expectText(checkInCount(tablet), '1 dalībnieks');
      await expectText(tablet.getByRole('heading', { name: /^Ieradušies/ }), 'Ieradušies (1)');
    }
    await openOverview(tabletC);
    await expectText(figure(tabletC, 'Dalībnieki'), '1');
  });

  it('the coordinator undoes the merge: two Ilzes again, on both tablets after sync', async () => {
    await openPeople(tabletC);
    await mergedSection(tabletC).getByRole('button', { name: 'Atsaukt apvienošanu' }).click();
    await visible(tabletC.getByText(`Apvienošana atsaukta: ${ILZE_AT_C.name} atkal ir atsevišķs ieraksts.`, { exact: true }));
    await mergedSection(tabletC).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await expectText(peopleCount(tabletC), '4 cilvēki');
    // Suggested again, now for one more reason: the household chosen in the merge stays on the one who stayed.
    await expectTexts(duplicatePairs(tabletC), [/ Sakrīt vārds, kā arī: abi atzīmēti vienā pasākumā, mājsaimniecība /]);
    await expectAllSent(tabletC);
    await syncNow(tabletM);
    await expectAllSent(tabletM);
    for (const tablet of [tabletC, tabletM]) {
      await openWorkshop(tablet, LAZDONA.name, FORUM.title);
      await expectText(tablet.getByTestId('attendance-count'), '2 dalībnieki');
    }
  });

  it('Laura, assigned to Lazdona only, sees only Lazdona and its people on her tablet', async () => {
    const contextL = await newDevice('L', TABLET);
    tabletL = await openApp(contextL, '/login');
    await signIn(tabletL, LAURA);
    await expectAllSent(tabletL);
    await visible(tabletL.getByText('1 kopiena', { exact: true }));
    await expectTexts(tabletL.locator('main').getByRole('listitem').getByRole('heading', { level: 2 }), [LAZDONA.name]);
    await openPeople(tabletL);
    // Jānis and the two Ilzes (home: Lazdona); Anna of Ērgļi is not on this tablet.
    await expectText(peopleCount(tabletL), '3 cilvēki');
    await expectTexts(peopleRows(tabletL).locator('strong'), [ILZE_AT_C.name, ILZE_AT_C.name, JANIS.name]);
  });

  it('the coordinator takes the assignment away, and after both sync Lazdona leaves Laura\'s tablet', async () => {
    await openCommunity(tabletC, LAZDONA.name);
    await setAssigned(tabletC, `${LAURA.name} — Fasilitators`, false);
    await expectAssignmentOnServer(lab.server.url, COORDINATOR, LAURA.name, LAZDONA.name, false);
    await syncNow(tabletL);
    await expectAllSent(tabletL);
    await openCommunityList(tabletL);
    await visible(tabletL.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!', { exact: true }));
    await expect.poll(() => tabletL.getByRole('link', { name: new RegExp(escape(LAZDONA.name)) }).count(), { timeout: SYNC_TIMEOUT_MS }).toBe(0);
    await openPeople(tabletL);
    await expectText(peopleCount(tabletL), '0 cilvēku');
  });

  it('no device threw an uncaught error', () => {
    expect(pageErrors).toEqual([]);
  });
});

/** From the event's page: "Dalībnieku reģistrācija". */
async function openCheckIn(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
  await expectScreen(page, 'Reģistrācija');
}
