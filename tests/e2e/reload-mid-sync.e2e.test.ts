// A page reloaded in the middle of a long sync (docs/quality-bars.md: "a page killed …
// mid-push, or after the server committed but before the acknowledgement:
// every change the user was told is saved arrives exactly once"), in Chromium
// against the real server on SQLite. A proxy between the browser and the
// server holds each push's answer for a moment after the server committed it,
// so the test can reload exactly while a batch is committed but not yet
// acknowledged, with the sync bar's progress half way. After the reload the app
// syncs again: every change is on the server once, the outbox is empty.
// Then: text that looks like markup or SQL, written by someone else, is shown
// on the needs board as the very characters typed, and creates no element.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy, type ProxiedRequest } from '../integration/support/fault-proxy';
import { launchChromium } from '../../testing/browser';
import { communityFields, needFields, newRecordFields } from '../../testing/fixtures';
import { STEP_TIMEOUT_MS, createCommunity, expectScreen, expectText, needCard, openCommunity, communitySection, syncBar, visible } from './support/notebook-steps';
import { startServer, type RunningServer } from '../../testing/server';
import {
  apiSignIn, expectAllSent, liveRecords, openApp, pendingChanges, setUpOrganisation, setupLinkOf, syncNow, type Account,
} from './support/sync-steps';
import { pullEverything } from '../support/http-pull';

const COORDINATOR: Account = { name: 'Inese Bērziņa', email: 'inese@kopienas.example', password: 'koordinatore-2026' };
const COMMUNITY = { name: 'Rūjienas kopiena', municipality: 'Valmieras novads', parish: 'Rūjiena', maturity: 'Aktīva' } as const;
const CHANGES = 3000;
/** How long the proxy holds each push's answer after the server committed it. */
const HOLD_MS = 2500;

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE records; --",
  '<script>alert("x")</script>',
  '<b>treknrakstā</b> & &amp; &lt;',
];

interface Seeded {
  deviceId: string;
  needIds: string[];
  outboxIds: string[];
}

/**
 * Writes `count` new needs straight into the app's IndexedDB, the way the
 * Notebook does (record with a clock per field, plus one outbox entry each,
 * authored by the signed-in user, the device clock moved on), in one
 * transaction.
 */
async function seedNeeds(page: Page, communityName: string, count: number): Promise<Seeded> {
  return page.evaluate(async ({ communityName, count }) => {
    const request = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const open = (name: string) => new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keyval = await open('keyval-store');
    const kv = keyval.transaction('keyval', 'readonly').objectStore('keyval');
    const session = (await request(kv.get('talka:session'))) as { user: { id: string } };
    const deviceId = (await request(kv.get('talka:device-id'))) as string;
    keyval.close();

    const db = await open('talka');
    const communities = (await request(db.transaction('communities', 'readonly').objectStore('communities').getAll())) as { id: string; name: string }[];
    const community = communities.find((c) => c.name === communityName);
    if (!community) throw new Error(`no community ${communityName}`);
    const tx = db.transaction(['needs', 'outbox', 'meta'], 'readwrite', { durability: 'strict' });
    const meta = tx.objectStore('meta');
    const saved = (await request(meta.get('clock'))) as { value: string } | undefined;
    const savedWall = saved ? Number(saved.value.slice(0, 13)) : 0;
    const wall = Math.max(Date.now(), savedWall + 1);
    const now = wall;
    const needIds: string[] = [];
    const outboxIds: string[] = [];
    let hlc = '';
    for (let i = 0; i < count; i++) {
      hlc = `${String(wall).padStart(13, '0')}:${String(i).padStart(4, '0')}:${deviceId}`;
      const id = crypto.randomUUID();
      const fields = {
        communityId: community.id, workshopId: null, title: `Sēklas vajadzība ${i + 1}`, description: 'Ierakstīta pirms sinhronizācijas',
        category: 'infrastructure', status: 'raised', owner: '', createdAt: now, updatedAt: now, createdBy: session.user.id, deleted: false,
      };
      const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
      const base = Object.fromEntries(Object.keys(fields).map((field) => [field, null]));
      tx.objectStore('needs').put({ ...fields, id, clocks });
      const entryId = crypto.randomUUID();
      tx.objectStore('outbox').add({ id: entryId, table: 'needs', recordId: id, op: 'put', fields, base, hlc, author: session.user.id });
      needIds.push(id);
      outboxIds.push(entryId);
    }
    meta.put({ key: 'clock', value: hlc });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { deviceId, needIds, outboxIds };
  }, { communityName, count });
}

/** Entries in the app's outbox, read straight from IndexedDB. */
async function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('talka');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('outbox', 'readonly').objectStore('outbox').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return count;
  });
}

const isPush = (request: ProxiedRequest) => request.method === 'POST' && request.path === '/api/sync/push';

