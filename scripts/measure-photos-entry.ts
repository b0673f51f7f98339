// Runs in Chromium (bundled by measure-photos.ts): the app's own photo code
// on camera-sized JPEGs drawn by tests/e2e/fixtures/camera-photo.ts —
// resizing (src/ui/photos/image-resize.ts), storing (src/db/photos.ts), and a
// whole sync through the engine with the HTTP transports against the real
// server on loopback. Nothing here is used by the app.
import { Notebook, TalkaDatabase } from '../src/db';
import { addPhoto } from '../src/db/photos';
import { HttpBlobTransport } from '../src/sync/blob-upload-http';
import { SyncEngine } from '../src/sync/engine';
import { HttpTransport } from '../src/sync/http-transport';
import { resizePhoto } from '../src/ui/photos/image-resize';
import { communityFields, workshopFields } from '../testing/fixtures';

declare global {
  // Defined by CAMERA_PHOTO_SCRIPT.
  var talkaCameraPhoto: (width: number, height: number, seed: number, quality: number) => Promise<Blob>;
}

export interface ResizeResult {
  sourceBytes: number;
  fullBytes: number;
  thumbBytes: number;
  width: number;
  height: number;
  thumbType: string;
  resizeMs: number;
}

export interface UploadResult {
  photos: number;
  photoBytes: number;
  /** From the first HEAD to the last image acknowledged. */
  uploadMs: number;
  /** The whole engine run: images, then the records, then the pull. */
  syncMs: number;
  failure: string | null;
  pendingAfter: number;
}

async function resizeOne(seed: number): Promise<{ result: ResizeResult; resized: Awaited<ReturnType<typeof resizePhoto>> }> {
  const source = await globalThis.talkaCameraPhoto(4000, 3000, seed, 0.92);
  const started = performance.now();
  const resized = await resizePhoto(new File([source], `IMG_${seed}.jpg`, { type: 'image/jpeg' }));
  return {
    resized,
    result: {
      sourceBytes: source.size, fullBytes: resized.blob.size, thumbBytes: resized.thumb.size, width: resized.width, height: resized.height,
      thumbType: resized.thumb.type, resizeMs: performance.now() - started,
    },
  };
}

async function measureResize(seed: number): Promise<ResizeResult> {
  return (await resizeOne(seed)).result;
}

/** Takes `seeds.length` photos offline on a fresh device, then times one sync of them to the server. */
async function measureUpload(token: string, userId: string, seeds: readonly number[]): Promise<UploadResult> {
  const db = new TalkaDatabase(`measure-${crypto.randomUUID()}`);
  await db.open();
  const deviceId = crypto.randomUUID();
  const notebook = new Notebook({ db, deviceId, author: () => userId });
  const communityId = await notebook.create('communities', communityFields({ name: 'Mērījumu kopiena' }));
  const workshopId = await notebook.create('workshops', workshopFields(communityId, { title: 'Darbnīca ar 20 foto', status: 'held' }));
  let photoBytes = 0;
  for (const seed of seeds) {
    const { resized } = await resizeOne(seed);
    photoBytes += resized.blob.size;
    await addPhoto(notebook, { table: 'workshops', id: workshopId, communityId }, { caption: `Foto ${seed}`, width: resized.width, height: resized.height },
      resized.blob, resized.thumb);
  }
  let uploadStarted = 0;
  let uploadEnded = 0;
  const engine = new SyncEngine({
    db, deviceId, newId: () => notebook.newId(), authors: () => new Set([userId]),
    transport: new HttpTransport({ token: () => token }),
    blobs: new HttpBlobTransport({ token: () => token }),
    onStatus: (status) => {
      const photos = status.progress?.photos;
      if (!photos) return;
      if (photos.sent === 0 && uploadStarted === 0) uploadStarted = performance.now();
      if (photos.sent === photos.total) uploadEnded = performance.now();
    },
  });
  const started = performance.now();
  await engine.run();
  const syncMs = performance.now() - started;
  engine.stop();
  const pendingAfter = await db.outbox.count();
  db.close();
  await db.delete();
  return { photos: seeds.length, photoBytes, uploadMs: uploadEnded - uploadStarted, syncMs, failure: engine.getStatus().lastFailure, pendingAfter };
}

Object.assign(globalThis, { talkaMeasureResize: measureResize, talkaMeasureUpload: measureUpload });
