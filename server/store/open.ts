// Opens the configured database and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KyselyStore } from './kysely-store';
import { connectPostgres, type PostgresOptions } from './postgres';
import { openSqlite } from './sqlite';

export type StoreTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; options?: PostgresOptions };

/** DATABASE_URL=postgres://… picks PostgreSQL (a pool of DATABASE_POOL_SIZE connections); otherwise SQLite in DATA_DIR/talka.sqlite. */
export function storeTarget(config: { databaseUrl: string | undefined; dataDir: string; databasePoolSize?: number }): StoreTarget {
  if (config.databaseUrl) {
    return { kind: 'postgres', url: config.databaseUrl, ...(config.databasePoolSize ? { options: { maxConnections: config.databasePoolSize } } : {}) };
  }
  return { kind: 'sqlite', file: join(config.dataDir, 'talka.sqlite') };
}

export async function openStore(target: StoreTarget): Promise<KyselyStore> {
  let store: KyselyStore;
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(join(target.file, '..'), { recursive: true });
    const { db, wal, rows } = openSqlite(target.file);
    store = new KyselyStore(db, 'sqlite', wal, rows);
  } else {
    const { db, poolUse } = connectPostgres(target.url, target.options);
    store = new KyselyStore(db, 'postgres', null, null, poolUse);
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
