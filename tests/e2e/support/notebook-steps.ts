// The steps of a facilitator's evening, driven the way a person uses the app:
// through labels, roles and the Latvian words on screen. Each step waits on
// what the screen shows, never on a clock.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { rememberPersonalValues } from './log-audit';

/** How long a step may wait for the screen to show what it should. */
export const STEP_TIMEOUT_MS = 10_000;

/** Visible text with runs of whitespace (Intl's no-break spaces too) folded to one space. */
export async function seen(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits until the locator's visible text matches. */
export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => seen(locator), { timeout: STEP_TIMEOUT_MS, interval: 50 });
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

/** Waits until each of the locator's matches shows these texts, in this order. */
export async function expectTexts(locator: Locator, expected: readonly (string | RegExp)[]): Promise<void> {
  await expect.poll(async () => {
    const texts = (await locator.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    return texts.length === expected.length && texts.every((text, i) => {
      const want = expected[i]!;
      return typeof want === 'string' ? text === want : want.test(text);
    }) ? 'matches' : texts;
  }, { timeout: STEP_TIMEOUT_MS, interval: 50 }).toBe('matches');
}

export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** The screen's title (every screen has exactly one h1). */
export function screenTitle(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

export async function expectScreen(page: Page, title: string | RegExp): Promise<void> {
  await expectText(screenTitle(page), title);
}

/** The sync bar in the header, in either language. */
export function syncBar(page: Page): Locator {
  return page.getByRole('status', { name: /^(Sinhronizācijas stāvoklis|Sync status)$/ });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Galvenā navigācija' });
}

// ── Getting around ────────────────────────────────────────────────────────

export async function openCommunityList(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Kopienas', exact: true }).click();
  await expectScreen(page, 'Kopienas');
}

export async function openCommunity(page: Page, name: string): Promise<void> {
  await openCommunityList(page);
  await page.getByRole('link', { name }).click();
  await expectScreen(page, name);
}

/** One of the community page's section cards: "Dalībnieki", "Vajadzības", "Resursi", "Rīcības plāns". */
export function communitySection(page: Page, communityName: string, section: string): Locator {
  return page.getByRole('navigation', { name: communityName }).getByRole('link', { name: new RegExp(`^${escape(section)}(?:\\s|$)`) });
}

export async function openWorkshop(page: Page, community: string, title: string): Promise<void> {
  await openCommunity(page, community);
  await page.getByRole('region', { name: 'Pasākumi' }).getByRole('link', { name: new RegExp(`^${escape(title)}(?:\\s|$)`) }).click();
  await expectScreen(page, title);
}

// ── Community ─────────────────────────────────────────────────────────────

export interface CommunityInput {
  name: string;
  municipality: string;
  parish: string;
  maturity: 'Veidojas' | 'Aktīva';
  description?: string;
}

/** Fills the "Jauna kopiena" form (already open) and saves; ends on the community's page. */
export async function createCommunity(page: Page, community: CommunityInput): Promise<void> {
  await expectScreen(page, 'Jauna kopiena');
  await page.getByLabel('Nosaukums', { exact: true }).fill(community.name);
  await page.getByLabel('Novads vai valstspilsēta', { exact: true }).selectOption({ label: community.municipality });
  await page.getByLabel('Pagasts vai ciems', { exact: true }).fill(community.parish);
  await page.getByLabel('Kopienas brieduma pakāpe', { exact: true }).selectOption({ label: community.maturity });
  if (community.description) await page.getByLabel('Apraksts', { exact: true }).fill(community.description);
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await expectScreen(page, community.name);
  await visible(page.getByText(`${community.parish}, ${community.municipality} · ${community.maturity}`));
}

// ── Programme ─────────────────────────────────────────────────────────────

/** A coordinator's: "Programmas", "Jauna programma", its name and start, save; ends on the programme's page. */
export async function createProgramme(page: Page, programme: { name: string; start: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Programmas', exact: true }).click();
  await expectScreen(page, 'Programmas');
  await page.getByRole('link', { name: /Jauna programma/ }).click();
  await expectScreen(page, 'Jauna programma');
  await page.getByLabel('Nosaukums', { exact: true }).fill(programme.name);
  await page.getByLabel('Sākums', { exact: true }).fill(programme.start);
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await expectScreen(page, programme.name);
}

/**
 * Chooses an event's programme from the organisation's programmes, when the device holds one of that name;
 * an event of a programme nobody has written down yet is saved without one.
 */
export async function chooseProgramme(page: Page, name: string): Promise<void> {
  const select = page.getByLabel('Programma', { exact: true });
  const offered = await select.locator('option').allTextContents();
  await select.selectOption({ label: offered.includes(name) ? name : 'Bez programmas' });
}

// ── Workshop ──────────────────────────────────────────────────────────────

export interface WorkshopInput {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  programme: string;
  facilitators: string;
}

/** From the community's page: "Jauns pasākums", fill, save; ends on the workshop's page. */
export async function createWorkshop(page: Page, workshop: WorkshopInput): Promise<void> {
  await page.getByRole('link', { name: /Jauns pasākums/ }).click();
  await expectScreen(page, 'Jauns pasākums');
  await page.getByLabel('Nosaukums', { exact: true }).fill(workshop.title);
  await page.getByLabel('Veids', { exact: true }).selectOption({ label: 'Darbnīca' });
  await page.getByLabel('Datums', { exact: true }).fill(workshop.date);
  await page.getByLabel('Sākums', { exact: true }).fill(workshop.startTime);
  await page.getByLabel('Beigas', { exact: true }).fill(workshop.endTime);
  await page.getByLabel('Vieta', { exact: true }).fill(workshop.place);
  await chooseProgramme(page, workshop.programme);
  await page.getByLabel('Fasilitatori', { exact: true }).fill(workshop.facilitators);
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await expectScreen(page, workshop.title);
}

/** Types the notes key by key on the workshop's page and waits for "Saglabāts". */
export async function typeNotes(page: Page, notes: string): Promise<void> {
  const field = page.getByLabel('Piezīmes', { exact: true });
  await field.click();
  await field.pressSequentially(notes);
  await expectText(page.getByTestId('notes-state'), '✓ Saglabāts');
  await expect.poll(() => field.inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(notes);
}

// ── Participants and check-in ─────────────────────────────────────────────

export interface ParticipantInput {
  name: string;
  household?: string;
  phone?: string;
  consentData?: boolean;
  consentPhotos?: boolean;
}

async function fillParticipant(form: Locator, person: ParticipantInput): Promise<void> {
  rememberPersonalValues(person.name, person.household, person.phone);
  await form.getByLabel('Vārds, uzvārds', { exact: true }).fill(person.name);
  if (person.household) await form.getByLabel('Mājsaimniecība', { exact: true }).fill(person.household);
  if (person.phone) await form.getByLabel('Tālrunis', { exact: true }).fill(person.phone);
  if (person.consentData) await form.getByLabel('Piekrītu, ka mani dati tiek glabāti', { exact: true }).check();
  if (person.consentPhotos) await form.getByLabel('Piekrītu, ka mani fotografē', { exact: true }).check();
}

/** On the community's participant list: "Jauns dalībnieks", fill, save. */
export async function addParticipant(page: Page, person: ParticipantInput): Promise<void> {
  await page.getByRole('button', { name: /Jauns dalībnieks/ }).click();
  const form = page.getByRole('region', { name: 'Jauns dalībnieks' });
  await visible(form);
  await fillParticipant(form, person);
  await form.getByRole('button', { name: 'Saglabāt' }).click();
  await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await visible(page.getByRole('listitem').filter({ hasText: person.name }));
}

function checkInResults(page: Page): Locator {
  return page.getByRole('list', { name: 'Atrastie' });
}

function checkedInList(page: Page): Locator {
  return page.getByRole('region', { name: /Ieradušies/ });
}

/** Types into the check-in search and waits until exactly `expectedName` is found. */
export async function searchAtCheckIn(page: Page, query: string, expectedName: string): Promise<Locator> {
  await page.getByLabel('Meklēt dalībnieku', { exact: true }).fill(query);
  const results = checkInResults(page).getByRole('button');
  await expectTexts(results, [new RegExp(`^${escape(expectedName)}(?:\\s|$)`)]);
  return results.first();
}

/** Finds a returning participant by typing (diacritics optional) and checks them in with one tap. */
export async function checkInBySearch(page: Page, query: string, expectedName: string, consent: ConsentAnswers | 'later' = 'later'): Promise<void> {
  const person = await searchAtCheckIn(page, query, expectedName);
  const neverAsked = (await person.textContent())?.includes(CONSENT_MISSING) ?? false;
  await person.click();
  // Someone never asked for consent is asked at the door: answered as given, or left for later.
  if (neverAsked) await answerConsent(page, expectedName, consent);
  await expect.poll(() => person.getAttribute('aria-pressed'), { timeout: STEP_TIMEOUT_MS }).toBe('true');
  await visible(checkedInList(page).getByRole('button', { name: `Noņemt atzīmi: ${expectedName}` }));
}

export interface ConsentAnswers {
  consentData: boolean;
  consentPhotos: boolean;
}

/** What a person the check-in has never asked for consent shows in the search results. */
export const CONSENT_MISSING = 'Piekrišana nav reģistrēta';

/** The consent step at the door: both answers ticked as given and saved, or "ask later". */
export async function answerConsent(page: Page, name: string, consent: ConsentAnswers | 'later'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Piekrišana: ${name}` });
  await visible(dialog);
  if (consent === 'later') {
    await dialog.getByRole('button', { name: 'Atzīmēt, jautāt vēlāk' }).click();
  } else {
    await dialog.getByLabel('Piekrītu, ka mani dati tiek glabāti', { exact: true }).setChecked(consent.consentData);
    await dialog.getByLabel('Piekrītu, ka mani fotografē', { exact: true }).setChecked(consent.consentPhotos);
    await dialog.getByRole('button', { name: 'Saglabāt atbildes un atzīmēt' }).click();
  }
  await dialog.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
}

/** Someone new at the door: search finds nobody, "Pievienot “…” kā jaunu dalībnieku", consent, save. */
export async function addWalkIn(page: Page, person: ParticipantInput): Promise<void> {
  await page.getByLabel('Meklēt dalībnieku', { exact: true }).fill(person.name);
  await visible(page.getByText(`Neviens nav atrasts pēc “${person.name}”.`));
  await page.getByRole('button', { name: `+ Pievienot “${person.name}” kā jaunu dalībnieku` }).click();
  const form = page.getByRole('region', { name: 'Jauns dalībnieks' });
  await visible(form);
  // The name typed into the search is already in the form.
  await expect.poll(() => form.getByLabel('Vārds, uzvārds', { exact: true }).inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(person.name);
  await fillParticipant(form, person);
  await form.getByRole('button', { name: 'Pievienot un atzīmēt' }).click();
  await visible(page.getByText(`Pievienots un atzīmēts: ${person.name}`));
  await visible(checkedInList(page).getByRole('button', { name: `Noņemt atzīmi: ${person.name}` }));
}

export function checkInCount(page: Page): Locator {
  return page.getByTestId('checkin-count');
}

// ── Needs and voting ──────────────────────────────────────────────────────

export interface NeedInput {
  title: string;
  category: string;
}

/** The quick card: choose a category, type the title, Enter; the title field empties for the next card. */
export async function addNeedCard(page: Page, need: NeedInput): Promise<void> {
  const entry = page.getByRole('form', { name: 'Ātrā ievade' });
  await entry.getByLabel('Kategorija', { exact: true }).selectOption({ label: need.category });
  const title = entry.getByLabel('Jauna vajadzība', { exact: true });
  await title.fill(need.title);
  await title.press('Enter');
  await visible(needCard(page, need.title));
  await expect.poll(() => title.inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe('');
}

export function needCard(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title });
}

/** Picks whose dots are being placed at the flipchart. */
export async function chooseVoter(page: Page, name: string): Promise<void> {
  const voter = voterButton(page, name);
  await voter.click();
  await expect.poll(() => voter.getAttribute('aria-pressed'), { timeout: STEP_TIMEOUT_MS }).toBe('true');
}

export async function addDot(page: Page, needTitle: string): Promise<void> {
  await page.getByRole('button', { name: `Pievienot punktu: ${needTitle}`, exact: true }).click();
}

export async function takeBackDot(page: Page, needTitle: string): Promise<void> {
  await page.getByRole('button', { name: `Noņemt punktu: ${needTitle}`, exact: true }).click();
}

/** The voter's button in the picker, e.g. "Jānis Bērziņš punkti izlietoti". */
export function voterButton(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Kurš balso?' }).getByRole('button', { name: new RegExp(`^${escape(name)}(?:\\s|$)`) });
}

/** The live tally's rows, most dots first. */
export function tallyRows(page: Page): Locator {
  return page.getByRole('region', { name: 'Rezultāti' }).getByRole('listitem');
}

// ── Resources and the action plan ─────────────────────────────────────────

export interface ResourceInput {
  kind: string;
  name: string;
  description: string;
  contact: string;
  availability: string;
  /** Titles of the needs it helps with. */
  needs: readonly string[];
}

/** On the asset map: "Pievienot: <kind>", fill, tick the needs it helps with, save. */
export async function addResource(page: Page, resource: ResourceInput): Promise<void> {
  await page.getByRole('button', { name: `Pievienot: ${resource.kind}`, exact: true }).click();
  const form = page.getByRole('form', { name: 'Jauns resurss' });
  await visible(form);
  await form.getByLabel('Nosaukums', { exact: true }).fill(resource.name);
  await form.getByLabel('Apraksts', { exact: true }).fill(resource.description);
  await form.getByLabel('Kontakti', { exact: true }).fill(resource.contact);
  await form.getByLabel('Pieejamība', { exact: true }).fill(resource.availability);
  const helps = form.getByRole('group', { name: 'Kurām vajadzībām tas palīdz' });
  for (const need of resource.needs) await helps.getByLabel(need, { exact: true }).check();
  await form.getByRole('button', { name: 'Saglabāt' }).click();
  await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await visible(resourceCard(page, resource.name));
}

export function resourceCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name });
}

export interface ActionInput {
  what: string;
  need: string;
  who: string;
  /** YYYY-MM-DD */
  due: string;
  /** As a person types it, e.g. "1 250,50". */
  budget: string;
}

/** On the action plan: "Jauna darbība", fill, save. */
export async function addAction(page: Page, action: ActionInput): Promise<void> {
  await page.getByRole('button', { name: /Jauna darbība/ }).click();
  const form = page.getByRole('form', { name: 'Jauna darbība' });
  await visible(form);
  await form.getByLabel('Ko darīsim', { exact: true }).fill(action.what);
  await form.getByLabel('Vajadzība', { exact: true }).selectOption({ label: action.need });
  await form.getByLabel('Kas atbild', { exact: true }).fill(action.who);
  await form.getByLabel('Termiņš', { exact: true }).fill(action.due);
  await form.getByLabel('Budžets, EUR', { exact: true }).fill(action.budget);
  await form.getByRole('button', { name: 'Saglabāt' }).click();
  await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await visible(actionCard(page, action.what));
}

export function actionCard(page: Page, what: string): Locator {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: what, exact: true }) });
}

export function budget(page: Page): Locator {
  return page.getByTestId('budget');
}

// ── Offline ───────────────────────────────────────────────────────────────

/** Paths of everything the service worker's caches hold. */
export async function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}
