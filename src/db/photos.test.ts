import { Blob as NodeBlob } from 'node:buffer';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/photo-hash';
import { TalkaDatabase } from './database';
import { ValidationError } from './errors';
import { Notebook } from './notebook';
import {
  addPhoto, getBlobRows, listPhotos, markBlobUploaded, noteRemoteBlob, storeDownloadedBlob, type PhotoParent,
} from './photos';

// happy-dom's Blob does not survive IndexedDB's structured clone in fake-indexeddb; Node's does (as a browser's does).
function jpeg(seed: number, length = 4000): Blob {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 13 + seed * 7) % 256;
  return new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob;
}

async function hashOf(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}

let db: TalkaDatabase;
let notebook: Notebook;
let workshop: PhotoParent;
let need: PhotoParent;

beforeEach(async () => {
  db = new TalkaDatabase(`photos-${crypto.randomUUID()}`);
  await db.open();
  let now = 1_700_000_000_000;
  notebook = new Notebook({ db, deviceId: 'tablet1', now: () => (now += 1000) });
  const communityId = await notebook.create('communities', {
    name: 'Drabešu kopiena', municipality: 'LV-022', parish: '', description: '', maturity: 'active', contacts: [],
  });
  const workshopId = await notebook.create('workshops', {
    communityId, title: 'Darbnīca', kind: 'workshop', date: '2026-11-20', startTime: '', endTime: '', place: '', programme: '',
    facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
  });
  const needId = await notebook.create('needs', {
    communityId, workshopId, title: 'Apgaismojums', description: '', category: 'safety', status: 'raised', owner: '',
  });
  workshop = { table: 'workshops', id: workshopId, communityId };
  need = { table: 'needs', id: needId, communityId };
  await db.outbox.clear();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('addPhoto: the image, the record and its outbox entry in one transaction', () => {
  it('writes the blob row (local), the photo record naming its SHA-256, and one outbox entry', async () => {
    const image = jpeg(1, 5000);
    const thumb = jpeg(2, 300);
    const id = await addPhoto(notebook, workshop, { caption: '  Vajadzību plakāts ', width: 2048, height: 1536 }, image, thumb);
    const sha256 = await hashOf(image);

    const blobs = await db.blobs.toArray();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]).toMatchObject({ sha256, mime: 'image/jpeg', size: 5000, state: 'local' });
    expect(await hashOf(blobs[0]!.blob!)).toBe(sha256);
    expect(blobs[0]!.thumb!.size).toBe(300);

    expect(await db.photos.get(id)).toMatchObject({
      communityId: workshop.communityId, parentTable: 'workshops', parentId: workshop.id, caption: 'Vajadzību plakāts',
      sha256, mime: 'image/jpeg', size: 5000, width: 2048, height: 1536, deleted: false,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'photos', recordId: id, op: 'put' });
    expect(outbox[0]!.fields).toMatchObject({ sha256, size: 5000, parentId: workshop.id });
  });

  it('a record that fails validation leaves no blob, no record and no outbox entry', async () => {
    const failing = addPhoto(notebook, workshop, { caption: 'x'.repeat(201), width: 10, height: 10 }, jpeg(1), jpeg(2, 10));
    await expect(failing).rejects.toBeInstanceOf(ValidationError);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('an image type the protocol does not take (GIF) is refused before anything is kept', async () => {
    const gif = new NodeBlob([new Uint8Array([71, 73, 70])], { type: 'image/gif' }) as unknown as Blob;
    await expect(addPhoto(notebook, workshop, { caption: '', width: 1, height: 1 }, gif, gif)).rejects.toBeInstanceOf(ValidationError);
    expect([await db.blobs.count(), await db.photos.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
  });

  it('the same image twice on one record is one blob and one photo', async () => {
    const first = await addPhoto(notebook, workshop, { caption: 'A', width: 10, height: 10 }, jpeg(7), jpeg(8, 10));
    const second = await addPhoto(notebook, workshop, { caption: 'B', width: 10, height: 10 }, jpeg(7), jpeg(8, 10));
    expect(second).toBe(first);
    expect(await db.blobs.count()).toBe(1);
    expect(await listPhotos(db, workshop.id)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('the same image on two records is one blob named by two photos', async () => {
    await addPhoto(notebook, workshop, { caption: '', width: 10, height: 10 }, jpeg(7), jpeg(8, 10));
    await addPhoto(notebook, need, { caption: '', width: 10, height: 10 }, jpeg(7), jpeg(8, 10));
    expect(await db.blobs.count()).toBe(1);
    expect(await db.photos.count()).toBe(2);
  });

  it('an image already on the server (known as remote) is not uploaded again', async () => {
    const image = jpeg(3);
    const sha256 = await hashOf(image);
    await noteRemoteBlob(db, { sha256, mime: 'image/jpeg', size: image.size });
    await addPhoto(notebook, need, { caption: '', width: 10, height: 10 }, image, jpeg(4, 10));
    expect(await db.blobs.get(sha256)).toMatchObject({ state: 'uploaded' });
  });

  it('a second photo of an uploaded image leaves it uploaded', async () => {
    const image = jpeg(5);
    await addPhoto(notebook, workshop, { caption: '', width: 10, height: 10 }, image, jpeg(6, 10));
    const sha256 = await hashOf(image);
    await markBlobUploaded(db, sha256);
    await addPhoto(notebook, need, { caption: '', width: 10, height: 10 }, jpeg(5), jpeg(6, 10));
    expect(await db.blobs.get(sha256)).toMatchObject({ state: 'uploaded' });
  });
});

describe('photos from other devices', () => {
  it('a pulled photo\'s image is noted as remote, then kept as uploaded once downloaded', async () => {
    const image = jpeg(9);
    const sha256 = await hashOf(image);
    await noteRemoteBlob(db, { sha256, mime: 'image/jpeg', size: image.size });
    expect(await db.blobs.get(sha256)).toMatchObject({ state: 'remote', blob: null, thumb: null, size: image.size });
    await storeDownloadedBlob(db, sha256, image, jpeg(10, 20));
    const row = (await getBlobRows(db, [sha256])).get(sha256)!;
    expect(row.state).toBe('uploaded');
    expect(await hashOf(row.blob!)).toBe(sha256);
    // Noting it again changes nothing.
    await noteRemoteBlob(db, { sha256, mime: 'image/jpeg', size: image.size });
    expect((await db.blobs.get(sha256))!.state).toBe('uploaded');
  });

  it('listPhotos leaves deleted photos out, oldest first', async () => {
    const a = await addPhoto(notebook, workshop, { caption: 'a', width: 1, height: 1 }, jpeg(11), jpeg(12, 5));
    const b = await addPhoto(notebook, workshop, { caption: 'b', width: 1, height: 1 }, jpeg(13), jpeg(14, 5));
    const c = await addPhoto(notebook, workshop, { caption: 'c', width: 1, height: 1 }, jpeg(15), jpeg(16, 5));
    await notebook.remove('photos', b);
    expect((await listPhotos(db, workshop.id)).map((photo) => photo.id)).toEqual([a, c]);
    await notebook.restore('photos', b);
    expect((await listPhotos(db, workshop.id)).map((photo) => photo.id)).toEqual([a, b, c]);
  });
});

describe('schema version 2', () => {
  it('a device on version 1 keeps every record and gains the blobs table', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      communities: 'id, updatedAt', workshops: 'id, communityId, date', participants: 'id, communityId',
      attendance: 'id, workshopId, participantId, communityId', needs: 'id, communityId, workshopId',
      votes: 'id, workshopId, needId, communityId', resources: 'id, communityId', actions: 'id, communityId, needId',
      swot: 'id, communityId, workshopId', photos: 'id, communityId, parentId, sha256', conflicts: 'id, recordId, resolved',
      outbox: '++seq, &id, recordId', meta: 'key',
    });
    await old.open();
    await old.table('needs').put({ id: 'n1', communityId: 'c1', title: 'Ceļš' });
    await old.table('outbox').add({ id: 'o1', recordId: 'n1', table: 'needs' });
    old.close();

    const upgraded = new TalkaDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(2);
    expect(await upgraded.table('needs').get('n1')).toMatchObject({ title: 'Ceļš' });
    expect(await upgraded.outbox.count()).toBe(1);
    expect(await upgraded.blobs.where('state').equals('local').count()).toBe(0);
    upgraded.close();
    await upgraded.delete();
  });
});
