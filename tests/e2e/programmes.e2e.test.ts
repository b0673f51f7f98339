// A programme end to end in Chromium against the real server. The coordinator creates "Drošas kopienas"
// with targets and enrols a community (a grant over the programme's limit refused, then one within it);
// the facilitator, offline, records two workshops a month apart, with a returning person, people back
// from an event before the programme and people new at the door; after sync the coordinator's report
// counts each month and both (first-time and different people), lists who came for the first time,
// prints on A4, and its XLSX reads back with the figures the server's report route gives.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assignmentId } from '../../protocol/ids';
import {
  assignmentFields, attendanceFields, communityFields, needFields, participantFields, resourceFields, swotFields, voteFields, workshopFields,
} from '../../testing/fixtures';
import { attendanceId } from '../../protocol';
import { TestDevice } from '../integration/support/device';
import { useDeviceLab } from './support/device-lab';
import {
  STEP_TIMEOUT_MS, addWalkIn, checkInBySearch, createWorkshop, expectScreen, expectText, openCommunity, visible, type WorkshopInput,
} from './support/notebook-steps';
import { downloadBy, pdfPageCount, pdfPageSize, readWorkbook } from './support/report-steps';
import {
  addUser, apiSignIn, expectAllSent, goOffline, goOnline, openApp, setUpOrganisation, setupLinkOf, signIn, syncNow, type Account,
} from './support/sync-steps';

