import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uuidv7, type EditableFields } from '../../protocol';
import { Notebook, TalkaDatabase, takePushBatch } from '../db';
import { addPhoto, type PhotoParent } from '../db/photos';
import { sha256Hex } from '../domain/photo-hash';
import { ManualTimers, MemoryServer } from '../../testing/memory-server';
import { BlobIntegrityError, PHOTO_REFUSALS, downloadVerified, uploadPhotoBlobs, type BlobTransport, type PhotoProgress } from './blob-upload';
import { SyncEngine } from './engine';
import { ApiError } from '../net/api-error';

// happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
const image = (seed: number, length = 3000): Blob => {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 17 + seed * 5) % 256;
  return new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob;
};
const hashOf = async (blob: Blob) => sha256Hex(await blob.arrayBuffer());

/** The blob endpoints in memory, with the ways they fail in the field. */
class FakeBlobTransport implements BlobTransport {
  stored = new Map<string, Uint8Array>();
  log: string[] = [];
  /** The next PUT is cut halfway: nothing stored, the device sees a network error. */
  cutNextPut = false;
  /** The next HEAD gets no answer. */
  failNextHead = false;
  /** Larger bodies get 413, as the server's 15 MB limit does. */
  maxBytes = Number.POSITIVE_INFINITY;

  async head(sha256: string): Promise<boolean> {
    this.log.push(`HEAD ${sha256.slice(0, 8)}`);
    if (this.failNextHead) {
      this.failNextHead = false;
      throw new ApiError(0, 'network', 'offline');
    }
    return this.stored.has(sha256);
  }

  async put(sha256: string, blob: Blob): Promise<void> {
    this.log.push(`PUT ${sha256.slice(0, 8)}`);
    if (this.cutNextPut) {
      this.cutNextPut = false;
      throw new ApiError(0, 'network', 'connection reset');
    }
    if (blob.size > this.maxBytes) throw new ApiError(413, 'payload_too_large', 'The request body is larger than 15728640 bytes');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if ((await sha256Hex(bytes)) !== sha256) throw new ApiError(400, 'hash_mismatch', 'hash mismatch');
    this.stored.set(sha256, bytes);
  }

  async get(sha256: string): Promise<Blob> {
    this.log.push(`GET ${sha256.slice(0, 8)}`);
    const bytes = this.stored.get(sha256);
    if (!bytes) throw new ApiError(404, 'not_found', 'No such blob');
    return new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob;
  }
}

let db: TalkaDatabase;
let notebook: Notebook;
let workshop: PhotoParent;
let blobs: FakeBlobTransport;
let communityId: string;

const details = { caption: 'Plakāts', width: 2048, height: 1536 };
const authors = new Set(['tablet1']);
const batch = async () => (await takePushBatch(db, { maxCount: 1000, maxBytes: 1_000_000, authors })).mutations;
const needFields = (title: string): EditableFields<'needs'> => ({
  communityId, workshopId: null, title, description: '', category: 'safety', status: 'raised', owner: '',
});

