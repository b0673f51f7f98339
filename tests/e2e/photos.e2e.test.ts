// Flipchart photos end to end in Chromium against the real server:
// a facilitator's tablet, offline, photographs the flipchart through the
// camera input with a camera-sized JPEG (4000×3000, made in the browser) and
// picks an upright phone photo (EXIF orientation 6); both are resized on the
// tablet, survive a reload, and go up when the network returns (the server
// gives the same bytes back by their hash). The coordinator's laptop pulls
// the records, shows "not downloaded yet" while offline, downloads the images
// when online, and keeps them for offline use.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeCameraPhoto } from '../../testing/camera-photo';
import {
  STEP_TIMEOUT_MS, createCommunity, createWorkshop, expectScreen, openCommunityList, openWorkshop, visible,
} from './support/notebook-steps';
import { useDeviceLab } from './support/device-lab';
import {
  SYNC_TIMEOUT_MS, addUser, apiSignIn, expectAllSent, goOffline, goOnline, openApp, pendingChanges, setUpOrganisation, setupLinkOf,
  signIn, syncNow, type Account,
} from './support/sync-steps';

const ORGANISATION = 'Latgales kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@latgale.example', password: 'koordinatore-2026' };
const FACILITATOR: Account = { name: 'Ilze Kalniņa', email: 'ilze@latgale.example', password: 'planšete-A-2026' };
const COMMUNITY = { name: 'Rēznas kopiena', municipality: 'Rēzeknes novads', parish: 'Rēzna', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Vajadzību darbnīca', date: '2026-11-23', startTime: '18:00', endTime: '20:30',
  place: 'Rēznas tautas nams', programme: 'KOPA', facilitators: FACILITATOR.name,
};
const FLIPCHART = 'Vajadzību plakāts';
const PORTRAIT = 'Dotu tāfele';

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow',
};
const LAPTOP: BrowserContextOptions = { ...TABLET, viewport: { width: 1280, height: 800 }, hasTouch: false };

interface StoredPhoto {
  id: string;
  caption: string;
  sha256: string;
  mime: string;
  size: number;
  width: number;
  height: number;
}

interface StoredBlob {
  state: string;
  size: number;
  blobSize: number | null;
  thumbSize: number | null;
  thumbType: string | null;
}

/** The photo records in the device's IndexedDB (read directly, as a check beside what the screen shows). */
function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(() => new Promise<StoredPhoto[]>((resolve, reject) => {
    const request = indexedDB.open('talka');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('photos', 'readonly').objectStore('photos').getAll();
      all.onsuccess = () => {
        db.close();
        resolve((all.result as StoredPhoto[]).map(({ id, caption, sha256, mime, size, width, height }) => ({ id, caption, sha256, mime, size, width, height })));
      };
      all.onerror = () => reject(all.error);
    };
  }));
}

function storedBlob(page: Page, sha256: string): Promise<StoredBlob | null> {
  return page.evaluate((key) => new Promise<StoredBlob | null>((resolve, reject) => {
    const request = indexedDB.open('talka');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction('blobs', 'readonly').objectStore('blobs').get(key);
      get.onsuccess = () => {
        db.close();
        const row = get.result as { state: string; size: number; blob: Blob | null; thumb: Blob | null } | undefined;
        resolve(row ? { state: row.state, size: row.size, blobSize: row.blob?.size ?? null, thumbSize: row.thumb?.size ?? null, thumbType: row.thumb?.type ?? null } : null);
      };
      get.onerror = () => reject(get.error);
    };
  }), sha256);
}

function photoButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name: `Atvērt foto: ${name}`, exact: true });
}

/** Waits until the thumbnail of `name` shows a decoded picture. */
async function expectThumbnail(page: Page, name: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
  const image = photoButton(page, name).locator('img');
  await expect.poll(async () => (await image.count()) > 0 && image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    { timeout, interval: 100 }).toBe(true);
}

/** Opens the viewer on `name`; returns the dialog once the full image has decoded. */
async function openViewer(page: Page, name: string): Promise<Locator> {
  await photoButton(page, name).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  const image = dialog.getByRole('img', { name, exact: true });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(320);
  return dialog;
}

async function closeViewer(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Aizvērt', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
}

