// Collecting photos no record needs (server/blobs/collect-photos.ts), on both
// databases and both photo stores: kept while a live photo record names them,
// or one deleted within the bin period, or while they are younger than the
// grace period; forgotten per organisation; bytes deleted once nobody owns them.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN_DAYS, collectPhotos, PHOTO_GRACE_DAYS, planPhotoCollection } from '../../server/blobs/collect-photos';
import { startLocalS3, type LocalS3 } from '../../testing/s3';
import { communityFields, needFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { call, createOrganisation, startServer, type TestOrganisation, type TestServer } from './support/harness';

const DAY = 24 * 60 * 60 * 1000;
const RULES = { graceDays: PHOTO_GRACE_DAYS, binDays: BIN_DAYS };

function photoBytes(seed: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Array.from({ length: 3000 + seed }, (_, i) => (i * seed + 11) % 256));
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.stop();
});

const CASES = backends().flatMap((backend) => (['files', 's3'] as const).map((store) => ({ backend, store, name: `${backend.name}, photos in ${store}` })));

describe.each(CASES)('photo collection on $name', ({ backend, store }) => {
  let server: TestServer;
  let a: TestOrganisation;
  let b: TestOrganisation;

  beforeEach(async () => {
    server = await startServer(backend, store === 's3' ? { s3: await s3.newBucket() } : {});
    // Stored bytes carry the real time (file or object dates), so the server's clock starts there.
    server.time.now = Date.now();
    a = await createOrganisation(server, 'Ogres biedrība');
    b = await createOrganisation(server, 'Cēsu biedrība');
  });
  afterEach(async () => {
    await server.close();
  });

  const upload = async (org: TestOrganisation, bytes: Uint8Array<ArrayBuffer>) => {
    const reply = await call(server, 'PUT', `/api/blobs/${sha256(bytes)}`, { token: org.coordinator.token, body: bytes, headers: { 'Content-Type': 'image/jpeg' } });
    expect(reply.status).toBeLessThan(300);
    return sha256(bytes);
  };
  const canRead = async (org: TestOrganisation, hash: string) => (await call(server, 'GET', `/api/blobs/${hash}`, { token: org.coordinator.token })).status === 200;
  const stored = async () => {
    const hashes: string[] = [];
    for await (const blob of server.blobs.list()) hashes.push(blob.sha256);
    return hashes.sort();
  };

  /** A tablet of the organisation with a need to hang photos on. */
  async function tabletOf(org: TestOrganisation, name: string) {
    const tablet = new TestDevice(name, () => server.time.now, org.coordinator.token);
    const communityId = tablet.create('communities', communityFields());
    const needId = tablet.create('needs', needFields(communityId));
    const photo = (hash: string) => tablet.create('photos', {
      communityId, parentTable: 'needs', parentId: needId, caption: '', sha256: hash, mime: 'image/jpeg', size: 3000, width: 10, height: 10,
    });
    return { tablet, photo };
  }

  it('keeps what a live record, a record in the bin or a recent upload needs, and deletes the rest after listing it', async () => {
    const [live, inBin, binEmptied, neverUsed, shared, recent, orphan] = [1, 2, 3, 4, 5, 6, 7].map(photoBytes);
    const liveHash = await upload(a, live!);
    const inBinHash = await upload(a, inBin!);
    const binEmptiedHash = await upload(a, binEmptied!);
    const neverUsedHash = await upload(a, neverUsed!);
    const sharedHash = await upload(a, shared!);
    await upload(b, shared!);
    // Bytes whose upload failed before the organisation's ownership was written.
    await server.blobs.write(sha256(orphan!), orphan!);

    const { tablet, photo } = await tabletOf(a, 'tablet-a');
    photo(liveHash);
    const inBinRecord = photo(inBinHash);
    const binEmptiedRecord = photo(binEmptiedHash);
    tablet.update('photos', binEmptiedRecord, { deleted: true });
    await tablet.sync(server);
    const other = await tabletOf(b, 'tablet-b');
    other.photo(sharedHash);
    await other.tablet.sync(server);

    server.time.now += 20 * DAY;
    tablet.update('photos', inBinRecord, { deleted: true });
    await tablet.sync(server);
    server.time.now += 18 * DAY;
    const recentHash = await upload(a, recent!);
    server.time.now += 2 * DAY;

    // 40 days on: the record deleted first has left the bin; the other is 20 days in it; `recent` is 2 days old.
    const before = await stored();
    const plan = await planPhotoCollection(server.store, server.blobs, server.time.now, RULES);
    expect(plan.owners.map((owner) => [owner.orgId, owner.sha256]).sort()).toEqual(
      [[a.orgId, binEmptiedHash], [a.orgId, neverUsedHash], [a.orgId, sharedHash]].sort(),
    );
    expect(plan.blobs.map((blob) => blob.sha256).sort()).toEqual([binEmptiedHash, neverUsedHash, sha256(orphan!)].sort());
    expect(await stored()).toEqual(before);

    await collectPhotos(server.store, server.blobs, plan);
    expect(await stored()).toEqual([liveHash, inBinHash, sharedHash, recentHash].sort());
    for (const hash of [liveHash, inBinHash, recentHash]) expect(await canRead(a, hash)).toBe(true);
    for (const hash of [binEmptiedHash, neverUsedHash, sharedHash]) expect(await canRead(a, hash)).toBe(false);
    expect(await canRead(b, sharedHash)).toBe(true);
  });

  it('a photo uploaded again restarts its grace period', async () => {
    const bytes = photoBytes(9);
    const hash = await upload(a, bytes);
    server.time.now += 10 * DAY;
    await upload(a, bytes);
    expect((await planPhotoCollection(server.store, server.blobs, server.time.now + DAY, RULES)).owners).toEqual([]);
    expect((await planPhotoCollection(server.store, server.blobs, server.time.now + 8 * DAY, RULES)).owners.map((owner) => owner.sha256)).toEqual([hash]);
  });
});
