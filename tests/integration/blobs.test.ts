// PUT / GET / HEAD /api/blobs/<sha256>: hash checked, idempotent, size-limited;
// on both photo stores (files, and S3 through s3rver on a loopback port) and
// both databases.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../server/blobs/blob-store';
import { startLocalS3, type LocalS3 } from '../../testing/s3';
import { backends } from './support/backends';
import { call, createOrganisation, errorCode, startServer, type TestOrganisation, type TestServer } from './support/harness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function storedHashes(blobs: BlobStore): Promise<string[]> {
  const hashes: string[] = [];
  for await (const blob of blobs.list()) hashes.push(blob.sha256);
  return hashes;
}

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.stop();
});

const STORES = [{ name: 'files' }, { name: 's3' }] as const;

describe.each(backends().flatMap((backend) => STORES.map((store) => ({ backend, store: store.name, name: `${backend.name}, photos in ${store.name}` }))))('blobs on $name', ({ backend, store }) => {
  let server: TestServer;
  let org: TestOrganisation;
  let token: string;
  beforeEach(async () => {
    server = await startServer(backend, store === 's3' ? { s3: await s3.newBucket() } : {});
    org = await createOrganisation(server, 'Blobu centrs');
    token = org.coordinator.token;
  });
  afterEach(async () => {
    await server.close();
  });

  const photo = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

  it('stores a photo under its hash and gives it back, with HEAD and an immutable cache', async () => {
    const hash = sha256(photo);
    const put = await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
    expect(put.status).toBe(201);
    expect(put.body).toEqual({ sha256: hash, size: photo.byteLength });
    expect(await server.blobs.size(hash)).toBe(photo.byteLength);
    if (store === 'files') expect(readdirSync(join(server.config.blobDir, 'tmp'))).toEqual([]);

    const response = await server.app.request(`/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect(response.headers.get('Cache-Control')).toContain('immutable');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);

    const head = await server.app.request(`/api/blobs/${hash}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(photo.byteLength));

    const again = await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ sha256: hash, size: photo.byteLength });
  });

  it('400 hash_mismatch when the body is not what the path names; nothing stored', async () => {
    const wrong = sha256(new Uint8Array([1, 2, 3]));
    const reply = await call(server, 'PUT', `/api/blobs/${wrong}`, { token, body: photo });
    expect([reply.status, errorCode(reply)]).toEqual([400, 'hash_mismatch']);
    expect((await call(server, 'GET', `/api/blobs/${wrong}`, { token })).status).toBe(404);
    const badPath = await call(server, 'PUT', '/api/blobs/NOT-A-HASH', { token, body: photo });
    expect([badPath.status, errorCode(badPath)]).toEqual([400, 'bad_hash']);
  });

  it('413 past 15 MB, 401 without a token, 404 for an unknown hash', async () => {
    const big = new Uint8Array(15 * 1024 * 1024 + 1);
    const reply = await call(server, 'PUT', `/api/blobs/${sha256(big)}`, { token, body: big });
    expect([reply.status, errorCode(reply)]).toEqual([413, 'payload_too_large']);
    expect((await call(server, 'PUT', `/api/blobs/${sha256(photo)}`, { body: photo })).status).toBe(401);
    expect((await call(server, 'GET', `/api/blobs/${'0'.repeat(64)}`, { token })).status).toBe(404);
  });

  it('takes a photo of exactly 15 MB (the limit is inclusive)', async () => {
    const limit = new Uint8Array(15 * 1024 * 1024).fill(7);
    const reply = await call(server, 'PUT', `/api/blobs/${sha256(limit)}`, { token, body: limit, headers: { 'Content-Type': 'image/jpeg' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ sha256: sha256(limit), size: limit.byteLength });
  });

  it('400 empty_blob for an empty body; HEAD answers 404 for an unknown hash and 401 without a token', async () => {
    const empty = await call(server, 'PUT', `/api/blobs/${sha256(new Uint8Array())}`, { token, body: new Uint8Array() });
    expect([empty.status, errorCode(empty)]).toEqual([400, 'empty_blob']);
    const hash = sha256(photo);
    expect((await server.app.request(`/api/blobs/${hash}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } })).status).toBe(404);
    await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
    expect((await server.app.request(`/api/blobs/${hash}`, { method: 'HEAD' })).status).toBe(401);
  });

  it('an unchanged photo answers 304 to If-None-Match: a device that has it downloads nothing', async () => {
    const hash = sha256(photo);
    await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
    const response = await server.app.request(`/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': `"${hash}"` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(`"${hash}"`);
  });

  it('a wrong body for a stored hash is refused and the stored photo stays as it was', async () => {
    const hash = sha256(photo);
    await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
    const forged = await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: new Uint8Array([1, 2, 3]) });
    expect([forged.status, errorCode(forged)]).toEqual([400, 'hash_mismatch']);
    const response = await server.app.request(`/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
  });

  describe('organisation isolation', () => {
    let other: TestOrganisation;
    beforeEach(async () => {
      other = await createOrganisation(server, 'Otra biedriba');
    });

    it('another organisation cannot fetch or probe a photo by its hash (404, as for no photo at all)', async () => {
      const hash = sha256(photo);
      await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
      const get = await call(server, 'GET', `/api/blobs/${hash}`, { token: other.coordinator.token });
      expect([get.status, errorCode(get)]).toEqual([404, 'not_found']);
      const head = await server.app.request(`/api/blobs/${hash}`, { method: 'HEAD', headers: { Authorization: `Bearer ${other.coordinator.token}` } });
      expect(head.status).toBe(404);
      // A guessed hash answers exactly like a missing one: nothing tells whether anyone has it.
      const unknown = await call(server, 'GET', `/api/blobs/${'f'.repeat(64)}`, { token: other.coordinator.token });
      expect([unknown.status, unknown.text]).toEqual([get.status, get.text]);
    });

    it('the same photo uploaded by both is theirs each, and kept once on disk', async () => {
      const hash = sha256(photo);
      expect((await call(server, 'PUT', `/api/blobs/${hash}`, { token, body: photo, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);
      const second = await call(server, 'PUT', `/api/blobs/${hash}`, { token: other.coordinator.token, body: photo, headers: { 'Content-Type': 'image/jpeg' } });
      expect(second.status).toBe(201);
      for (const each of [token, other.coordinator.token]) {
        const response = await server.app.request(`/api/blobs/${hash}`, { headers: { Authorization: `Bearer ${each}` } });
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
      }
      expect(await storedHashes(server.blobs)).toEqual([hash]);
    });
  });
});