const ORGANISATION = 'Sēlijas kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@selija.example', password: 'koordinatore-2026' };
const FACILITATOR: Account = { name: 'Ilze Kalniņa', email: 'ilze@selija.example', password: 'planšete-S-2026' };
const COMMUNITY = 'Sēlpils kopiena';
const PROGRAMME = { name: 'Drošas kopienas', funder: 'Sabiedrības integrācijas fonds', start: '2026-09-01', end: '2027-08-31' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const WHOLE = { from: PROGRAMME.start, to: PROGRAMME.end };

const workshop = (title: string, date: string): WorkshopInput => ({
  title, date, startTime: '18:00', endTime: '20:00', place: 'Sēlpils tautas nams', programme: PROGRAMME.name, facilitators: FACILITATOR.name,
});
const FIRST = workshop('Iepazīšanās darbnīca', '2026-10-15');
const SECOND = workshop('Vajadzību darbnīca', '2026-11-12');

const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow' };
const LAPTOP: BrowserContextOptions = { ...TABLET, viewport: { width: 1280, height: 800 }, hasTouch: false, acceptDownloads: true };

/** The figures the test follows, as the screen, the workbook and the server give them. */
const FOLLOWED = ['events', 'participations', 'uniquePeople', 'firstTimePeople', 'returningPeople', 'households'] as const;
type Followed = Record<(typeof FOLLOWED)[number], number>;

/** Worked by hand: Jānis came to a June event before the programme; Anna comes in both months. */
const EXPECTED: Record<'october' | 'november' | 'whole', Followed> = {
  // Anna, Jānis (back from June) and Pēteris (new at the door).
  october: { events: 1, participations: 3, uniquePeople: 3, firstTimePeople: 2, returningPeople: 1, households: 3 },
  // Anna again and Līga (new at the door).
  november: { events: 1, participations: 2, uniquePeople: 2, firstTimePeople: 1, returningPeople: 1, households: 2 },
  // Four different people in five participations; only Jānis had come before the programme.
  whole: { events: 2, participations: 5, uniquePeople: 4, firstTimePeople: 3, returningPeople: 1, households: 4 },
};

async function screenFigures(page: Page): Promise<Followed> {
  const entries = await Promise.all(FOLLOWED.map(async (key) => {
    const text = await page.getByTestId(`figure-${key}`).locator('.figure__value').textContent();
    return [key, Number((text ?? '').replace(/\s/g, ''))] as const;
  }));
  return Object.fromEntries(entries) as Followed;
}

async function showRange(page: Page, range: { from: string; to: string }): Promise<void> {
  await page.getByLabel('No', { exact: true }).fill(range.from);
  await page.getByLabel('Līdz', { exact: true }).fill(range.to);
  await expectText(page.getByTestId('report-range'), new RegExp(range.from.split('-').reverse().join('\\.')));
}

async function serverFigures(url: string, token: string, programmeId: string, range: { from: string; to: string }): Promise<Followed> {
  const response = await fetch(`${url}/api/programmes/${programmeId}/report?from=${range.from}&to=${range.to}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const body = await response.json() as Record<string, unknown>;
  return Object.fromEntries(FOLLOWED.map((key) => [key, body[key]])) as Followed;
}

describe('a programme: targets, an enrolment, two months offline, and the funder\'s report', () => {
  const pageErrors: string[] = [];
  const lab = useDeviceLab(pageErrors);
  let laptop: Page;
  let tablet: Page;
  let coordinatorToken: string;
  let programmeId: string;

  it('the coordinator sets up the organisation with a facilitator, a community and its people', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    laptop = await openApp(await lab.newDevice('laptop', LAPTOP), `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    await addUser(laptop, FACILITATOR, 'Fasilitators');

    // The register as it stood before the programme: three people, Jānis at a June evening.
    coordinatorToken = await apiSignIn(lab.server.url, COORDINATOR);
    const seed = new TestDevice('seed-laptop', () => Date.now(), coordinatorToken);
    const community = seed.create('communities', communityFields({ name: COMMUNITY, municipality: 'LV-002', parish: 'Sēlpils', maturity: 'emerging' }));
    const consent = { consentData: true, consentDate: '2026-06-10' };
    seed.create('participants', participantFields(community, { name: 'Anna Liepa', household: 'Liepas', ...consent }));
    const janis = seed.create('participants', participantFields(community, { name: 'Jānis Bērziņš', household: 'Bērziņi', ...consent }));
    seed.create('participants', participantFields(community, { name: 'Marta Kalniņa', household: 'Kalniņi', ...consent }));
    const june = seed.create('workshops', workshopFields(community, { title: 'Jāņu sanāksme', date: '2026-06-10', status: 'held' }));
    seed.create('attendance', attendanceFields({ communityId: community, workshopId: june, participantId: janis }), attendanceId(june, janis));
    // What the June evening gathered: the raw material of the regional summary.
    const lights = seed.create('needs', needFields(community, { workshopId: june, title: 'Apgaismojums pie skolas', category: 'safety' }));
    for (let dot = 0; dot < 3; dot++) seed.create('votes', voteFields({ communityId: community, workshopId: june, needId: lights }));
    seed.create('resources', resourceFields(community, { kind: 'place', name: 'Sēlpils tautas nams' }));
    seed.create('swot', swotFields(community, { quadrant: 'strengths', text: 'Aktīvi kaimiņi' }));
    const users = await (await fetch(`${lab.server.url}/api/users`, { headers: { authorization: `Bearer ${coordinatorToken}` } })).json() as { users: { id: string; email: string }[] };
    const facilitatorId = users.users.find((user) => user.email === FACILITATOR.email)!.id;
    seed.create('assignments', assignmentFields(facilitatorId, { communityId: community }), assignmentId(facilitatorId, { communityId: community }));
    const reply = await fetch(`${lab.server.url}/api/sync/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinatorToken}` },
      body: JSON.stringify({ protocol: 2, deviceId: seed.deviceId, mutations: seed.outbox }),
    });
    expect(reply.status).toBe(200);
    await syncNow(laptop);
  });

  it('the coordinator creates the programme with two targets', async () => {
    await laptop.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Programmas', exact: true }).click();
    await expectScreen(laptop, 'Programmas');
    await laptop.getByRole('link', { name: /Jauna programma/ }).click();
    await expectScreen(laptop, 'Jauna programma');
    await laptop.getByLabel('Nosaukums', { exact: true }).fill(PROGRAMME.name);
    await laptop.getByLabel('Finansētājs', { exact: true }).fill(PROGRAMME.funder);
    await laptop.getByLabel('Sākums', { exact: true }).fill(PROGRAMME.start);
    await laptop.getByLabel('Beigas', { exact: true }).fill(PROGRAMME.end);
    // 14 workshops within a report's range; 300 different people since the programme began.
    await laptop.getByRole('button', { name: /Pievienot mērķi/ }).click();
    await laptop.getByLabel('Rādītājs', { exact: true }).nth(0).selectOption({ label: 'Pasākumi' });
    await laptop.getByLabel('Skaitlis', { exact: true }).nth(0).fill('14');
    await laptop.getByRole('button', { name: /Pievienot mērķi/ }).click();
    await laptop.getByLabel('Rādītājs', { exact: true }).nth(1).selectOption({ label: 'Dažādi cilvēki' });
    await laptop.getByLabel('Skaitlis', { exact: true }).nth(1).fill('300');
    await laptop.getByRole('radio', { name: 'Kopš programmas sākuma' }).nth(1).check();
    await laptop.getByRole('button', { name: 'Saglabāt' }).click();
    await expectScreen(laptop, PROGRAMME.name);
    programmeId = new URL(laptop.url()).pathname.split('/').at(-1)!;
    await visible(laptop.getByText(/Pasākumi: 14/));
  });

  it('the coordinator enrols the community: a grant over the limit is refused and kept, one within it saved', async () => {
    await laptop.getByRole('button', { name: /Pievienot kopienu/ }).click();
    const form = laptop.getByRole('form', { name: /Uzņemšana programmā/ });
    await visible(form);
    // The organisation's one community is the one offered.
    await visible(form.getByText(COMMUNITY));
    await form.getByLabel('Sākums', { exact: true }).fill(PROGRAMME.start);
    await expect.poll(() => form.getByLabel('Beigas', { exact: true }).inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(PROGRAMME.end);
    await form.getByRole('searchbox', { name: 'Meklēt cilvēku pēc vārda' }).fill('Anna');
    await form.getByRole('button', { name: 'Pievienot: Anna Liepa' }).click();
    await form.getByRole('searchbox', { name: 'Meklēt cilvēku pēc vārda' }).fill('Jānis');
    await form.getByRole('button', { name: 'Pievienot: Jānis Bērziņš' }).click();
    await form.getByLabel('Grants, EUR', { exact: true }).fill('1200');
    await form.getByRole('button', { name: /Saglabāt|Uzņemt programmā/ }).click();
    await visible(form.getByText(/Grants pārsniedz programmas limitu/));
    await expect.poll(() => form.getByLabel('Grants, EUR', { exact: true }).inputValue()).toBe('1200');
    await form.getByLabel('Grants, EUR', { exact: true }).fill('900');
    await form.getByRole('button', { name: /Saglabāt|Uzņemt programmā/ }).click();
    await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await visible(laptop.getByRole('link', { name: COMMUNITY }));
    await syncNow(laptop);
    await expectAllSent(laptop);
  });

  it('the facilitator, offline, records two workshops a month apart in the programme', async () => {
    const context = await lab.newDevice('tablet', TABLET);
    tablet = await openApp(context, '/login');
    await signIn(tablet, FACILITATOR);
    await syncNow(tablet);
    await openCommunity(tablet, COMMUNITY);
    await goOffline(context, tablet);

    await createWorkshop(tablet, FIRST);
    await expectText(tablet.getByTestId('workshop-programme'), PROGRAMME.name);
    await openCheckIn(tablet);
    await checkInBySearch(tablet, 'anna', 'Anna Liepa');
    await checkInBySearch(tablet, 'janis', 'Jānis Bērziņš');
    await addWalkIn(tablet, { name: 'Pēteris Ozols', household: 'Ozoli', consentData: true });

    await openCommunity(tablet, COMMUNITY);
    await createWorkshop(tablet, SECOND);
    await openCheckIn(tablet);
    await checkInBySearch(tablet, 'anna', 'Anna Liepa');
    await addWalkIn(tablet, { name: 'Līga Zariņa', household: 'Zariņi', consentData: true });

    await goOnline(context, tablet);
    await syncNow(tablet);
    await expectAllSent(tablet);
  });

  it('after sync the coordinator\'s report counts each month and both, with who came for the first time', async () => {
    await syncNow(laptop);
    await laptop.getByRole('link', { name: 'Rādītāju pārskats', exact: true }).click();
    await expectScreen(laptop, new RegExp(`${PROGRAMME.name}`));
    await visible(laptop.getByTestId('report-sync-note'));

    // Its whole period by default.
    await expect.poll(() => screenFigures(laptop), { timeout: STEP_TIMEOUT_MS }).toEqual(EXPECTED.whole);
    for (const [name, range] of [['october', OCTOBER], ['november', NOVEMBER], ['whole', WHOLE]] as const) {
      await showRange(laptop, range);
      await expect.poll(() => screenFigures(laptop), { timeout: STEP_TIMEOUT_MS }).toEqual(EXPECTED[name]);
      // The server's report route counts the same, with the same shared function.
      expect(await serverFigures(lab.server.url, coordinatorToken, programmeId, range)).toEqual(EXPECTED[name]);
    }

    await laptop.getByTestId('figure-firstTimePeople').click();
    const list = laptop.getByTestId('report-list');
    await visible(list);
    for (const name of ['Anna Liepa', 'Pēteris Ozols', 'Līga Zariņa']) await visible(list.getByText(name));
    expect(await list.getByText('Jānis Bērziņš').count()).toBe(0);
    // The cumulative target: four of 300 different people since the programme began.
    await visible(laptop.getByText(/4 no 300/));
  });

  it('the report prints on A4, and its XLSX reads back with the same figures', async () => {
    await laptop.emulateMedia({ media: 'print' });
    await expect.poll(() => laptop.getByRole('button', { name: 'Drukāt' }).isVisible()).toBe(false);
    await visible(laptop.getByTestId('figure-uniquePeople'));
    await laptop.emulateMedia({ media: null });
    const pdf = await laptop.pdf({ format: 'A4', printBackground: true });
    const size = pdfPageSize(pdf)!;
    expect(Math.abs(size.width - 595.3)).toBeLessThan(2);
    expect(Math.abs(size.height - 841.9)).toBeLessThan(2);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(4);

    const file = await downloadBy(laptop, laptop.getByRole('button', { name: 'Programmas pārskats — XLSX' }));
    expect(file.name).toMatch(/\.xlsx$/);
    const sheets = await readWorkbook(file.bytes);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Kopsavilkums', 'Pasākumi', 'Cilvēki', 'Mērķi']));
    const summary = sheets.get('Kopsavilkums')!;
    const value = (key: string) => summary.find((row) => row[0] === key)?.[2];
    for (const key of FOLLOWED) expect(value(key), key).toBe(EXPECTED.whole[key]);
    // Numbers as numbers: the grant of 900 EUR as 900, not "900,00 €".
    expect(value('grantsAwardedCents')).toBe(900);
    const people = sheets.get('Cilvēki')!;
    expect(people.slice(1).map((row) => row[0]).sort()).toEqual(['Anna Liepa', 'Jānis Bērziņš', 'Līga Zariņa', 'Pēteris Ozols']);
  });

  it('the regional summary gathers the enrolled community\'s needs with their votes, resources and SWOT, and its XLSX reads back', async () => {
    await laptop.getByRole('link', { name: 'Reģionālais kopsavilkums', exact: true }).click();
    await expectScreen(laptop, new RegExp('Reģionālais kopsavilkums'));
    await visible(laptop.getByTestId('summary-needs').getByText('Apgaismojums pie skolas'));
    await visible(laptop.getByTestId('summary-resources').getByText('Sēlpils tautas nams'));
    await visible(laptop.getByTestId('summary-swot').getByText('Aktīvi kaimiņi'));
    const file = await downloadBy(laptop, laptop.getByRole('button', { name: 'Reģionālais kopsavilkums — XLSX' }));
    const sheets = await readWorkbook(file.bytes);
    expect([...sheets.keys()]).toEqual(['Vajadzības', 'Resursi', 'SVID']);
    const need = sheets.get('Vajadzības')!.find((row) => row[1] === 'Apgaismojums pie skolas');
    expect([need?.[2], need?.[4]]).toEqual([COMMUNITY, 3]);
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
