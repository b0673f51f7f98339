// A backup file handed from one tablet to another, end to end in
// Chromium: profile A holds an evening's work that was never synced — a
// community, a workshop with notes, participants, a photo's image — and saves
// a passphrase-protected backup; a fresh profile B imports it (a wrong
// passphrase first: told, nothing imported) and shows the same data and the
// same number of changes waiting to be sent. Importing again changes nothing.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import {
  STEP_TIMEOUT_MS, addParticipant, communitySection, createCommunity, createWorkshop, expectScreen, expectText, openCommunity,
  openWorkshop, typeNotes, visible,
} from './support/notebook-steps';
import { startServer, type RunningServer } from '../../testing/server';
import { pendingChanges } from './support/sync-steps';

const COMMUNITY = { name: 'Ērgļu kopiena', municipality: 'Madonas novads', parish: 'Ērgļi', maturity: 'Veidojas' } as const;
const WORKSHOP = {
  title: 'Pirmā darbnīca', date: '2026-12-02', startTime: '17:30', endTime: '19:30',
  place: 'Ērgļu saieta nams', programme: 'KOPA', facilitators: 'Ilze Kalniņa',
};
const NOTES = 'Runājām par autobusu uz Madonu; jaunieši grib sporta laukumu.';
const PEOPLE = [
  { name: 'Jānis Bērziņš', household: 'Kalnāji', consentData: true },
  { name: 'Anna Ozoliņa', phone: '+371 26123456', consentData: true, consentPhotos: true },
];
const PASSPHRASE = 'Ērgļi ziemā 2026';
const IMAGE_HASH = 'c0ffee'.padEnd(64, '0');

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'block',
  acceptDownloads: true,
};

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Iestatījumi', exact: true }).click();
  await expectScreen(page, 'Iestatījumi');
}

