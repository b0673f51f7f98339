// Carrying out the plan end to end in Chromium against the real server: the coordinator's organisation
// has a community with a need, an action with a budget and a support measure (seeded through the API),
// and a mentor and a facilitator assigned to the community. The mentor, offline, records a visit with a
// next step and two self-assessment rounds; the facilitator records two spending lines on the action;
// after sync the coordinator sees the visit (and its step due on the home screen), the rounds compared
// with a chart, spent against the budget and the grant, and the measure that fits the need.
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assignmentId } from '../../protocol/ids';
import { actionFields, assignmentFields, communityFields, measureFields, needFields } from '../../testing/fixtures';
import { TestDevice } from '../integration/support/device';
import { STEP_TIMEOUT_MS, communitySection, expectScreen, expectText, needCard, openCommunity, openCommunityList, visible } from './support/notebook-steps';
import { useDeviceLab } from './support/device-lab';
import {
  addUser, apiSignIn, expectAllSent, goOffline, goOnline, openApp, setUpOrganisation, setupLinkOf, signIn, syncNow, type Account,
} from './support/sync-steps';

const ORGANISATION = 'Vidzemes kopienu tīkls';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@vidzeme.example', password: 'koordinatore-2026' };
const MENTOR: Account = { name: 'Aija Ozola', email: 'aija@vidzeme.example', password: 'mentore-2026-A' };
const FACILITATOR: Account = { name: 'Ilze Kalniņa', email: 'ilze@vidzeme.example', password: 'planšete-A-2026' };
const COMMUNITY = 'Jaunpiebalgas kopiena';
const NEED = 'Apgaismojums pie skolas';
const ACTION = 'Uzstādīt laternas';
const MEASURE = 'Kopienu iniciatīvu fonds';
const STEP = 'Iesniegt pieteikumu fondam';

const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow' };
const LAPTOP: BrowserContextOptions = { ...TABLET, viewport: { width: 1280, height: 800 }, hasTouch: false };

function dayFromToday(days: number): string {
  const riga = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
  const [year, month, day] = riga.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

async function push(url: string, token: string, device: TestDevice): Promise<void> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 2, deviceId: device.deviceId, mutations: device.outbox }),
  });
  const reply = await response.json() as { rejected?: unknown[] };
  expect(response.status).toBe(200);
  expect(reply.rejected ?? []).toEqual([]);
}

