// A full disk (docs/quality-bars.md, Reliability): in Chromium with the origin's quota cut
// down through the DevTools protocol (Storage.overrideQuotaForOrigin), the
// device is filled until IndexedDB refuses more; then a facilitator types a
// community and a need card. Each save is refused with the Latvian message,
// the typed text stays in the field, neither the record nor its outbox entry
// exists, and after a reload the earlier data is all there. Once space is
// freed, the same typed text saves.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import {
  STEP_TIMEOUT_MS, addNeedCard, communitySection, createCommunity, expectScreen, needCard, openCommunity, openCommunityList, visible,
} from './support/notebook-steps';
import { startServer, type RunningServer } from '../../testing/server';

const QUOTA_MESSAGE = 'Ierīcē nepietiek vietas. Ievadītais nav saglabāts, bet tas joprojām ir redzams — atbrīvojiet vietu un mēģiniet vēlreiz.';
const EARLIER = { name: 'Lazdonas kopiena', municipality: 'Madonas novads', parish: 'Lazdona', maturity: 'Aktīva' } as const;
const EARLIER_NEED = { title: 'Apgaismojums pie pieturas', category: 'Drošība' };
const REFUSED_COMMUNITY = 'Ērgļu jauniešu kopiena';
const REFUSED_NEED = 'Sporta laukums jauniešiem pie skolas';
/** Room for the app's first data, small enough to fill in a moment. */
const QUOTA_BYTES = 4 * 1024 * 1024;

/** What IndexedDB itself holds, read past the app: names in a table and the outbox entries naming a value. */
async function rawDatabase(page: Page, table: string, field: string, value: string | boolean): Promise<{ records: number; outbox: number; total: number }> {
  return page.evaluate(async ({ table, field, value }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('talka');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T,>(store: string) => new Promise<T[]>((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
    const rows = await all<Record<string, unknown>>(table);
    const outbox = await all<{ fields: Record<string, unknown> }>('outbox');
    db.close();
    return {
      records: rows.filter((row) => row[field] === value).length,
      outbox: outbox.filter((entry) => entry.fields[field] === value).length,
      total: outbox.length,
    };
  }, { table, field, value });
}

/**
 * Fills the origin's storage from a database of its own until IndexedDB
 * refuses even a kilobyte: big chunks first, then smaller ones.
 */
async function fillStorage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('chunks', { autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (bytes: number) => new Promise<boolean>((resolve) => {
      const tx = db.transaction('chunks', 'readwrite');
      // Random bytes: LevelDB compresses, so zeros would take no room.
      const chunk = new Uint8Array(bytes);
      for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(chunk.subarray(i, Math.min(bytes, i + 65536)));
      tx.objectStore('chunks').add(chunk);
      tx.oncomplete = () => resolve(true);
      tx.onabort = () => resolve(false);
      tx.onerror = () => resolve(false);
    });
    let written = 0;
    for (const size of [256 * 1024, 32 * 1024, 4 * 1024, 1024]) {
      for (let tries = 0; tries < 400 && (await put(size)); tries++) written += size;
    }
    db.close();
    return written;
  });
}

async function setQuota(cdp: CDPSession, origin: string, quotaSize?: number): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
}

