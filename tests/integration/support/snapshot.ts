// The whole database as plain rows, to check that a request changed nothing.
import type { KyselyStore } from '../../../server/store/kysely-store';

const TABLES = [
  ['organisations', 'id'], ['users', 'id'], ['tokens', 'hash'], ['setup_tokens', 'hash'], ['records', 'id'],
  ['applied_mutations', 'id'], ['sync_state', 'id'], ['blob_owners', 'sha256'],
] as const;

export type DatabaseSnapshot = Record<string, unknown[]>;

export async function snapshotDatabase(store: KyselyStore): Promise<DatabaseSnapshot> {
  const out: DatabaseSnapshot = {};
  for (const [table, key] of TABLES) {
    out[table] = await store.db.selectFrom(table).selectAll().orderBy(key).execute();
  }
  return out;
}
