// Schema migrations, written once with Kysely's schema builder so SQLite and
// PostgreSQL run the same steps. Never edit a migration that has shipped; add
// the next one.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

// Migrations must not depend on today's table types, hence Kysely<any>.
type AnyDb = Kysely<any>;

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
      .addColumn('email', 'text', (col) => col.notNull().unique())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('users_org').on('users').column('org_id').execute();

    await db.schema
      .createTable('tokens')
      .addColumn('hash', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('last_used_at', 'bigint', (col) => col.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('tokens_user').on('tokens').column('user_id').execute();

    await db.schema
      .createTable('setup_tokens')
      .addColumn('hash', 'text', (col) => col.primaryKey())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addColumn('used_at', 'bigint')
      .execute();

    await db.schema
      .createTable('records')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
      .addColumn('tbl', 'text', (col) => col.notNull())
      .addColumn('community_id', 'text')
      .addColumn('fields', 'text', (col) => col.notNull())
      .addColumn('clocks', 'text', (col) => col.notNull())
      .addColumn('seq', 'bigint', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .execute();
    // Pulls read one organisation's records in seq order.
    await db.schema.createIndex('records_org_seq').on('records').columns(['org_id', 'seq']).execute();

    await db.schema
      .createTable('applied_mutations')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('org_id', 'text', (col) => col.notNull())
      .addColumn('device_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('applied_at', 'bigint', (col) => col.notNull())
      .execute();

    // A counter row rather than a PostgreSQL sequence: the push transaction
    // holds this row's lock until it commits, so seqs become visible in the
    // order they were handed out and a pull can never skip a late commit.
    await db.schema
      .createTable('sync_state')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('seq', 'bigint', (col) => col.notNull())
      .addColumn('instance_id', 'text', (col) => col.notNull())
      .execute();
    await db.insertInto('sync_state').values({ id: 1, seq: 0, instance_id: randomUUID() }).execute();

    await db.schema
      .createTable('blob_owners')
      .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
      .addColumn('sha256', 'text', (col) => col.notNull())
      .addColumn('size', 'bigint', (col) => col.notNull())
      .addColumn('mime', 'text', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('blob_owners_pk', ['org_id', 'sha256'])
      .execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Brings the database up to the newest schema; throws on failure. */
export async function migrateToLatest(db: AnyDb): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
