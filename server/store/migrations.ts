// Schema migrations, written once with Kysely's schema builder so SQLite and
// PostgreSQL run the same steps. Never edit a migration that has shipped; add
// the next one.
import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { assignmentId } from '../../protocol/ids';
import { isRole } from '../../protocol/auth';
import { memberRecord } from './member-records';
import { planProgrammeUpgrade, upgradeClock, type StoredFields } from './programme-upgrade';

// Migrations must not depend on today's table types, hence Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration is written against the schema of its day, not today's types
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

/** Failed sign-ins per account and client address, shared by every server process on the database. */
const loginAttempts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('login_attempts')
      .addColumn('account', 'text', (col) => col.notNull())
      .addColumn('address', 'text', (col) => col.notNull())
      .addColumn('failures', 'integer', (col) => col.notNull())
      .addColumn('last_failed_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('login_attempts_pk', ['account', 'address'])
      .execute();
    await db.schema.createIndex('login_attempts_age').on('login_attempts').column('last_failed_at').execute();

    await db.schema
      .createTable('login_address_windows')
      .addColumn('address', 'text', (col) => col.primaryKey())
      .addColumn('window_start', 'bigint', (col) => col.notNull())
      .addColumn('tries', 'integer', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('login_address_windows_age').on('login_address_windows').column('window_start').execute();
  },
};

// Several server processes share one PostgreSQL database, so pushes are
// serialised per organisation instead of on the one sync_state row: each
// organisation has its own head, locked by its pushes, and its records' seqs
// count up from it. Every head starts at the old global head, so a device's
// cursor from before (a global seq, which also ordered each organisation's
// records) stays valid: nothing of its organisation at or below it is unseen.
// The index lets old applied mutation ids be pruned (sync/retention.ts).
const orgHeads: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('org_heads')
      .addColumn('org_id', 'text', (col) => col.primaryKey().references('organisations.id'))
      .addColumn('seq', 'bigint', (col) => col.notNull())
      .execute();
    const head = await db.selectFrom('sync_state').select('seq').where('id', '=', 1).executeTakeFirst();
    const organisations = await db.selectFrom('organisations').select('id').execute();
    for (const { id } of organisations) {
      await db.insertInto('org_heads').values({ org_id: id, seq: Number(head?.seq ?? 0) }).execute();
    }
    await db.schema.createIndex('applied_mutations_applied_at').on('applied_mutations').column('applied_at').execute();
  },
};

/** Devices by organisation: who pushed from each last and its label, so a conflict can say who typed each value. */
const devices: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('devices')
      .addColumn('org_id', 'text', (col) => col.notNull().references('organisations.id'))
      .addColumn('device_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('label', 'text', (col) => col.notNull())
      .addColumn('last_push_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('devices_pk', ['org_id', 'device_id'])
      .execute();
  },
};

/**
 * What a record is looked up by besides its id (server/sync/record-state.ts refOf): a tie's or an
 * attendance's person, a photo's image hash, an assignment's user. Pulls and pushes of users who see
 * only their communities find a person's ties and check-ins, or an image's photos, by it.
 */
const recordRefs: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('records').addColumn('ref_id', 'text').execute();
    const refs: [string, string][] = [['attendance', 'participantId'], ['photos', 'sha256']];
    for (const [table, field] of refs) {
      const value = db.getExecutor().adapter instanceof PostgresAdapter
        ? sql<string>`(fields::jsonb ->> ${field})`
        : sql<string>`json_extract(fields, ${`$.${field}`})`;
      await db.updateTable('records').set({ ref_id: value }).where('tbl', '=', table).execute();
    }
    await db.schema.createIndex('records_org_ref').on('records').columns(['org_id', 'tbl', 'ref_id']).execute();
  },
};

/**
 * Until assignments, every facilitator saw the whole organisation. So that nobody loses what they
 * work with in the upgrade, each active facilitator is assigned to every community of their
 * organisation as the server finds them; coordinators narrow it down afterwards. The assignments are
 * records like any other, written by the server with fresh seqs so devices pull them.
 */