describe('flipchart photos: taken offline, uploaded when online, shown on a second device', () => {
  let tablet: Page;
  let tabletContext: BrowserContext;
  let laptop: Page;
  let laptopContext: BrowserContext;
  const pageErrors: string[] = [];
  let flipchartJpeg: Buffer;

  const lab = useDeviceLab(pageErrors);
  const { newDevice } = lab;

  it('the coordinator sets up the organisation on the laptop and adds the facilitator', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    laptopContext = await newDevice('laptop', LAPTOP);
    laptop = await openApp(laptopContext, `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    await addUser(laptop, FACILITATOR, 'Fasilitators');
  });

  it('the tablet signs in and prepares the workshop while online', async () => {
    tabletContext = await newDevice('tablet', TABLET);
    tablet = await openApp(tabletContext, '/login');
    await signIn(tablet, FACILITATOR);
    await tablet.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(tablet, COMMUNITY);
    await createWorkshop(tablet, WORKSHOP);
    await expectAllSent(tablet);
  });

  it('offline, a 12-MP camera photo and an upright phone photo are resized on the tablet and kept with the workshop', async () => {
    flipchartJpeg = await makeCameraPhoto(tablet, { width: 4000, height: 3000, seed: 7 });
    // Taken holding the phone upright: stored 800×600 with "turn 90° clockwise".
    const uprightJpeg = await makeCameraPhoto(tablet, { width: 800, height: 600, seed: 9, orientation: 6 });
    await goOffline(tabletContext, tablet);

    const photos = tablet.getByRole('region', { name: /^Foto/ });
    await photos.getByLabel('Paraksts', { exact: true }).fill(FLIPCHART);
    await photos.getByLabel('Uzņemt foto', { exact: true }).setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: flipchartJpeg });
    await visible(photos.getByText('Pievienots 1 foto', { exact: true }));
    await expectThumbnail(tablet, FLIPCHART);
    // The caption was used and cleared for the next photos.
    expect(await photos.getByLabel('Paraksts', { exact: true }).inputValue()).toBe('');

    await photos.getByLabel('Paraksts', { exact: true }).fill(PORTRAIT);
    await photos.getByLabel('Izvēlēties failus', { exact: true }).setInputFiles([{ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: uprightJpeg }]);
    await expectThumbnail(tablet, PORTRAIT);
    await expect.poll(async () => (await photos.getByRole('heading', { level: 2 }).innerText()).replace(/\s+/g, ' ')).toBe('Foto (2)');

    const stored = await storedPhotos(tablet);
    const flipchart = stored.find((photo) => photo.caption === FLIPCHART)!;
    const upright = stored.find((photo) => photo.caption === PORTRAIT)!;
    expect(flipchart).toMatchObject({ mime: 'image/jpeg', width: 2048, height: 1536 });
    expect(flipchart.size).toBeLessThan(flipchartJpeg.length);
    // Turned upright as the camera meant it.
    expect(upright).toMatchObject({ width: 600, height: 800 });
    const blob = await storedBlob(tablet, flipchart.sha256);
    expect(blob).toMatchObject({ state: 'local', size: flipchart.size, blobSize: flipchart.size });
    // The thumbnail never leaves the device: WebP, as Chromium writes it.
    expect(blob!.thumbType).toBe('image/webp');
    expect(blob!.thumbSize).toBeGreaterThan(0);
    expect(await pendingChanges(tablet)).toBeGreaterThanOrEqual(2);
  });

  it('after a reload with the network still cut the photos are there, thumbnails and full screen', async () => {
    const reloaded = await tablet.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expectScreen(tablet, WORKSHOP.title);
    await expectThumbnail(tablet, FLIPCHART);
    await expectThumbnail(tablet, PORTRAIT);
    const dialog = await openViewer(tablet, FLIPCHART);
    const size = await dialog.getByRole('img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([2048, 1536]);
    await expect.poll(() => dialog.innerText()).toContain('1 no 2');
    await tablet.keyboard.press('ArrowRight');
    const portrait = dialog.getByRole('img', { name: PORTRAIT, exact: true });
    await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => (img.complete ? [img.naturalWidth, img.naturalHeight] : null)),
      { timeout: STEP_TIMEOUT_MS }).toEqual([600, 800]);
    await closeViewer(tablet);
  });

  it('online again, the images go up before their records; the server gives back the same bytes by their hash', async () => {
    await goOnline(tabletContext, tablet);
    await expectAllSent(tablet);
    const stored = await storedPhotos(tablet);
    const token = await apiSignIn(lab.server.url, COORDINATOR);
    for (const photo of stored) {
      expect((await storedBlob(tablet, photo.sha256))?.state).toBe('uploaded');
      const response = await fetch(`${lab.server.url}/api/blobs/${photo.sha256}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(photo.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
    }
    // Content-addressed: one file per image.
    const files = readdirSync(join(lab.server.dataDir, 'blobs')).filter((dir) => dir !== 'tmp')
      .flatMap((dir) => readdirSync(join(lab.server.dataDir, 'blobs', dir)));
    expect(files.sort()).toEqual(stored.map((photo) => photo.sha256).sort());
  });

  it('the laptop gets the records; offline it says the images are not downloaded yet, online it downloads and keeps them', async () => {
    await openCommunityList(laptop);
    await syncNow(laptop);
    // The pull has landed when the tablet's community is listed.
    await visible(laptop.getByRole('link', { name: COMMUNITY.name }));
    await expectAllSent(laptop);
    await goOffline(laptopContext, laptop);
    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    const photos = laptop.getByRole('region', { name: /^Foto/ });
    await expect.poll(() => photos.getByText('Vēl nav lejupielādēts (bezsaistē)', { exact: true }).count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);

    await goOnline(laptopContext, laptop);
    await expectThumbnail(laptop, FLIPCHART, SYNC_TIMEOUT_MS);
    await expectThumbnail(laptop, PORTRAIT, SYNC_TIMEOUT_MS);
    const dialog = await openViewer(laptop, FLIPCHART);
    expect(await dialog.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2048);
    await closeViewer(laptop);
    for (const photo of await storedPhotos(laptop)) {
      expect(await storedBlob(laptop, photo.sha256)).toMatchObject({ state: 'uploaded', blobSize: photo.size });
    }

    // Kept for offline use.
    await goOffline(laptopContext, laptop);
    await laptop.reload();
    await expectScreen(laptop, WORKSHOP.title);
    await expectThumbnail(laptop, FLIPCHART);
    await openViewer(laptop, PORTRAIT);
    await closeViewer(laptop);
    expect(pageErrors).toEqual([]);
  });
});
