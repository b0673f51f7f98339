// The databases every integration test runs against: SQLite always, and
// PostgreSQL when TEST_POSTGRES_URL is set (each store in its own schema).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../../server/store/open';
import type { KyselyStore } from '../../../server/store/kysely-store';

export interface OpenedStore {
  store: KyselyStore;
  dir: string;
  cleanup: () => Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  open: () => Promise<OpenedStore>;
}

function tempDir(parent = tmpdir()): string {
  return mkdtempSync(join(parent, 'talka-test-'));
}

/** SQLite in a fresh temporary directory under `parent`. */
export function sqliteBackend(parent = tmpdir()): Backend {
  return {
    name: 'sqlite',
    async open() {
      const dir = tempDir(parent);
      const store = await openStore({ kind: 'sqlite', file: join(dir, 'talka.sqlite') });
      return {
        store,
        dir,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

const sqlite = sqliteBackend();

function postgres(url: string): Backend {
  return {
    name: 'postgres',
    async open() {
      const dir = tempDir();
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const store = await openStore({ kind: 'postgres', url, options: { schema, maxConnections: 5 } });
      return {
        store,
        dir,
        cleanup: async () => {
          await store.close();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

export function backends(): Backend[] {
  const url = process.env.TEST_POSTGRES_URL;
  return url ? [sqlite, postgres(url)] : [sqlite];
}