describe('a page reloaded in the middle of a long sync', () => {
  let server: RunningServer;
  let proxy: FaultProxy;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seeded: Seeded;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    proxy = new FaultProxy(server.url);
    await proxy.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await proxy?.stop();
    await server?.stop();
  });

  it(`a tablet with ${CHANGES} unsent changes is reloaded while a batch is committed but not acknowledged; each change arrives once`, async () => {
    context = await browser.newContext({ baseURL: proxy.url, viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow' });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.on('page', (opened) => {
      opened.on('pageerror', (error) => pageErrors.push(error.message));
      opened.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
    const setupLink = new URL(await setupLinkOf(server));
    page = await openApp(context, `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(page, 'Ziemeļvidzemes biedrība', COORDINATOR);
    await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Kopienas', exact: true }).click();
    await page.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(page, COMMUNITY);
    await expectAllSent(page);

    // Thousands of changes made offline, then the app opened again: it starts sending them at once.
    seeded = await seedNeeds(page, COMMUNITY.name, CHANGES);
    proxy.setRule((request) => (isPush(request) ? { kind: 'delay', ms: HOLD_MS, when: 'after' } : { kind: 'pass' }));
    const pushesBefore = proxy.log.filter(isPush).length;
    await page.reload();

    // Mid-way: the bar shows the first batch sent, and the server has committed the second while its answer is held.
    const progress = syncBar(page).getByRole('progressbar');
    await expect.poll(async () => {
      const value = Number(await progress.getAttribute('value').catch(() => null));
      const max = Number(await progress.getAttribute('max').catch(() => null));
      const held = proxy.log.filter(isPush).slice(pushesBefore).filter((entry) => entry.upstreamStatus === 200 && entry.clientStatus === null);
      return max === CHANGES && value > 0 && value < max && held.length === 1 ? 'mid-way' : `${value}/${max}, ${held.length} held`;
    }, { timeout: 30_000, interval: 25 }).toBe('mid-way');
    await expectText(syncBar(page).locator('.sync-bar__progress'), new RegExp(`Nosūtīts: 1000 no ${CHANGES}`));
    await page.reload();

    // The committed batch's answer never reached the page: it is still in the outbox, and is sent again.
    const unanswered = proxy.log.filter(isPush).slice(pushesBefore).filter((entry) => entry.upstreamStatus === 200 && entry.clientStatus === null);
    expect(unanswered.length).toBeGreaterThanOrEqual(1);
    await expectAllSent(page, 60_000);
    expect(await pendingChanges(page)).toBe(0);
    expect(await outboxCount(page)).toBe(0);

    // The server holds each change once: every seeded need, each a single record, each mutation applied once.
    const token = await apiSignIn(server.url, COORDINATOR);
    const changes = await pullEverything(server.url, token);
    const ids = changes.map((change) => change.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    const needs = liveRecords(changes, 'needs');
    expect(needs).toHaveLength(CHANGES);
    expect(new Set(needs.map((n) => n.recordId))).toEqual(new Set(seeded.needIds));
    expect(new Set(needs.map((n) => n.fields.title))).toEqual(new Set(seeded.needIds.map((_, i) => `Sēklas vajadzība ${i + 1}`)));
    const database = new BetterSqlite3(join(server.dataDir, 'talka.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const applied = database.prepare('select id from applied_mutations where device_id = ?').all(seeded.deviceId) as { id: string }[];
      const appliedIds = new Set(applied.map((row) => row.id));
      expect(appliedIds.size).toBe(applied.length);
      for (const id of seeded.outboxIds) expect(appliedIds.has(id)).toBe(true);
      expect(applied.length).toBe(seeded.outboxIds.length + 1); // and the community
    } finally {
      database.close();
    }
  });

  it('text that looks like markup or SQL, written on another device, shows on the board as typed and creates no element', async () => {
    proxy.setRule(() => ({ kind: 'pass' }));
    const token = await apiSignIn(server.url, COORDINATOR);
    const now = Date.now();
    const communityId = crypto.randomUUID();
    const hlc = (i: number) => `${String(now).padStart(13, '0')}:${String(i).padStart(4, '0')}:other-tablet`;
    const mutations = [
      {
        id: crypto.randomUUID(), table: 'communities', recordId: communityId, op: 'put', base: {}, hlc: hlc(0),
        fields: newRecordFields(communityFields({ name: 'Skriptu kopiena', parish: '<i>pagasts</i>' }), { by: 'other', at: now }),
      },
      ...PAYLOADS.map((title, i) => ({
        id: crypto.randomUUID(), table: 'needs', recordId: crypto.randomUUID(), op: 'put', base: {}, hlc: hlc(i + 1),
        fields: newRecordFields(needFields(communityId, { title, description: title, owner: title }), { by: 'other', at: now }),
      })),
    ];
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ protocol: 1, deviceId: 'other-tablet', mutations }),
    });
    expect(await pushed.json()).toMatchObject({ rejected: [] });

    await syncNow(page);
    await expectAllSent(page);
    await openCommunity(page, 'Skriptu kopiena');
    await communitySection(page, 'Skriptu kopiena', 'Vajadzības').click();
    await expectScreen(page, 'Vajadzības — Skriptu kopiena');
    for (const title of PAYLOADS) {
      await visible(needCard(page, title));
      await expect.poll(() => needCard(page, title).locator('.need-card__open').innerText(), { timeout: STEP_TIMEOUT_MS }).toBe(title);
    }
    const main = page.locator('main');
    expect(await main.locator('img[src="x"], img[onerror], script, b').count()).toBe(0);
    expect(await main.evaluate((element) => element.querySelectorAll('[onerror]').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
