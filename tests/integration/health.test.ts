// /api/health is 200 only while the database answers and takes writes and
// the data folder takes files; /api/ready is also 503 while the server stops.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { healthResponseSchema } from '../../protocol/auth';
import { PROTOCOL_VERSION, errorBodySchema } from '../../protocol/messages';
import { createApp } from '../../server/app';
import type { Lifecycle } from '../../server/routes/health';
import { KyselyStore } from '../../server/store/kysely-store';
import { openPostgres } from '../../server/store/postgres';
import type { Database } from '../../server/store/schema';
import type { Store } from '../../server/store/store';
import { backends } from './support/backends';
import { startServer, type TestServer } from './support/harness';

/** A second store on the same data that may read but not write, as after a failover to a standby or a read-only mount. */
async function readOnlyStoreBeside(server: TestServer): Promise<KyselyStore> {
  if (server.store.kind === 'sqlite') {
    const file = new BetterSqlite3(join(server.dir, 'talka.sqlite'), { readonly: true });
    return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }), 'sqlite');
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(server.store.db);
  // One connection, so the session setting holds for every query the store makes.
  const store = new KyselyStore(openPostgres(process.env.TEST_POSTGRES_URL ?? '', { schema: rows[0]?.schema ?? '', maxConnections: 1 }), 'postgres');
  await sql`set session characteristics as transaction read only`.execute(store.db);
  return store;
}

describe.each(backends())('health and readiness on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.close();
    vi.restoreAllMocks();
  });

  const ask = (store: Store, path: string, overrides: { dataDir?: string; lifecycle?: Lifecycle } = {}) =>
    createApp({ store, config: { ...server.config, ...(overrides.dataDir ? { dataDir: overrides.dataDir } : {}) }, lifecycle: overrides.lifecycle, passwordCost: 10 })
      .request(path);

  async function expectUnwell(response: Response, code: string) {
    expect(response.status).toBe(503);
    const body = v.parse(errorBodySchema, await response.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/SQLITE|ENOENT|transaction|\//);
  }

  it('both are 200 on a working server, and the check leaves no file behind', async () => {
    const health = await ask(server.store, '/api/health');
    expect(health.status).toBe(200);
    expect(v.parse(healthResponseSchema, await health.json())).toEqual({ ok: true, protocol: PROTOCOL_VERSION, db: backend.name });
    const ready = await ask(server.store, '/api/ready');
    expect(ready.status).toBe(200);
    expect(v.parse(healthResponseSchema, await ready.json())).toEqual({ ok: true, protocol: PROTOCOL_VERSION, db: backend.name });
    expect(readdirSync(server.dir).filter((name) => name.startsWith('.health'))).toEqual([]);
  });

  it('readiness is 503 while the server stops; health stays 200 meanwhile', async () => {
    let draining = false;
    const app = createApp({ store: server.store, config: server.config, lifecycle: { draining: () => draining }, passwordCost: 10 });
    expect((await app.request('/api/ready')).status).toBe(200);
    draining = true;
    await expectUnwell(await app.request('/api/ready'), 'draining');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('is unwell when the database reads but refuses writes', async () => {
    const readOnly = await readOnlyStoreBeside(server);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(readOnly.readHead()).resolves.toMatchObject({ seq: expect.any(Number) });
      await expectUnwell(await ask(readOnly, '/api/health'), 'unwell');
      await expectUnwell(await ask(readOnly, '/api/ready'), 'unwell');
      expect(logged.mock.calls.flat().join(' ')).toMatch(/the database refuses writes \(.*read.?only/);
    } finally {
      await readOnly.close();
    }
  });

  it('is unwell when the database does not answer', async () => {
    class Unreachable extends KyselyStore {
      override async readHead(): Promise<never> {
        throw new Error('connection refused');
      }
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expectUnwell(await ask(new Unreachable(server.store.db, server.store.kind), '/api/health'), 'unwell');
    expect(logged.mock.calls.flat().join(' ')).toMatch(/the database does not answer \(connection refused\)/);
  });

  it('is unwell when the data folder cannot be written', async () => {
    const gone = mkdtempSync(join(tmpdir(), 'talka-gone-'));
    rmSync(gone, { recursive: true });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expectUnwell(await ask(server.store, '/api/health', { dataDir: gone }), 'unwell');
    expect(logged.mock.calls.flat().join(' ')).toContain(`cannot write to ${gone} (ENOENT`);
  });

  it('a problem is logged when it starts and when it ends, not on every check', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talka-flaky-'));
    const app = createApp({ store: server.store, config: { ...server.config, dataDir }, passwordCost: 10 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    rmSync(dataDir, { recursive: true });
    for (let i = 0; i < 3; i++) expect((await app.request('/api/health')).status).toBe(503);
    mkdirSync(dataDir);
    expect((await app.request('/api/health')).status).toBe(200);
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^Unwell: cannot write to/), 'Well again']);
    rmSync(dataDir, { recursive: true });
  });
});