async function userId(url: string, token: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${token}` } });
  const { users } = await response.json() as { users: { id: string; email: string }[] };
  return users.find((user) => user.email === email)!.id;
}

describe('carrying out the plan: a mentor offline, a facilitator spending, the coordinator sees it all', () => {
  let laptop: Page;
  let mentor: Page;
  let mentorContext: BrowserContext;
  let tablet: Page;
  const pageErrors: string[] = [];
  const lab = useDeviceLab(pageErrors);
  const { newDevice } = lab;

  it('the coordinator sets up the organisation, adds a mentor and a facilitator, and the community with its plan and a measure', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    const laptopContext = await newDevice('laptop', LAPTOP);
    laptop = await openApp(laptopContext, `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    await addUser(laptop, MENTOR, 'Mentors');
    await addUser(laptop, FACILITATOR, 'Fasilitators');

    const token = await apiSignIn(lab.server.url, COORDINATOR);
    const seed = new TestDevice('seed-laptop', () => Date.now(), token);
    const community = seed.create('communities', communityFields({ name: COMMUNITY, municipality: 'LV-022', parish: 'Jaunpiebalga', maturity: 'emerging' }));
    const need = seed.create('needs', needFields(community, { title: NEED, category: 'infrastructure' }));
    seed.create('actions', actionFields(community, { needId: need, what: ACTION, budgetCents: 20_000 }));
    seed.create('measures', measureFields({ name: MEASURE, categories: ['infrastructure'], municipalities: [], deadline: dayFromToday(20) }));
    seed.create('measures', measureFields({ name: 'Jauniešu programma', categories: ['youth'], deadline: dayFromToday(25) }));
    for (const email of [MENTOR.email, FACILITATOR.email]) {
      const id = await userId(lab.server.url, token, email);
      seed.create('assignments', assignmentFields(id, { communityId: community }), assignmentId(id, { communityId: community }));
    }
    await push(lab.server.url, token, seed);
  });

  it('the mentor, offline, records a visit with a next step and two self-assessment rounds', async () => {
    mentorContext = await newDevice('mentor', TABLET);
    mentor = await openApp(mentorContext, '/login');
    await signIn(mentor, MENTOR);
    await visible(mentor.getByRole('link', { name: new RegExp(COMMUNITY) }));
    await expectAllSent(mentor);
    await goOffline(mentorContext, mentor);

    await openCommunity(mentor, COMMUNITY);
    await communitySection(mentor, COMMUNITY, 'Mentora vizītes').click();
    await expectScreen(mentor, 'Mentora vizītes');
    await mentor.getByRole('button', { name: /Jauna vizīte/ }).click();
    const visit = mentor.getByRole('form', { name: 'Jauna vizīte' });
    await visit.getByLabel('Kas piedalījās', { exact: true }).fill('Valdes locekļi, skolas direktore');
    await visit.getByLabel('Ko pārrunāja', { exact: true }).fill('Laternu iepirkums un pieteikums fondam');
    await visit.getByLabel('Kas jādara', { exact: true }).fill(STEP);
    await visit.getByLabel('Kas to darīs', { exact: true }).fill('Ilze');
    await visit.getByLabel('Līdz kuram datumam', { exact: true }).fill(dayFromToday(3));
    await visit.getByRole('button', { name: 'Saglabāt' }).click();
    await visit.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await visible(mentor.getByTestId('visits').getByText('Laternu iepirkums un pieteikums fondam'));

    for (const [label, scores] of [['Sākumā', ['2', '1']], ['Vidū', ['4', '3']]] as const) {
      await openCommunity(mentor, COMMUNITY);
      await communitySection(mentor, COMMUNITY, 'Pašnovērtējums').click();
      await expectScreen(mentor, 'Pašnovērtējums');
      await mentor.getByRole('button', { name: /Jauna kārta/ }).click();
      const round = mentor.getByRole('form', { name: 'Jauna kārta' });
      await round.getByLabel('Kārtas nosaukums', { exact: true }).fill(label);
      await round.getByRole('group', { name: 'Kopienā ir cilvēki, kas uzņemas vadību un atbildību.' }).getByLabel(scores[0], { exact: true }).check();
      await round.getByRole('group', { name: 'Iedzīvotāji laikus uzzina par kopienas darbiem.' }).getByLabel(scores[1], { exact: true }).check();
      await round.getByRole('button', { name: 'Saglabāt' }).click();
      await round.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    }
    await expectText(mentor.getByTestId('assessment-themes').getByRole('row', { name: /^Līderība/ }), /Līderība\s+2\s+4\s+\+2/);

    await goOnline(mentorContext, mentor);
    await expectAllSent(mentor);
  });

  it('the facilitator records two spending lines on the action', async () => {
    const context = await newDevice('tablet', TABLET);
    tablet = await openApp(context, '/login');
    await signIn(tablet, FACILITATOR);
    await openCommunity(tablet, COMMUNITY);
    await communitySection(tablet, COMMUNITY, 'Rīcības plāns').click();
    await tablet.getByRole('link', { name: `Izpilde: ${ACTION}` }).click();
    await expectScreen(tablet, 'Darbības izpilde');
    await tablet.getByRole('button', { name: /Pievienot izdevumus/ }).click();
    const form = tablet.getByRole('form', { name: 'Pievienot izdevumus' });
    for (const [amount, what] of [['125,50', 'Laternas'], ['90', 'Kabelis un stiprinājumi']] as const) {
      await form.getByLabel('Summa, €', { exact: true }).fill(amount);
      await form.getByLabel('Kas nopirkts', { exact: true }).fill(what);
      await form.getByLabel('Piegādātājs', { exact: true }).fill('SIA Gaisma');
      await form.getByRole('button', { name: 'Saglabāt' }).click();
      await visible(tablet.getByTestId('spending-lines').getByText(what, { exact: false }));
    }
    await expectText(tablet.getByTestId('action-spent'), /^Iztērēts 215,50\s€ no 200,00\s€$/);
    await visible(tablet.getByRole('alert').filter({ hasText: 'Iztērēts vairāk nekā plānots' }));
    await expectAllSent(tablet);
  });

  it('after sync the coordinator sees the visit and its step due, the rounds with a chart, spent against granted and a fitting measure', async () => {
    await syncNow(laptop);
    await expectAllSent(laptop);
    await openCommunityList(laptop);
    await visible(laptop.getByTestId('due-steps').getByText(STEP));
    await visible(laptop.getByTestId('deadlines').getByText(MEASURE));

    await openCommunity(laptop, COMMUNITY);
    await communitySection(laptop, COMMUNITY, 'Mentora vizītes').click();
    await visible(laptop.getByTestId('visits').getByText('Laternu iepirkums un pieteikums fondam'));
    await visible(laptop.getByText(`Mentors: ${MENTOR.name}`));

    await openCommunity(laptop, COMMUNITY);
    await communitySection(laptop, COMMUNITY, 'Pašnovērtējums').click();
    await expectText(laptop.getByTestId('assessment-themes').getByRole('row', { name: /^Komunikācija/ }), /Komunikācija\s+1\s+3\s+\+2/);
    await visible(laptop.getByRole('heading', { name: 'Pirmā un pēdējā kārta pa tēmām' }));

    await openCommunity(laptop, COMMUNITY);
    await communitySection(laptop, COMMUNITY, 'Rīcības plāns').click();
    await expectText(laptop.getByTestId('money-spent'), /^215,50\s€$/);

    await openCommunity(laptop, COMMUNITY);
    await communitySection(laptop, COMMUNITY, 'Vajadzības').click();
    const measures = needCard(laptop, NEED).getByTestId('matching-measures');
    await visible(measures.getByRole('link', { name: MEASURE }));
    expect(await measures.getByRole('link', { name: 'Jauniešu programma' }).count()).toBe(0);

    await laptop.goto('/overview');
    await visible(laptop.getByTestId('overview-spent').getByRole('row', { name: new RegExp(`^${COMMUNITY}`) }).getByText('215,50', { exact: false }));
    expect(pageErrors).toEqual([]);
  });
});
