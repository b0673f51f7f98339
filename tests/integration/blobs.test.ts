// PUT / GET / HEAD /api/blobs/<sha256>: hash checked, idempotent, size-limited.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends } from './support/backends';
import { call, createOrganisation, errorCode, startServer, type TestOrganisation, type TestServer } from './support/harness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends())('blobs on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let token: string;
  beforeEach(async () => {
    server = await startServer(backend);
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
    expect(existsSync(join(server.config.blobDir, hash.slice(0, 2), hash))).toBe(true);
    expect(readdirSync(join(server.config.blobDir, 'tmp'))).toEqual([]);

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
});
