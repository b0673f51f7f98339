// Steps of a team's day around sync: the coordinator's first setup, users,
// signing in on a tablet, going offline and back, Sync now, the conflicts
// list, and the operator's admin command. Driven by the Latvian words on
// screen like notebook-steps.ts; each step waits on what the screen shows.
import { spawn } from 'node:child_process';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import * as v from 'valibot';
import { expect } from 'vitest';
import { sessionResponseSchema, type Change } from '../../../protocol';
import { STEP_TIMEOUT_MS, expectScreen, expectText, needCard, openCommunity, syncBar, visible } from './notebook-steps';
import { rememberPersonalValues } from './log-audit';
import { pullEverything } from '../../support/http-pull';

/** How long a sync round trip over loopback may take to show on screen. */
export const SYNC_TIMEOUT_MS = 20_000;

const root = new URL('../../..', import.meta.url).pathname;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Account {
  name: string;
  email: string;
  password: string;
}

// ── Opening the app on a device ───────────────────────────────────────────

/**
 * Opens the app in a fresh tab of `context` and waits until the service worker
 * has precached it ("Talka ir gatava darbam bez tīkla."), then closes that
 * notice: from here on the device works with the network cut.
 */
export async function openApp(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(path);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const ready = page.getByRole('alertdialog');
  await visible(ready.getByText('Talka ir gatava darbam bez tīkla.', { exact: true }));
  await ready.getByRole('button', { name: 'Aizvērt' }).click();
  await ready.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  return page;
}

// ── Accounts ──────────────────────────────────────────────────────────────

/** On the one-time setup link: names the organisation, creates the first coordinator; ends on "Lietotāji". */
export async function setUpOrganisation(page: Page, organisation: string, coordinator: Account): Promise<void> {
  rememberPersonalValues(coordinator.name, coordinator.email, coordinator.password);
  await expectScreen(page, 'Organizācijas izveide');
  await page.getByLabel('Organizācijas nosaukums', { exact: true }).fill(organisation);
  await page.getByLabel('Jūsu vārds un uzvārds', { exact: true }).fill(coordinator.name);
  await page.getByLabel('E-pasts', { exact: true }).fill(coordinator.email);
  await page.getByLabel('Parole', { exact: true }).fill(coordinator.password);
  await page.getByLabel('Parole vēlreiz', { exact: true }).fill(coordinator.password);
  await page.getByRole('button', { name: 'Izveidot organizāciju' }).click();
  await expectScreen(page, 'Lietotāji');
  await visible(page.getByText(`Organizācija “${organisation}” izveidota. Tagad pievienojiet fasilitatorus.`));
  await expectSignedIn(page, coordinator.name);
}

export type RoleLabel = 'Fasilitators' | 'Koordinators' | 'Mentors';

/** On "Lietotāji": fills "Pievienot lietotāju" and waits for the new user's row. */
export async function addUser(page: Page, user: Account, role: RoleLabel): Promise<void> {
  rememberPersonalValues(user.name, user.email, user.password);
  const form = page.getByRole('form', { name: 'Pievienot lietotāju' });
  await form.getByLabel('Vārds un uzvārds', { exact: true }).fill(user.name);
  await form.getByLabel('E-pasts', { exact: true }).fill(user.email);
  await form.getByLabel('Loma', { exact: true }).selectOption({ label: role });
  await form.getByLabel('Sākotnējā parole', { exact: true }).fill(user.password);
  await form.getByRole('button', { name: 'Pievienot lietotāju' }).click();
  await visible(page.getByText(`Lietotājs ${user.name} pievienots. Nododiet lietotājam e-pastu un paroli.`));
  const row = page.getByRole('listitem').filter({ hasText: user.email });
  await expectText(row, new RegExp(`^${escape(user.name)} ${escape(user.email)} ${role} Aktīvs`));
}

/** Who the header says is signed in. */
export async function expectSignedIn(page: Page, name: string): Promise<void> {
  await expectText(page.locator('.account-menu__who'), new RegExp(`(?:^|: )${escape(name)}$`));
}