function isDeletedJson(fields: string): boolean {
  const parsed: unknown = JSON.parse(fields);
  return typeof parsed === 'object' && parsed !== null && 'deleted' in parsed && parsed.deleted === true;
}

const assignExistingFacilitators: Migration = {
  async up(db: AnyDb) {
    const at = Date.now();
    const clock = `${String(at).padStart(13, '0')}:0000:server-upgrade`;
    const facilitators = await db.selectFrom('users').select(['id', 'org_id']).where('role', '=', 'facilitator').where('active', '=', 1).execute();
    for (const orgId of new Set(facilitators.map((user: { org_id: string }) => user.org_id))) {
      const communities = (await db.selectFrom('records').select(['id', 'fields']).where('org_id', '=', orgId).where('tbl', '=', 'communities').execute())
        .filter((row: { fields: string }) => !isDeletedJson(row.fields));
      if (communities.length === 0) continue;
      const head = await db.selectFrom('org_heads').select('seq').where('org_id', '=', orgId).executeTakeFirst();
      let seq = Number(head?.seq ?? 0);
      for (const user of facilitators.filter((row: { org_id: string }) => row.org_id === orgId)) {
        for (const community of communities) {
          const fields = { createdAt: at, updatedAt: at, createdBy: 'server', deleted: false, userId: user.id, communityId: community.id, workshopId: null };
          const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, clock]));
          await db.insertInto('records').values({
            id: assignmentId(user.id, { communityId: community.id }), org_id: orgId, tbl: 'assignments', community_id: community.id, ref_id: user.id,
            fields: JSON.stringify(fields), clocks: JSON.stringify(clocks), seq: ++seq, updated_at: at,
          }).onConflict((oc) => oc.column('id').doNothing()).execute();
        }
      }
      await db.insertInto('org_heads').values({ org_id: orgId, seq }).onConflict((oc) => oc.column('org_id').doUpdateSet({ seq })).execute();
    }
  },
};

/**
 * Every user becomes a `members` record (member-records.ts), so devices can name the people behind
 * conflicts, deletions and assignments; from now on the store writes them with each user change.
 */
