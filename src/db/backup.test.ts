import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TABLES } from '../../protocol';
import { BackupError, exportBackup, importBackup, isEncryptedBackup, type ImportOptions } from './backup';
import { countUnsent, takeInventory } from './backup-inventory';
import { TalkaDatabase } from './database';
import { clearLocalData } from './device-owner';
import { eraseParticipant } from './erasure';
import { setDataOwner } from './meta';
import { Notebook } from './notebook';

// fake-indexeddb keeps Node's Blobs (happy-dom's do not survive its structured clone).
const makeBlob = (bytes: Uint8Array<ArrayBuffer>, type: string) => new NodeBlob([bytes], { type }) as unknown as Blob;
const nodeBlob = (bytes: number[], type: string) => new NodeBlob([new Uint8Array(bytes)], { type }) as unknown as Blob;

const ORG = '0190a0a0-0000-7000-8000-000000000001';
const OTHER_ORG = '0190a0a0-0000-7000-8000-000000000002';

let clock = 1_790_000_000_000;
const now = () => (clock += 7);
const databases: TalkaDatabase[] = [];

function device(deviceId: string): Notebook {
  const db = new TalkaDatabase(`backup-${deviceId}-${crypto.randomUUID()}`);
  databases.push(db);
  return new Notebook({ db, deviceId, now, author: () => 'user-ilze' });
}

afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** An evening's work: a community, a workshop with notes, two people checked in, a need, a photo. */
async function fillEvening(notebook: Notebook): Promise<{ communityId: string; workshopId: string }> {
  const communityId = await notebook.create('communities', {
    name: 'Lazdonas kopiena', municipality: 'LV-MAD', parish: 'Lazdona', description: 'Pie ezera', maturity: 'active', contacts: [],
  });
  const workshopId = await notebook.create('workshops', {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: '2026-11-23', startTime: '18:00', endTime: '20:30',
    place: 'Tautas nams', programme: 'Drošas kopienas', facilitators: 'Ilze', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
  });
  await notebook.update('workshops', workshopId, { notes: 'Gaisma pie pieturas; traktors laukumam.' });
  const workshop = { id: workshopId, communityId };
  for (const name of ['Jānis Bērziņš', 'Anna Ozoliņa']) {
    await notebook.addWalkIn(workshop, {
      communityId, name, household: '', phone: '', email: '', role: 'resident', consentData: true, consentPhotos: false, consentDate: '2026-11-23', erased: false,
    });
  }
  await notebook.create('needs', {
    communityId, workshopId, title: 'Apgaismojums', description: '', category: 'safety', status: 'raised', owner: '',
  });
  await notebook.db.blobs.put({
    sha256: 'a'.repeat(64), blob: nodeBlob([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9], 'image/jpeg'), thumb: nodeBlob([0xff, 0xd8, 9, 0xff, 0xd9], 'image/jpeg'),
    mime: 'image/jpeg', size: 7, state: 'local',
  });
  await notebook.db.blobs.put({ sha256: 'b'.repeat(64), blob: null, thumb: null, mime: 'image/webp', size: 1234, state: 'remote' });
  await notebook.db.meta.put({ key: 'cursor', value: 'c-42' });
  return { communityId, workshopId };
}

/** Every table's rows, the outbox without its local order, and the meta keys that matter. */
async function contents(db: TalkaDatabase) {
  const records = Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await db.table(table).orderBy('id').toArray()] as const)));
  const outbox = (await db.outbox.orderBy('seq').toArray()).map(({ seq: _seq, ...entry }) => entry);
  const blobs = await Promise.all((await db.blobs.orderBy('sha256').toArray()).map(async (row) => ({
    ...row,
    blob: row.blob ? [...new Uint8Array(await row.blob.arrayBuffer())] : null,
    thumb: row.thumb ? [...new Uint8Array(await row.thumb.arrayBuffer())] : null,
  })));
  const meta = Object.fromEntries((await db.meta.toArray()).map((entry) => [entry.key, entry.value]));
  return { records, outbox, blobs, meta };
}

const importInto = (notebook: Notebook, bytes: Uint8Array<ArrayBuffer>, options: Partial<ImportOptions> = {}) =>
  importBackup(notebook.db, bytes, { deviceId: notebook.deviceId, organisationId: null, now, makeBlob, ...options });

