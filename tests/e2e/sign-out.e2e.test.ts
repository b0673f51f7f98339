// Signing out takes the organisation's data off the device, end to end in
// Chromium against the real server: a facilitator's tablet that synced an
// evening signs out and then holds nothing of the organisation in any
// IndexedDB database (every object store of Talka's, idb-keyval's, and any
// other) nor in Cache Storage, and shows no records. Signed in again, the
// work comes back from the server; a change made offline is then counted
// when signing out, a backup offered, and nothing removed until the person
// acknowledges it.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createCommunity, createWorkshop, expectScreen, expectText, openCommunityList, visible } from './support/notebook-steps';
import { useDeviceLab } from './support/device-lab';
import {
  addUser, expectAllSent, goOffline, goOnline, openApp, pendingChanges, setUpOrganisation, setupLinkOf, signIn, type Account,
} from './support/sync-steps';

const ORGANISATION = 'Latgales kopienu tīkls';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@latgale.example', password: 'koordinatore-2026' };
const ILZE: Account = { name: 'Ilze Kalniņa', email: 'ilze@latgale.example', password: 'planšete-2026' };
const COMMUNITY = { name: 'Rēznas kopiena', municipality: 'Rēzeknes novads', parish: 'Rēzna', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Ezera krasta darbnīca', date: '2026-12-03', startTime: '18:00', endTime: '20:00',
  place: 'Rēznas saieta nams', programme: 'KOPA', facilitators: ILZE.name,
};
const OFFLINE_COMMUNITY = { name: 'Kaunatas kopiena', municipality: 'Rēzeknes novads', parish: 'Kaunata', maturity: 'Veidojas' } as const;

/** What the organisation's data could be recognised by, anywhere on the device. */
const ORGANISATION_TEXTS = [ORGANISATION, COMMUNITY.name, WORKSHOP.title, WORKSHOP.place, OFFLINE_COMMUNITY.name, ILZE.email, ILZE.name];
/** The idb-keyval keys that are the device's own (src/account/account-keys.ts). */
const DEVICE_KEYS = [
  'talka:device-id', 'talka:language', 'talka:persistence-asked', 'talka:space-warning-dismissed',
  'talka:persist-notice-dismissed', 'talka:persist-notice-shown', 'talka:install-hint-dismissed',
];

const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', hasTouch: true, serviceWorkers: 'allow',
  acceptDownloads: true,
};

interface DeviceContents {
  /** Every IndexedDB database of the origin: each object store's rows (Blobs as '[blob]'). */
  databases: Record<string, Record<string, unknown[]>>;
  /** Every URL in Cache Storage. */
  cached: string[];
}

/** Opens every IndexedDB database and object store of the page's origin, and Cache Storage, and reads them whole. */
function deviceContents(page: Page): Promise<DeviceContents> {
  return page.evaluate(async () => {
    const read = <T,>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const databases: Record<string, Record<string, unknown[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await read(indexedDB.open(info.name));
      const stores: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await read(db.transaction(name, 'readonly').objectStore(name).getAll());
        const keys = await read(db.transaction(name, 'readonly').objectStore(name).getAllKeys());
        // Rows as plain JSON (a Blob as a marker), with the key beside each for stores without key paths (idb-keyval).
        stores[name] = rows.map((row, i) => JSON.parse(JSON.stringify({ key: keys[i], row }, (_, value: unknown) => (value instanceof Blob ? '[blob]' : value))));
      }
      db.close();
      databases[info.name] = stores;
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    }
    return { databases, cached };
  });
}

function rowsOf(contents: DeviceContents, database: string, store: string): { key: unknown; row: unknown }[] {
  return (contents.databases[database]?.[store] ?? []) as { key: unknown; row: unknown }[];
}

/** Presses "Iziet" in the header. */
async function pressSignOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Iziet', exact: true }).click();
}

/** The device holds nothing of the organisation: Talka's stores are empty but the clock, idb-keyval has only the device's keys, no cached API answer, and no text of the organisation anywhere. */
function expectEmptyOfOrganisation(contents: DeviceContents): void {
  const talka = contents.databases.talka;
  expect(talka, 'the Talka database').toBeDefined();
  for (const [store, rows] of Object.entries(talka!)) {
    if (store === 'meta') expect(rows.map((entry) => (entry as { row: { key: string } }).row.key), store).toEqual(['clock']);
    else expect(rows, store).toEqual([]);
  }
  const keyval = rowsOf(contents, 'keyval-store', 'keyval').map((entry) => entry.key);
  expect(keyval.filter((key) => typeof key !== 'string' || !DEVICE_KEYS.includes(key)), 'idb-keyval').toEqual([]);
  expect(contents.cached.filter((url) => new URL(url).pathname.startsWith('/api/')), 'Cache Storage').toEqual([]);
  const everything = JSON.stringify(contents);
  for (const text of ORGANISATION_TEXTS) expect(everything.includes(text), text).toBe(false);
}