const members: Migration = {
  async up(db: AnyDb) {
    const at = Date.now();
    const users = await db.selectFrom('users').select(['id', 'org_id', 'name', 'role', 'active', 'created_at']).orderBy('created_at').orderBy('id').execute();
    for (const orgId of new Set(users.map((user: { org_id: string }) => user.org_id))) {
      const head = await db.selectFrom('org_heads').select('seq').where('org_id', '=', orgId).executeTakeFirst();
      let seq = Number(head?.seq ?? 0);
      for (const user of users.filter((row: { org_id: string }) => row.org_id === orgId)) {
        const role = String(user.role);
        if (!isRole(role)) continue;
        const { fields, clocks } = memberRecord({ id: String(user.id), name: String(user.name), role, active: Number(user.active) === 1, createdAt: Number(user.created_at) }, at, undefined);
        await db.insertInto('records').values({
          id: user.id, org_id: orgId, tbl: 'members', community_id: null, ref_id: null,
          fields: JSON.stringify(fields), clocks: JSON.stringify(clocks), seq: ++seq, updated_at: at,
        }).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      await db.insertInto('org_heads').values({ org_id: orgId, seq }).onConflict((oc) => oc.column('org_id').doUpdateSet({ seq })).execute();
    }
  },
};

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A stored JSON object's entries (an empty object for anything else). */
function jsonObject(text: string): Record<string, unknown> {
  const parsed = parsedJson(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
}

/**
 * The free-text programme of events becomes programme records (programme-upgrade.ts): per
 * organisation, one programme per name (case and spaces aside), or 'Programma' when none was ever
 * named; every event without a programme gets its `programmeId`; every community not in a programme
 * is enrolled in the main one with the grant limit of its maturity. All written by the server with
 * fresh seqs so devices pull them; what is written already (a rerun, another server) is left alone.
 */
const programmes: Migration = {
  async up(db: AnyDb) {
    const at = Date.now();
    const organisations = await db.selectFrom('organisations').select('id').orderBy('id').execute();
    for (const { id } of organisations) {
      const orgId = String(id);
      const read = async (table: string): Promise<(StoredFields & { clocks: string; fieldsText: string })[]> => {
        const rows = await db.selectFrom('records').select(['id', 'fields', 'clocks']).where('org_id', '=', orgId).where('tbl', '=', table).orderBy('id').execute();
        return rows.map((row: { id: string; fields: string; clocks: string }) => ({
          id: String(row.id), fields: parsedJson(String(row.fields)), clocks: String(row.clocks), fieldsText: String(row.fields),
        }));
      };
      const workshops = await read('workshops');
      const plan = planProgrammeUpgrade({
        orgId, at, communities: await read('communities'), workshops, programmes: await read('programmes'), enrolments: await read('enrolments'),
      });
      if (plan.programmes.length + plan.enrolments.length + plan.workshops.length === 0) continue;

      const head = await db.selectFrom('org_heads').select('seq').where('org_id', '=', orgId).executeTakeFirst();
      let seq = Number(head?.seq ?? 0);
      const clock = upgradeClock(at);
      for (const [table, records] of [['programmes', plan.programmes], ['enrolments', plan.enrolments]] as const) {
        for (const record of records) {
          const clocks = Object.fromEntries(Object.keys(record.fields).map((field) => [field, clock]));
          await db.insertInto('records').values({
            id: record.id, org_id: orgId, tbl: table, community_id: record.communityId, ref_id: null,
            fields: JSON.stringify(record.fields), clocks: JSON.stringify(clocks), seq: ++seq, updated_at: at,
          }).onConflict((oc) => oc.column('id').doNothing()).execute();
        }
      }
      const stored = new Map(workshops.map((workshop) => [workshop.id, workshop]));
      for (const { id: workshopId, programmeId } of plan.workshops) {
        const workshop = stored.get(workshopId);
        if (!workshop) continue;
        const fields = { ...jsonObject(workshop.fieldsText), programmeId };
        const clocks = jsonObject(workshop.clocks);
        const previous = clocks.programmeId;
        clocks.programmeId = upgradeClock(at, typeof previous === 'string' ? previous : undefined);
        await db.updateTable('records')
          .set({ fields: JSON.stringify(fields), clocks: JSON.stringify(clocks), seq: ++seq, updated_at: at })
          .where('id', '=', workshopId).where('org_id', '=', orgId)
          .execute();
      }
      await db.insertInto('org_heads').values({ org_id: orgId, seq }).onConflict((oc) => oc.column('org_id').doUpdateSet({ seq })).execute();
    }
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_login_attempts': loginAttempts,
  '0003_org_heads': orgHeads,
  '0004_devices': devices,
  '0005_record_refs': recordRefs,
  '0006_assign_existing_facilitators': assignExistingFacilitators,
  '0007_members': members,
  '0008_programmes': programmes,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/**
 * Kysely's migrator over our migrations. On PostgreSQL its own tables are put
 * in the connection's schema by name: otherwise it takes a migration table in
 * any schema of the database (another installation's, another test's) for its own.
 */
export async function migratorFor(db: AnyDb, kind: 'sqlite' | 'postgres'): Promise<Migrator> {
  const schema = kind === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Brings the database up to the newest schema; throws on failure. Servers
 * starting together on one PostgreSQL database are safe: Kysely's migrator
 * holds a PostgreSQL advisory lock while it migrates (tests/integration/multi-server.test.ts).
 */
export async function migrateToLatest(db: AnyDb, kind: 'sqlite' | 'postgres'): Promise<void> {
  const migrator = await migratorFor(db, kind);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