describe('a full disk at every write', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.url, viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true,
      // No service worker: its caches would count against the small quota and make the filling less exact.
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Chromium reads an origin's quota when its storage is first used: the override must come before the first visit.
    cdp = await context.newCDPSession(page);
    await setQuota(cdp, server.url, QUOTA_BYTES);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('writes the earlier data while there is room', async () => {
    await page.goto('/communities/new');
    await createCommunity(page, EARLIER);
    await communitySection(page, EARLIER.name, 'Vajadzības').click();
    await expectScreen(page, `Vajadzības — ${EARLIER.name}`);
    await addNeedCard(page, EARLIER_NEED);
  });

  it('refuses a new community on a full disk in Latvian, keeps the typed text, and leaves no record or outbox entry', async () => {
    expect(await fillStorage(page)).toBeGreaterThan(0);
    const outboxBefore = (await rawDatabase(page, 'communities', 'name', REFUSED_COMMUNITY)).total;

    await page.goto('/communities/new');
    await expectScreen(page, 'Jauna kopiena');
    await page.getByLabel('Nosaukums', { exact: true }).fill(REFUSED_COMMUNITY);
    await page.getByLabel('Novads vai valstspilsēta', { exact: true }).selectOption({ label: 'Madonas novads' });
    await page.getByLabel('Kopienas brieduma pakāpe', { exact: true }).selectOption({ label: 'Veidojas' });
    await page.getByRole('button', { name: 'Saglabāt' }).click();

    await visible(page.getByRole('alert').filter({ hasText: QUOTA_MESSAGE }));
    await expectScreen(page, 'Jauna kopiena');
    expect(await page.getByLabel('Nosaukums', { exact: true }).inputValue()).toBe(REFUSED_COMMUNITY);
    expect(await rawDatabase(page, 'communities', 'name', REFUSED_COMMUNITY)).toEqual({ records: 0, outbox: 0, total: outboxBefore });
  });

  it('refuses a quick need card the same way, the title staying in the field', async () => {
    await openCommunity(page, EARLIER.name);
    await communitySection(page, EARLIER.name, 'Vajadzības').click();
    await expectScreen(page, `Vajadzības — ${EARLIER.name}`);
    const outboxBefore = (await rawDatabase(page, 'needs', 'title', REFUSED_NEED)).total;
    const entry = page.getByRole('form', { name: 'Ātrā ievade' });
    const title = entry.getByLabel('Jauna vajadzība', { exact: true });
    await title.fill(REFUSED_NEED);
    await title.press('Enter');

    await visible(entry.getByRole('alert').filter({ hasText: QUOTA_MESSAGE }));
    expect(await title.inputValue()).toBe(REFUSED_NEED);
    expect(await needCard(page, REFUSED_NEED).count()).toBe(0);
    expect(await rawDatabase(page, 'needs', 'title', REFUSED_NEED)).toEqual({ records: 0, outbox: 0, total: outboxBefore });
  });

  // (A community's delete asks first and is a coordinator's; this device has nobody signed in.)
  it('tells a refused delete in a toast and keeps the need', async () => {
    await needCard(page, EARLIER_NEED.title).getByRole('button', { name: EARLIER_NEED.title, exact: true }).click();
    await page.getByRole('form', { name: 'Labot vajadzību' }).getByRole('button', { name: 'Dzēst', exact: true }).click();
    await visible(page.locator('.toast').getByText(QUOTA_MESSAGE));
    // The need's form stays open, the need not deleted.
    await visible(page.getByRole('form', { name: 'Labot vajadzību' }));
    expect(await rawDatabase(page, 'needs', 'deleted', true)).toMatchObject({ records: 0, outbox: 0 });
    await openCommunity(page, EARLIER.name);
  });

  it('warns in the header and in settings when the estimate says space is nearly gone', async () => {
    // Chromium's estimate() in a fresh profile does not report an overridden quota, so this page's
    // estimate is made to say what the override set: 4 MB, nearly all of it used.
    const warned = await context.newPage();
    await warned.addInitScript((quota) => {
      navigator.storage.estimate = async () => ({ usage: quota - 64 * 1024, quota });
    }, QUOTA_BYTES);
    await warned.goto('/');
    await expectScreen(warned, 'Kopienas');
    const notice = warned.getByRole('complementary', { name: 'Ierīces paziņojums' });
    await visible(notice.getByText('Ierīcē gandrīz nav vietas: brīvi 64 kB. Jauni ieraksti var netikt saglabāti — sinhronizējiet vai atbrīvojiet vietu.'));
    await notice.getByRole('link', { name: 'Uz iestatījumiem' }).click();
    await expectScreen(warned, 'Iestatījumi');
    await visible(warned.getByTestId('space-free').getByText(/^Ierīcē gandrīz nav vietas: brīvi 64 kB\./));
    // Dismissed, it stays away while the app is used (the full disk may not let it remember longer).
    await notice.getByRole('button', { name: 'Aizvērt paziņojumu' }).click();
    await notice.waitFor({ state: 'detached' });
    await openCommunityList(warned);
    await visible(warned.getByRole('link', { name: EARLIER.name }));
    expect(await notice.count()).toBe(0);
    await warned.close();
  });

  it('finds the earlier data intact after a reload', async () => {
    await page.reload();
    await expectScreen(page, EARLIER.name);
    await communitySection(page, EARLIER.name, 'Vajadzības').click();
    await expectScreen(page, `Vajadzības — ${EARLIER.name}`);
    await visible(needCard(page, EARLIER_NEED.title));
    expect(await rawDatabase(page, 'communities', 'name', EARLIER.name)).toMatchObject({ records: 1, outbox: 1 });
    expect(await rawDatabase(page, 'needs', 'title', EARLIER_NEED.title)).toMatchObject({ records: 1, outbox: 1 });
  });

  it('saves the same typed card once space is freed', async () => {
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('filler');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }));
    await addNeedCard(page, { title: REFUSED_NEED, category: 'Jaunieši' });
    expect(await rawDatabase(page, 'needs', 'title', REFUSED_NEED)).toMatchObject({ records: 1, outbox: 1 });
    expect(pageErrors).toEqual([]);
  });
});