describe('signing out takes the organisation’s data off the device', () => {
  let tablet: Page;
  const pageErrors: string[] = [];
  const lab = useDeviceLab(pageErrors);

  it('a facilitator’s tablet syncs an evening’s work', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    const laptop = await openApp(await lab.newDevice('C', { ...TABLET, viewport: { width: 1280, height: 800 } }), `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    await addUser(laptop, ILZE, 'Fasilitators');

    tablet = await openApp(await lab.newDevice('A', TABLET), '/login');
    await signIn(tablet, ILZE);
    // The facilitator creates the community, so the server assigns her to it.
    await tablet.goto('/communities/new');
    await createCommunity(tablet, COMMUNITY);
    await createWorkshop(tablet, WORKSHOP);
    await expectAllSent(tablet);

    const before = await deviceContents(tablet);
    expect(rowsOf(before, 'talka', 'communities')).toHaveLength(1);
    expect(rowsOf(before, 'talka', 'workshops')).toHaveLength(1);
    expect(rowsOf(before, 'keyval-store', 'keyval').map((entry) => entry.key)).toContain('talka:session');
  });

  it('signing out after the sync leaves no organisation record on the device and shows the sign-in page', async () => {
    await pressSignOut(tablet);
    await expectScreen(tablet, 'Pieslēgšanās');
    await visible(tablet.getByText('Iziešana pabeigta: organizācijas dati no šīs ierīces ir izdzēsti.'));
    expectEmptyOfOrganisation(await deviceContents(tablet));

    // No screen shows a record: the community list is empty, a deep link shows nothing of the workshop.
    await tablet.goto('/');
    await expectScreen(tablet, 'Kopienas');
    await visible(tablet.getByText('Vēl nav nevienas kopienas. Izveidojiet pirmo!'));
    expect(await tablet.getByText(COMMUNITY.name).count()).toBe(0);
    expectEmptyOfOrganisation(await deviceContents(tablet));
  });

  it('signed in again, the work comes back from the server', async () => {
    await signIn(tablet, ILZE);
    await openCommunityList(tablet);
    await visible(tablet.getByRole('link', { name: COMMUNITY.name }));
    await expectAllSent(tablet);
  });

  it('with a change made offline, signing out says how many are unsent, offers a backup and asks before removing them', async () => {
    await goOffline(tablet.context(), tablet);
    await tablet.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(tablet, OFFLINE_COMMUNITY);
    await expect.poll(() => pendingChanges(tablet)).toBe(1);

    await pressSignOut(tablet);
    const dialog = tablet.getByRole('dialog', { name: 'Ne viss ir nosūtīts uz serveri' });
    await visible(dialog);
    await expectText(dialog.getByTestId('sign-out-unsent'), 'Vēl nav nosūtīts uz serveri: 1 nenosūtīta izmaiņa, 0 nenosūtītu foto.');
    expect(await dialog.getByTestId('sign-out-unsent').getAttribute('data-changes')).toBe('1');
    await visible(dialog.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }));
    expect(await dialog.getByLabel('Aizsargāt ar paroli').isChecked()).toBe(true);
    const confirm = dialog.getByRole('button', { name: 'Izdzēst datus un iziet' });
    expect(await confirm.isDisabled()).toBe(true);

    // Cancelled: nothing is removed, the person is still signed in.
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await pendingChanges(tablet)).toBe(1);
    expect(rowsOf(await deviceContents(tablet), 'talka', 'communities')).toHaveLength(2);

    // Asked again and acknowledged: the device is emptied, offline as it is.
    await pressSignOut(tablet);
    await visible(dialog);
    await dialog.getByLabel('Saprotu, ka tas, kas nav nosūtīts un nav rezerves kopijā, tiks zaudēts').check();
    await confirm.click();
    await expectScreen(tablet, 'Pieslēgšanās');
    expectEmptyOfOrganisation(await deviceContents(tablet));
    await goOnline(tablet.context(), tablet);
    expect(pageErrors).toEqual([]);
  });
});