beforeEach(async () => {
  db = new TalkaDatabase(`blob-upload-${crypto.randomUUID()}`);
  await db.open();
  notebook = new Notebook({ db, deviceId: 'tablet1' });
  communityId = await notebook.create('communities', {
    name: 'Ērgļu kopiena', municipality: 'LV-056', parish: '', description: '', maturity: 'active', contacts: [],
  });
  const workshopId = await notebook.create('workshops', {
    communityId, title: 'Darbnīca', kind: 'workshop', date: '2026-11-20', startTime: '', endTime: '', place: '', programme: '',
    facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
  });
  workshop = { table: 'workshops', id: workshopId, communityId };
  blobs = new FakeBlobTransport();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('uploadPhotoBlobs: the image goes up before its record', () => {
  it('PUTs an image the server does not have, marks it uploaded, and reports N of M with bytes', async () => {
    const photo = image(1);
    await addPhoto(notebook, workshop, details, photo, image(2, 10));
    const sha256 = await hashOf(photo);
    const progress: PhotoProgress[] = [];
    const mutations = await batch();
    const ready = await uploadPhotoBlobs(db, blobs, mutations, (p) => progress.push(p));
    expect(ready).toEqual(mutations);
    expect(blobs.log).toEqual([`HEAD ${sha256.slice(0, 8)}`, `PUT ${sha256.slice(0, 8)}`]);
    expect(blobs.stored.get(sha256)).toEqual(new Uint8Array(await photo.arrayBuffer()));
    expect((await db.blobs.get(sha256))?.state).toBe('uploaded');
    expect(progress).toEqual([
      { sent: 0, total: 1, bytes: 0, totalBytes: 3000 },
      { sent: 1, total: 1, bytes: 3000, totalBytes: 3000 },
    ]);
  });

  it('skips the PUT when HEAD says the server has the image (content-addressed: never stored twice)', async () => {
    const photo = image(3);
    const sha256 = await hashOf(photo);
    blobs.stored.set(sha256, new Uint8Array(await photo.arrayBuffer()));
    await addPhoto(notebook, workshop, details, photo, image(4, 10));
    await uploadPhotoBlobs(db, blobs, await batch());
    expect(blobs.log).toEqual([`HEAD ${sha256.slice(0, 8)}`]);
    expect((await db.blobs.get(sha256))?.state).toBe('uploaded');
  });

  it('asks nothing about an image already uploaded, nor for batches without photos or with caption edits only', async () => {
    const id = await addPhoto(notebook, workshop, details, image(5), image(6, 10));
    await uploadPhotoBlobs(db, blobs, await batch());
    await db.outbox.clear();
    blobs.log = [];
    await notebook.update('photos', id, { caption: 'Jauns paraksts' });
    await notebook.create('needs', needFields('Apgaismojums'));
    const mutations = await batch();
    expect(await uploadPhotoBlobs(db, blobs, mutations)).toEqual(mutations);
    expect(blobs.log).toEqual([]);
  });

  it('the same image on two records goes up once', async () => {
    const photo = image(7);
    const needId = await notebook.create('needs', needFields('Soliņi'));
    await addPhoto(notebook, workshop, details, photo, image(8, 10));
    await addPhoto(notebook, { table: 'needs', id: needId, communityId }, details, image(7), image(8, 10));
    await uploadPhotoBlobs(db, blobs, await batch());
    expect(blobs.log.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
  });

  it('an upload cut halfway throws a network failure and changes nothing; the retry from the queue sends it', async () => {
    const photo = image(9);
    await addPhoto(notebook, workshop, details, photo, image(10, 10));
    const sha256 = await hashOf(photo);
    blobs.cutNextPut = true;
    const failed = uploadPhotoBlobs(db, blobs, await batch());
    await expect(failed).rejects.toMatchObject({ failure: 'network' });
    expect((await db.blobs.get(sha256))?.state).toBe('local');
    const entries = await db.outbox.toArray();
    expect(entries.some((entry) => entry.table === 'photos' && !entry.rejection)).toBe(true);
    expect(blobs.stored.size).toBe(0);

    const mutations = await batch();
    expect(await uploadPhotoBlobs(db, blobs, mutations)).toEqual(mutations);
    expect(blobs.stored.has(sha256)).toBe(true);
    expect((await db.blobs.get(sha256))?.state).toBe('uploaded');
  });

  it('a HEAD with no answer is a network failure too, nothing marked', async () => {
    await addPhoto(notebook, workshop, details, image(11), image(12, 10));
    blobs.failNextHead = true;
    await expect(uploadPhotoBlobs(db, blobs, await batch())).rejects.toBeInstanceOf(ApiError);
    expect((await db.outbox.toArray()).every((entry) => !entry.rejection)).toBe(true);
  });

  it('413: the photo\'s change is marked refused with a code the app explains, the rest of the batch goes on', async () => {
    blobs.maxBytes = 2000;
    const photoId = await addPhoto(notebook, workshop, details, image(13, 5000), image(14, 10));
    const needId = await notebook.create('needs', needFields('Ceļš'));
    const ready = await uploadPhotoBlobs(db, blobs, await batch());
    expect(ready.map((mutation) => mutation.recordId)).not.toContain(photoId);
    expect(ready.map((mutation) => mutation.recordId)).toContain(needId);
    const photoEntry = (await db.outbox.toArray()).find((entry) => entry.recordId === photoId)!;
    expect(photoEntry.rejection).toEqual({ code: PHOTO_REFUSALS.tooLarge, message: 'The request body is larger than 15728640 bytes' });
    // Refused changes are kept and shown, and not taken again for the next push.
    expect((await batch()).map((mutation) => mutation.recordId)).not.toContain(photoId);
  });

  it('an image neither here nor on the server is refused as missing rather than pushed as a dangling record', async () => {
    const photo = image(15);
    const photoId = await addPhoto(notebook, workshop, details, photo, image(16, 10));
    await db.blobs.clear();
    const ready = await uploadPhotoBlobs(db, blobs, await batch());
    expect(ready.map((mutation) => mutation.recordId)).not.toContain(photoId);
    expect((await db.outbox.toArray()).find((entry) => entry.recordId === photoId)?.rejection?.code).toBe(PHOTO_REFUSALS.missing);
  });

  it('an image the browser can no longer read is refused as missing, not retried forever as a network failure', async () => {
    const photoId = await addPhoto(notebook, workshop, details, image(23), image(24, 10));
    const needId = await notebook.create('needs', needFields('Tilts'));
    const read = vi.spyOn(NodeBlob.prototype, 'arrayBuffer').mockRejectedValueOnce(new DOMException('The file could not be read', 'NotReadableError'));
    const ready = await uploadPhotoBlobs(db, blobs, await batch());
    read.mockRestore();
    expect(ready.map((mutation) => mutation.recordId)).toContain(needId);
    expect((await db.outbox.toArray()).find((entry) => entry.recordId === photoId)?.rejection?.code).toBe(PHOTO_REFUSALS.missing);
  });
});

describe('downloadVerified', () => {
  it('gives back bytes whose hash is the one asked for', async () => {
    const photo = image(17);
    const sha256 = await hashOf(photo);
    blobs.stored.set(sha256, new Uint8Array(await photo.arrayBuffer()));
    expect(await hashOf(await downloadVerified(blobs, sha256))).toBe(sha256);
  });

  it('refuses bytes that are not what the hash names', async () => {
    const sha256 = await hashOf(image(18));
    blobs.stored.set(sha256, new Uint8Array([1, 2, 3]));
    await expect(downloadVerified(blobs, sha256)).rejects.toBeInstanceOf(BlobIntegrityError);
  });
});

describe('the sync engine with photos', () => {
  function engineWith(server: MemoryServer, log: string[]): SyncEngine {
    const transport = server.transport();
    return new SyncEngine({
      db, deviceId: 'tablet1', newId: () => uuidv7(Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n))),
      timers: new ManualTimers(), random: () => 0.5, authors: () => authors, blobs,
      transport: {
        push: async (request) => {
          log.push(`push ${request.mutations.map((mutation) => mutation.table).join(',')}`);
          return transport.push(request);
        },
        pull: transport.pull,
      },
    });
  }

  it('uploads the image, then pushes the record; a cut upload is retried and the record arrives once', async () => {
    const server = new MemoryServer();
    const log: string[] = [];
    const engine = engineWith(server, log);
    const photoId = await addPhoto(notebook, workshop, details, image(19), image(20, 10));
    blobs.cutNextPut = true;
    await engine.run();
    expect(engine.getStatus().lastFailure).toBe('network');
    expect(log).toEqual([]);
    expect(await db.outbox.count()).toBeGreaterThan(0);

    await engine.run();
    engine.stop();
    expect(engine.getStatus().lastFailure).toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect(blobs.log.filter((line) => line.startsWith('PUT'))).toHaveLength(2);
    expect(log).toEqual(['push communities,workshops,photos']);
    expect(server.records.get(photoId)?.table).toBe('photos');
  });

  it('a photo too large for the server is refused and kept; everything else syncs', async () => {
    const server = new MemoryServer();
    const engine = engineWith(server, []);
    blobs.maxBytes = 100;
    const photoId = await addPhoto(notebook, workshop, details, image(21), image(22, 10));
    await engine.run();
    engine.stop();
    expect(engine.getStatus().lastFailure).toBeNull();
    const left = await db.outbox.toArray();
    expect(left.map((entry) => [entry.recordId, entry.rejection?.code])).toEqual([[photoId, PHOTO_REFUSALS.tooLarge]]);
    expect(server.records.has(workshop.id)).toBe(true);
    expect(server.records.has(photoId)).toBe(false);
  });
});
