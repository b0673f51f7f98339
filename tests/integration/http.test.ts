// HTTP surface: static files and their caching, security headers, compression,
// JSON 404s under /api, health, and the single error renderer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { healthResponseSchema } from '../../protocol/auth';
import { PROTOCOL_VERSION } from '../../protocol/messages';
import { createApp } from '../../server/app';
import { KyselyStore } from '../../server/store/kysely-store';
import { backends } from './support/backends';
import { call, createOrganisation, errorCode, startServer, withProtocol, type TestServer } from './support/harness';

const INDEX = '<!doctype html><html><head><title>Talka</title></head><body><div id="app"></div></body></html>';
const BUNDLE = `console.log(${JSON.stringify('talka '.repeat(2000))});`;

function writeStaticDir(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'icons'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-B4xk2Q9a.js'), BUNDLE);
  writeFileSync(join(dir, 'assets', 'index-Cz81kLmn.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
  writeFileSync(join(dir, 'workbox-5a8d6e3f.js'), '/* workbox */');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Talka"}');
  writeFileSync(join(dir, 'icons', 'icon-192.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
}

describe.each(backends())('http surface on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(backend);
    writeStaticDir(server.config.staticDir);
  });
  afterAll(async () => {
    await server.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => server.app.request(path, { headers });

  it('security headers on pages and API replies, errors included; no framework banner', async () => {
    for (const response of [await get('/'), await get('/api/health'), await get('/api/nowhere'), await get('/api/auth/me')]) {
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      for (const directive of [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:", "connect-src 'self'",
        "worker-src 'self' blob:", "manifest-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'",
      ]) expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe');
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(response.headers.get('Permissions-Policy')).toContain('camera=(self)');
      expect(response.headers.get('X-Powered-By')).toBeNull();
      expect(response.headers.get('Server')).toBeNull();
    }
  });

  it('hashed assets are immutable for a year; the shell, service worker and manifest are never cached', async () => {
    const asset = await get('/assets/index-B4xk2Q9a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('Content-Type')).toMatch(/javascript/);
    for (const path of ['/', '/index.html', '/sw.js', '/workbox-5a8d6e3f.js', '/manifest.webmanifest']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
    }
    expect((await get('/')).headers.get('Content-Type')).toMatch(/text\/html/);
    expect((await get('/manifest.webmanifest')).headers.get('Content-Type')).toBe('application/manifest+json');
  });

  it('deep links get the app shell; a missing file is a 404, not the shell', async () => {
    const deep = await get('/communities/01970000-0000-7000-8000-000000000001/workshops');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(INDEX);
    expect(deep.headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/setup')).status).toBe(200);
    expect((await get('/assets/index-gone.js')).status).toBe(404);
    expect((await get('/missing.png')).status).toBe(404);
  });

  it('compresses where the client accepts it', async () => {
    const plain = await get('/assets/index-B4xk2Q9a.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const zipped = await get('/assets/index-B4xk2Q9a.js', { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('unknown /api paths and methods answer a JSON 404', async () => {
    const { coordinator } = await createOrganisation(server, 'Kāda organizācija');
    for (const [method, path] of [['GET', '/api/nowhere'], ['POST', '/api/health'], ['DELETE', '/api/users'], ['GET', '/api']]) {
      const reply = await call(server, method!, path!, { token: coordinator.token });
      expect([reply.status, errorCode(reply)], `${method} ${path}`).toEqual([404, 'not_found']);
    }
  });

  it('health answers with the protocol and the database kind', async () => {
    const reply = await call(server, 'GET', '/api/health');
    expect(v.parse(healthResponseSchema, reply.body)).toEqual({ ok: true, protocol: PROTOCOL_VERSION, db: backend.name });
  });

  it('413 for an oversized body on a small-body route', async () => {
    const reply = await call(server, 'POST', '/api/auth/login', { body: 'x'.repeat(70 * 1024), headers: { 'Content-Type': 'application/json' } });
    expect([reply.status, errorCode(reply)]).toEqual([413, 'payload_too_large']);
  });

  it('an unexpected failure is rendered once as a JSON 500 without details', async () => {
    class BrokenStore extends KyselyStore {
      override async readChanges(): Promise<never> {
        throw new Error('disk on fire');
      }
    }
    const { coordinator } = await createOrganisation(server, 'Degošs disks');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ store: new BrokenStore(server.store.db, server.store.kind), config: server.config, now: () => server.time.now, passwordCost: 10 });
    const response = await app.request(withProtocol('/api/sync/pull'), { headers: { Authorization: `Bearer ${coordinator.token}` } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal', message: expect.not.stringContaining('fire') } });
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    quiet.mockRestore();
  });
});