describe('backup round trip', () => {
  let tablet: Notebook;
  beforeEach(async () => {
    tablet = device('tablet-A');
    await fillEvening(tablet);
  });

  it('carries every record with its clocks, the outbox, the cursor and the images to a fresh device', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    expect(file.fileName).toMatch(/^talka-rezerves-kopija-\d{4}-\d{2}-\d{2}\.talka$/);
    expect(file.encrypted).toBe(false);
    expect(isEncryptedBackup(file.bytes)).toBe(false);

    const fresh = device('tablet-B');
    const summary = await importInto(fresh, file.bytes);
    const before = await contents(tablet.db);
    const after = await contents(fresh.db);
    expect(after.records).toEqual(before.records);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.blobs).toEqual(before.blobs);
    expect(after.meta.cursor).toBe('c-42');
    expect(summary.inFile).toEqual({ records: file.counts.records, changes: file.counts.changes, photos: 1 });
    expect(summary.imported).toEqual(summary.inFile);
    expect(file.counts.records).toBe(1 + 1 + 2 + 2 + 1);
    expect(await countUnsent(fresh.db)).toEqual({ changes: before.outbox.length, photos: 1 });
  });

  it('encrypts with a passphrase: nothing readable in the file, and the same data comes back', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', passphrase: 'Rudens vakars pie ezera', now });
    expect(file.encrypted).toBe(true);
    expect(isEncryptedBackup(file.bytes)).toBe(true);
    const asText = new TextDecoder().decode(file.bytes);
    expect(asText).toContain('"iterations":600000');
    expect(asText).not.toContain('Lazdon');

    const fresh = device('tablet-B');
    await importInto(fresh, file.bytes, { passphrase: 'Rudens vakars pie ezera' });
    expect((await contents(fresh.db)).records).toEqual((await contents(tablet.db)).records);
  });

  it('refuses a wrong or missing passphrase clearly and imports nothing', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', passphrase: 'pareizā parole', now });
    const fresh = device('tablet-B');
    const empty = await contents(fresh.db);
    await expect(importInto(fresh, file.bytes, { passphrase: 'nepareizā parole' })).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(importInto(fresh, file.bytes)).rejects.toMatchObject({ problem: 'passphrase_required' });
    expect(await contents(fresh.db)).toEqual(empty);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const fresh = device('tablet-B');
    await importInto(fresh, file.bytes);
    const once = await contents(fresh.db);
    const again = await importInto(fresh, file.bytes);
    expect(again.imported).toEqual({ records: 0, changes: 0, photos: 0 });
    expect(await contents(fresh.db)).toEqual(once);
  });

  it('restores the outbox on the same device after a wipe, so the unsent changes still go out', async () => {
    const before = await contents(tablet.db);
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    await clearLocalData(tablet.db);
    await tablet.db.blobs.clear();
    expect(await tablet.db.outbox.count()).toBe(0);
    await importInto(tablet, file.bytes);
    const after = await contents(tablet.db);
    expect(after.outbox).toEqual(before.outbox);
    expect(after.records).toEqual(before.records);
  });

  it('keeps a field the device changed later; takes one the file changed later', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const other = device('tablet-B');
    await importInto(other, file.bytes);
    const workshop = (await other.db.workshops.toArray())[0]!;
    // B writes newer notes after the backup was made…
    await other.update('workshops', workshop.id, { notes: 'Jaunākās piezīmes no B' });
    // …and A, later still, renames the workshop.
    await tablet.update('workshops', workshop.id, { title: 'Apkaimes darbnīca (1.)' });
    const later = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });

    await importInto(other, file.bytes);
    await importInto(other, later.bytes);
    const merged = (await other.db.workshops.get(workshop.id))!;
    expect(merged.notes).toBe('Jaunākās piezīmes no B');
    expect(merged.title).toBe('Apkaimes darbnīca (1.)');
    expect(merged.clocks.notes).toMatch(/:tablet-B$/);
    expect(merged.clocks.title).toMatch(/:tablet-A$/);
    // B's next edit sorts after everything it has seen.
    await other.update('workshops', workshop.id, { place: 'Skola' });
    const edited = (await other.db.workshops.get(workshop.id))!;
    expect(edited.clocks.place! > merged.clocks.title!).toBe(true);
  });

  it('offers back what was deleted here after the file was made, restoring nothing by itself', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const need = (await tablet.db.needs.toArray())[0]!;
    const workshop = (await tablet.db.workshops.toArray())[0]!;
    await tablet.removeTogether([{ table: 'workshops', id: workshop.id }]);
    await tablet.remove('needs', need.id);
    const summary = await importInto(tablet, file.bytes);
    expect(summary.deletedSince).toEqual(expect.arrayContaining([
      { table: 'workshops', id: workshop.id, title: 'Apkaimes darbnīca' },
      { table: 'needs', id: need.id, title: 'Apgaismojums' },
    ]));
    expect(summary.deletedSince).toHaveLength(2);
    expect((await tablet.db.needs.get(need.id))?.deleted).toBe(true);
    await tablet.restoreTogether(summary.deletedSince);
    expect((await tablet.db.needs.get(need.id))?.deleted).toBe(false);
    expect((await tablet.db.workshops.get(workshop.id))?.deleted).toBe(false);
    // Once restored, the same file offers nothing.
    expect((await importInto(tablet, file.bytes)).deletedSince).toEqual([]);
  });

  it('never writes an erased person back, nor their unsent changes', async () => {
    const person = (await tablet.db.participants.toArray()).find((row) => row.name === 'Jānis Bērziņš')!;
    await tablet.update('participants', person.id, { phone: '+371 26 000 001' });
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    await eraseParticipant(tablet, person.id, 'user-dace');
    const summary = await importInto(tablet, file.bytes);
    expect(summary.erasedSkipped).toBe(1);
    const after = (await tablet.db.participants.get(person.id))!;
    expect(after).toMatchObject({ erased: true, phone: '' });
    expect(after.name).not.toBe('Jānis Bērziņš');
    const queued = JSON.stringify(await tablet.db.outbox.toArray());
    expect(queued).not.toContain('Jānis Bērziņš');
    expect(queued).not.toContain('26 000 001');
  });

  it("refuses another organisation's file and imports nothing", async () => {
    await setDataOwner(tablet.db, ORG);
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const theirs = device('tablet-B');
    await setDataOwner(theirs.db, OTHER_ORG);
    const before = await contents(theirs.db);
    const refusal = await importInto(theirs, file.bytes).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).problem).toBe('foreign_organisation');
    expect(await contents(theirs.db)).toEqual(before);
    // The signed-in organisation counts even on a device that holds nothing yet.
    await expect(importInto(device('tablet-C'), file.bytes, { organisationId: OTHER_ORG })).rejects.toMatchObject({ problem: 'foreign_organisation' });
    // A fresh device takes the file's organisation as its data's owner.
    const fresh = device('tablet-D');
    await importInto(fresh, file.bytes);
    expect((await fresh.db.meta.get('organisationId'))?.value).toBe(ORG);
  });

  it('refuses what is not a backup, and a damaged one, before writing anything', async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const fresh = device('tablet-B');
    await expect(importInto(fresh, new TextEncoder().encode('vārds,uzvārds\nJānis,Bērziņš'))).rejects.toMatchObject({ problem: 'not_a_backup' });
    const cut = file.bytes.slice(0, file.bytes.length - 20);
    await expect(importInto(fresh, cut)).rejects.toBeInstanceOf(BackupError);
    const encrypted = await exportBackup(tablet.db, { deviceId: 'tablet-A', passphrase: 'parole123', now });
    const altered = encrypted.bytes.slice();
    altered[altered.length - 5]! ^= 1;
    await expect(importInto(fresh, altered, { passphrase: 'parole123' })).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    expect(await fresh.db.communities.count()).toBe(0);
  });

  it("fills in an image this device knew only as on the server, without queueing it for upload", async () => {
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const laptop = device('laptop');
    await laptop.db.blobs.put({ sha256: 'a'.repeat(64), blob: null, thumb: null, mime: 'image/jpeg', size: 7, state: 'remote' });
    const summary = await importInto(laptop, file.bytes);
    expect(summary.imported.photos).toBe(1);
    const row = (await laptop.db.blobs.get('a'.repeat(64)))!;
    expect(row.state).toBe('uploaded');
    expect([...new Uint8Array(await row.blob!.arrayBuffer())]).toEqual([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
  });

  it("hands changes typed before anyone signed in to the new device's sign-in; a user's own stay theirs", async () => {
    const anonymous = new Notebook({ db: tablet.db, deviceId: 'tablet-A', now });
    await anonymous.create('swot', { communityId: (await tablet.db.communities.toArray())[0]!.id, workshopId: null, quadrant: 'threats', text: 'Slēgs skolu' });
    const file = await exportBackup(tablet.db, { deviceId: 'tablet-A', now });
    const other = device('tablet-B');
    await importInto(other, file.bytes);
    const authors = new Set((await other.db.outbox.toArray()).map((entry) => entry.author));
    expect(authors).toEqual(new Set(['user-ilze', 'tablet-B']));
  });

  it('counts what the device holds for the storage panel', async () => {
    expect(await takeInventory(tablet.db)).toEqual({ changes: await tablet.db.outbox.count(), photos: 1, records: 7, images: 1, imageBytes: 7 + 5 });
  });
});