/** A photo's image as the photos feature keeps it, written straight into IndexedDB (a real Blob). */
async function storeImage(page: Page): Promise<void> {
  await page.evaluate(async (sha256) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('talka');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const bytes = new Uint8Array(50_000).map((_, i) => (i * 31) % 251);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('blobs', 'readwrite');
      tx.objectStore('blobs').put({
        sha256, blob: new Blob([bytes], { type: 'image/jpeg' }), thumb: new Blob([bytes.subarray(0, 4000)], { type: 'image/jpeg' }),
        mime: 'image/jpeg', size: bytes.length, state: 'local',
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, IMAGE_HASH);
}

/** The image's bytes as stored, summed, or null when the row or its Blob is missing. */
async function imageChecksum(page: Page): Promise<number | null> {
  return page.evaluate(async (sha256) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('talka');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const row = await new Promise<{ blob: Blob | null } | undefined>((resolve, reject) => {
      const request = db.transaction('blobs', 'readonly').objectStore('blobs').get(sha256);
      request.onsuccess = () => resolve(request.result as { blob: Blob | null } | undefined);
      request.onerror = () => reject(request.error);
    });
    db.close();
    if (!row?.blob) return null;
    return new Uint8Array(await row.blob.arrayBuffer()).reduce((sum, byte) => sum + byte, 0);
  }, IMAGE_HASH);
}

describe('a backup file carried from one tablet to a fresh one', () => {
  let server: RunningServer;
  let browser: Browser;
  let tabletA: BrowserContext;
  let tabletB: BrowserContext;
  let pageA: Page;
  let pageB: Page;
  let backupPath = '';
  let pendingOnA = 0;
  const downloads = mkdtempSync(join(tmpdir(), 'talka-backup-e2e-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    tabletA = await browser.newContext({ ...TABLET, baseURL: server.url });
    tabletB = await browser.newContext({ ...TABLET, baseURL: server.url });
    for (const context of [tabletA, tabletB]) context.setDefaultTimeout(STEP_TIMEOUT_MS);
    pageA = await tabletA.newPage();
    pageB = await tabletB.newPage();
    for (const page of [pageA, pageB]) page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('tablet A holds an evening that was never sent', async () => {
    await pageA.goto('/communities/new');
    await createCommunity(pageA, COMMUNITY);
    await createWorkshop(pageA, WORKSHOP);
    await typeNotes(pageA, NOTES);
    await openCommunity(pageA, COMMUNITY.name);
    await communitySection(pageA, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(pageA, 'Dalībnieki');
    for (const person of PEOPLE) await addParticipant(pageA, person);
    await storeImage(pageA);
    pendingOnA = await pendingChanges(pageA);
    expect(pendingOnA).toBeGreaterThan(0);
  });

  it('saves a passphrase-protected backup file', async () => {
    await openSettings(pageA);
    const panel = pageA.getByRole('region', { name: 'Rezerves kopija' });
    await expect.poll(() => panel.getByLabel('Aizsargāt ar paroli', { exact: true }).isChecked()).toBe(true);
    await panel.getByLabel('Parole', { exact: true }).fill(PASSPHRASE);
    await panel.getByLabel('Parole vēlreiz', { exact: true }).fill(PASSPHRASE);
    const started = Date.now();
    const [download] = await Promise.all([
      pageA.waitForEvent('download'),
      panel.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^talka-rezerves-kopija-\d{4}-\d{2}-\d{2}\.talka$/);
    backupPath = join(downloads, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expectText(panel.getByTestId('backup-export-result'),
      /^Rezerves kopija “talka-rezerves-kopija-[\d-]+\.talka” \(.+\) ir lejupielādēta\. Tajā: \d+ ieraksti, \d+ nenosūtītas izmaiņas, 1 foto\.$/);
    console.info(`backup: ${statSync(backupPath).size} bytes, exported in ${Date.now() - started} ms`);
    // Encrypted: none of the evening's words can be read in the file.
    const text = readFileSync(backupPath).toString('latin1');
    expect(text.startsWith('TALKABAK')).toBe(true);
    expect(text).not.toContain('Kalnāji');
    expect(text).not.toContain('autobusu');
  });

  it('a fresh tablet refuses a wrong passphrase and imports nothing', async () => {
    await pageB.goto('/settings');
    await expectScreen(pageB, 'Iestatījumi');
    const form = pageB.getByRole('form', { name: 'Atjaunot no rezerves kopijas' });
    await form.getByLabel('Rezerves kopijas fails (.talka)', { exact: true }).setInputFiles(backupPath);
    await form.getByLabel('Parole (ja fails ir aizsargāts)', { exact: true }).fill('Ergli ziema 2026');
    await form.getByRole('button', { name: 'Importēt' }).click();
    await visible(form.getByRole('alert').getByText('Nepareiza parole (vai fails ir bojāts). Nekas netika importēts.', { exact: true }));
    expect(await pendingChanges(pageB)).toBe(0);
    expect(await imageChecksum(pageB)).toBeNull();
  });

  it('imports with the right passphrase and shows the same data and the same changes waiting', async () => {
    const form = pageB.getByRole('form', { name: 'Atjaunot no rezerves kopijas' });
    await form.getByLabel('Parole (ja fails ir aizsargāts)', { exact: true }).fill(PASSPHRASE);
    const started = Date.now();
    await form.getByRole('button', { name: 'Importēt' }).click();
    await expectText(form.getByTestId('backup-import-result'),
      new RegExp(`^Importēts: \\d+ ieraksti, ${pendingOnA} nenosūtītas izmaiņas, 1 foto\\. Failā bija: \\d+ ieraksti, ${pendingOnA} nenosūtītas izmaiņas, 1 foto\\.$`));
    console.info(`backup: imported in ${Date.now() - started} ms`);
    await expect.poll(() => pendingChanges(pageB), { timeout: STEP_TIMEOUT_MS }).toBe(pendingOnA);
    expect(await imageChecksum(pageB)).toBe(await imageChecksum(pageA));

    await openWorkshop(pageB, COMMUNITY.name, WORKSHOP.title);
    await expect.poll(() => pageB.getByLabel('Piezīmes', { exact: true }).inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe(NOTES);
    await openCommunity(pageB, COMMUNITY.name);
    await communitySection(pageB, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(pageB, 'Dalībnieki');
    for (const person of PEOPLE) await visible(pageB.getByRole('listitem').filter({ hasText: person.name }));
    await visible(pageB.getByText('2 dalībnieki', { exact: true }));
  });

  it('changes nothing when the same file is imported again', async () => {
    await openSettings(pageB);
    const form = pageB.getByRole('form', { name: 'Atjaunot no rezerves kopijas' });
    await form.getByLabel('Rezerves kopijas fails (.talka)', { exact: true }).setInputFiles(backupPath);
    await form.getByLabel('Parole (ja fails ir aizsargāts)', { exact: true }).fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Importēt' }).click();
    await expectText(form.getByTestId('backup-import-result'), /^Viss no šī faila jau ir šajā ierīcē — nekas netika mainīts\. Failā bija: /);
    expect(await pendingChanges(pageB)).toBe(pendingOnA);
    expect(pageErrors).toEqual([]);
  });
});