/** On "Pieslēgšanās": email, password, "Pieslēgties"; ends on "Kopienas" with the name in the header. */
export async function signIn(page: Page, account: Account): Promise<void> {
  rememberPersonalValues(account.name, account.email, account.password);
  if (!page.url().endsWith('/login')) await page.goto('/login');
  await expectScreen(page, 'Pieslēgšanās');
  const form = page.locator('form.account-form');
  await form.getByLabel('E-pasts', { exact: true }).fill(account.email);
  await form.getByLabel('Parole', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Pieslēgties' }).click();
  await expectScreen(page, 'Kopienas');
  await expectSignedIn(page, account.name);
}

// ── Sync ──────────────────────────────────────────────────────────────────

export function pendingCount(page: Page): Locator {
  return page.getByTestId('pending-count');
}

export function syncNowButton(page: Page): Locator {
  return syncBar(page).getByRole('button', { name: /^⟳?\s*(Sinhronizēt|Sinhronizē…)$/ });
}

/** Changes waiting in the outbox, as the sync bar counts them. */
export async function pendingChanges(page: Page): Promise<number> {
  return Number(await pendingCount(page).getAttribute('data-count', { timeout: STEP_TIMEOUT_MS }));
}

/**
 * Waits until the sync bar says every change was sent ("Visas izmaiņas
 * nosūtītas, 09:14": nothing waiting and a sync has finished on this device)
 * and no sync is running.
 */
export async function expectAllSent(page: Page, timeout = SYNC_TIMEOUT_MS): Promise<void> {
  await expect.poll(async () => {
    const count = await pendingCount(page).getAttribute('data-count');
    const text = (await pendingCount(page).innerText()).replace(/\s+/g, ' ').trim();
    const idle = await syncNowButton(page).isEnabled();
    return count === '0' && /^Visas izmaiņas nosūtītas, /.test(text) && idle ? 'all sent' : `${count}: ${text}${idle ? '' : ' (syncing)'}`;
  }, { timeout, interval: 100 }).toBe('all sent');
}

/** Presses "Sinhronizēt" in the sync bar (waits while a sync already runs). */
export async function syncNow(page: Page): Promise<void> {
  const button = syncNowButton(page);
  await expect.poll(() => button.isEnabled(), { timeout: SYNC_TIMEOUT_MS, interval: 50 }).toBe(true);
  await button.click();
}

/**
 * Waits until the server holds the assignment of a user (by name) to a community (by name) as
 * `assigned`: a tick on a page is written and sent a moment later, and a test that goes on to another
 * device must not race it.
 */
export async function expectAssignmentOnServer(url: string, coordinator: Account, userName: string, communityName: string, assigned: boolean): Promise<void> {
  const token = await apiSignIn(url, coordinator);
  await expect.poll(async () => {
    const changes = await pullEverything(url, token);
    const userId = changes.find((c) => c.table === 'members' && c.fields.name === userName)?.recordId;
    const communityId = changes.find((c) => c.table === 'communities' && c.fields.name === communityName)?.recordId;
    return changes.some((c) => c.table === 'assignments' && c.fields.userId === userId && c.fields.communityId === communityId && c.fields.deleted !== true);
  }, { timeout: SYNC_TIMEOUT_MS, interval: 200 }).toBe(assigned);
}

/**
 * A coordinator assigns a user to a community on its page ("Kam piešķirta kopiena"), after a sync
 * has brought the community and the organisation's members, and sends it.
 */
export async function assignToCommunity(page: Page, coordinator: Account, community: string, user: Pick<Account, 'name'>, role: RoleLabel = 'Fasilitators'): Promise<void> {
  await syncNow(page);
  await expectAllSent(page);
  await openCommunity(page, community);
  const box = page.getByRole('checkbox', { name: `${user.name} — ${role}`, exact: true });
  await box.check();
  await expect.poll(() => box.isChecked(), { timeout: STEP_TIMEOUT_MS }).toBe(true);
  await expectAssignmentOnServer(new URL(page.url()).origin, coordinator, user.name, community, true);
}

/** Cuts the device's network and waits for the sync bar to say so. */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expectText(syncBar(page), /^Bezsaistē(?:\s|$)/);
}

/** Gives the network back and waits for the sync bar to say so (the app syncs on `online` by itself). */
export async function goOnline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false);
  await expectText(syncBar(page), /^Tiešsaistē(?:\s|$)/);
}

// ── Needs ─────────────────────────────────────────────────────────────────

/** On the needs board: opens the card, changes its title, saves; waits for the card under its new title. */
export async function editNeedTitle(page: Page, from: string, to: string): Promise<void> {
  await needCard(page, from).getByRole('button', { name: from, exact: true }).click();
  const form = page.getByRole('form', { name: 'Labot vajadzību' });
  await visible(form);
  const title = form.getByLabel('Nosaukums', { exact: true });
  await expect.poll(() => title.inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(from);
  await title.fill(to);
  await form.getByRole('button', { name: 'Saglabāt' }).click();
  await form.waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await visible(needCard(page, to));
}

/** The titles of every card on the needs board, in board order. */
export async function needTitles(page: Page): Promise<string[]> {
  return page.locator('article.need-card .need-card__open').allInnerTexts();
}

// ── Conflicts ─────────────────────────────────────────────────────────────

export async function openConflicts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Konflikti', exact: true }).click();
  await expectScreen(page, 'Konflikti');
}

/** The open conflicts listed on "Konflikti". */
export function conflictCards(page: Page): Locator {
  return page.locator('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
}

/** One side of a conflict card: "Pašreizējā vērtība" (in force) or "Saglabātā otra vērtība" (kept). */
export function conflictSide(card: Locator, side: 'Pašreizējā vērtība' | 'Saglabātā otra vērtība'): Locator {
  return card.locator('section').filter({ has: card.page().getByRole('heading', { name: side, exact: true }) });
}

// ── The server, from outside the browser ──────────────────────────────────

/**
 * The one-time setup link the server prints on an empty database. It is
 * printed just after the port opens, so it may come a moment after the
 * health check answered: wait for it in the output.
 */
export async function setupLinkOf(server: { setupLink: string | null; output: () => string }): Promise<string> {
  let link = server.setupLink;
  await expect.poll(() => {
    link ??= /https?:\/\/\S+\/setup#\S+/.exec(server.output())?.[0] ?? null;
    return link;
  }, { timeout: STEP_TIMEOUT_MS, interval: 50, message: 'the setup link in the server output' }).not.toBeNull();
  return link!;
}

export interface AdminResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run admin -- …` (server/admin.ts) against the running server's database, with `stdin` piped in. */
export function runAdmin(args: readonly string[], stdin: string, env: Record<string, string>): Promise<AdminResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** POST /api/auth/login; the bearer token. */
export async function apiSignIn(url: string, account: Pick<Account, 'email' | 'password'>): Promise<string> {
  rememberPersonalValues(account.email, account.password);
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  expect(response.status).toBe(200);
  const { token } = v.parse(sessionResponseSchema, await response.json());
  rememberPersonalValues(token);
  return token;
}

/** Live (not deleted) records of one table among pulled changes. */
export function liveRecords(changes: readonly Change[], table: string): Change[] {
  return changes.filter((change) => change.table === table && change.fields.deleted !== true);
}
