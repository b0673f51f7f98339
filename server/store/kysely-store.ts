// The Store over Kysely: one implementation for SQLite and PostgreSQL. Every
// query that touches records or users is scoped by organisation here or by
// the caller's check of `orgId`.
import { type Kysely, type Selectable, type Transaction } from 'kysely';
import { isRole, type DatabaseKind } from '../../protocol/auth';
import { migrateToLatest } from './migrations';
import { memberRecord } from './member-records';
import type { BlobOwnerTable, Database, OrganisationTable, RecordTable, UserTable } from './schema';
import { RecordTakenError } from './store';
import type {
  AppliedMutationRow, BlobOwnerRow, ChangeRow, DeviceRow, LoginAttemptRow, OrganisationRow, PhotoReference, PoolUse, PushTransaction, RecordFieldsRow, SessionRow,
  SetupOutcome, StartupSetupClaim, StoredRecord, Store, SyncHead, TokenRow, UserRow,
} from './store';

/** Rows per multi-row statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK_ROWS = 500;
const SYNC_STATE_ID = 1;
/** Applied mutation ids deleted per statement when pruning, so no one statement holds the tables for long. */
const PRUNE_BATCH = 5000;

function chunks<T>(items: readonly T[], size = CHUNK_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A unique-constraint violation, in either database's words. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === '23505';
}

function toOrganisation(row: Selectable<OrganisationTable>): OrganisationRow {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function toUser(row: Selectable<UserTable>): UserRow {
  if (!isRole(row.role)) throw new Error(`User ${row.id} has an unknown role`);
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

function fromUser(user: UserRow): Selectable<UserTable> {
  return {
    id: user.id,
    org_id: user.orgId,
    email: user.email,
    name: user.name,
    role: user.role,
    password_hash: user.passwordHash,
    active: user.active ? 1 : 0,
    created_at: user.createdAt,
  };
}

function toStoredRecord(row: Selectable<RecordTable>): StoredRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    table: row.tbl,
    communityId: row.community_id,
    refId: row.ref_id,
    fields: row.fields,
    clocks: row.clocks,
    seq: row.seq,
    updatedAt: row.updated_at,
  };
}

function fromStoredRecord(record: StoredRecord): Selectable<RecordTable> {
  return {
    id: record.id,
    org_id: record.orgId,
    tbl: record.table,
    community_id: record.communityId,
    ref_id: record.refId,
    fields: record.fields,
    clocks: record.clocks,
    seq: record.seq,
    updated_at: record.updatedAt,
  };
}

/**
 * Takes the organisation's head row's write lock for the transaction (made at
 * 0 on the organisation's first push) and reads it. Pushes of one organisation
 * queue here, on every server sharing the database, so its seqs become visible
 * in the order they were handed out and a pull never skips a late commit;
 * pushes of other organisations do not wait. On SQLite the write takes the
 * file's write lock, which serialises everything anyway.
 */
async function lockHead(trx: Transaction<Database>, orgId: string): Promise<SyncHead> {
  const head = await trx
    .insertInto('org_heads')
    .values({ org_id: orgId, seq: 0 })
    .onConflict((oc) => oc.column('org_id').doUpdateSet((eb) => ({ seq: eb.ref('org_heads.seq') })))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return { seq: head.seq, instanceId: await readInstanceId(trx) };
}

/** Writes the user's `members` record (member-records.ts) at the organisation's next seq, in `trx`. */
async function writeMember(trx: Transaction<Database>, user: UserRow, now: number): Promise<void> {
  const head = await lockHead(trx, user.orgId);
  const existing = await trx.selectFrom('records').select('clocks').where('id', '=', user.id).where('org_id', '=', user.orgId).executeTakeFirst();
  const { fields, clocks } = memberRecord(user, now, existing ? clocksOf(existing.clocks) : undefined);
  const seq = head.seq + 1;
  const row = { fields: JSON.stringify(fields), clocks: JSON.stringify(clocks), seq, updated_at: now };
  await trx.insertInto('records')
    .values({ id: user.id, org_id: user.orgId, tbl: 'members', community_id: null, ref_id: null, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  await trx.updateTable('org_heads').set({ seq }).where('org_id', '=', user.orgId).execute();
}

function clocksOf(text: string): Record<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

async function readInstanceId(db: Kysely<Database> | Transaction<Database>): Promise<string> {
  const row = await db.selectFrom('sync_state').select('instance_id').where('id', '=', SYNC_STATE_ID).executeTakeFirstOrThrow();
  return row.instance_id;
}

/** Locks the instance row: setups (rare) queue here, whichever server runs them. */
async function lockInstance(trx: Transaction<Database>): Promise<void> {
  await trx.updateTable('sync_state').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', SYNC_STATE_ID).execute();
}

async function findRecordsByRef(db: Kysely<Database> | Transaction<Database>, orgId: string, table: string, refs: readonly string[]): Promise<StoredRecord[]> {
  const found: StoredRecord[] = [];
  for (const part of chunks(refs)) {
    const rows = await db.selectFrom('records').selectAll().where('org_id', '=', orgId).where('tbl', '=', table).where('ref_id', 'in', part).execute();
    for (const row of rows) found.push(toStoredRecord(row));
  }
  return found;
}

async function countRows(db: Kysely<Database> | Transaction<Database>, table: 'users'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A faster writer of a push's rows on the same connection (SQLite: sqlite.ts PushRowWriter). */
export interface PushRowWriter {
  saveRecords(records: readonly StoredRecord[]): void;
  saveAppliedMutations(rows: readonly AppliedMutationRow[]): void;
}

function pushTransaction(trx: Transaction<Database>, rows: PushRowWriter | null): PushTransaction {
  const kysely: PushTransaction = {
    lockHead: (orgId) => lockHead(trx, orgId),

    async findAppliedMutations(ids) {
      const applied = new Map<string, string>();
      for (const part of chunks(ids)) {
        const rows = await trx.selectFrom('applied_mutations').select(['id', 'org_id']).where('id', 'in', part).execute();
        for (const row of rows) applied.set(row.id, row.org_id);
      }
      return applied;
    },

    async findRecords(ids) {
      const found: StoredRecord[] = [];
      for (const part of chunks(ids)) {
        const rows = await trx.selectFrom('records').selectAll().where('id', 'in', part).execute();
        for (const row of rows) found.push(toStoredRecord(row));
      }
      return found;
    },

    async saveRecords(records) {
      for (const part of chunks(records)) {
        const written = await trx
          .insertInto('records')
          .values(part.map(fromStoredRecord))
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => ({
                community_id: eb.ref('excluded.community_id'),
                ref_id: eb.ref('excluded.ref_id'),
                fields: eb.ref('excluded.fields'),
                clocks: eb.ref('excluded.clocks'),
                seq: eb.ref('excluded.seq'),
                updated_at: eb.ref('excluded.updated_at'),
              }))
              // Belt and braces: the push never sends another organisation's id here.
              .where('records.org_id', '=', eb => eb.ref('excluded.org_id'))
              .where('records.tbl', '=', eb => eb.ref('excluded.tbl')),
          )
          .returning('id')
          .execute();
        if (written.length !== part.length) throw new RecordTakenError();
      }
    },

    async saveAppliedMutations(rows) {
      for (const part of chunks(rows)) {
        await trx
          .insertInto('applied_mutations')
          .values(part.map((row) => ({
            id: row.id, org_id: row.orgId, device_id: row.deviceId, user_id: row.userId, applied_at: row.appliedAt,
          })))
          .execute();
      }
    },

    async advanceHead(orgId, seq) {
      await trx.updateTable('org_heads').set({ seq }).where('org_id', '=', orgId).execute();
    },

    findRecordsByRef: (orgId, table, refs) => findRecordsByRef(trx, orgId, table, refs),

    async findRecordsInCommunity(orgId, table, communityId) {
      const rows = await trx.selectFrom('records').selectAll()
        .where('org_id', '=', orgId).where('tbl', '=', table)
        .where((eb) => (communityId === null ? eb('community_id', 'is', null) : eb('community_id', '=', communityId)))
        .execute();
      return rows.map(toStoredRecord);
    },

    async findDevices(orgId, deviceIds) {
      const found = new Map<string, DeviceRow>();
      for (const part of chunks(deviceIds)) {
        const rows = await trx.selectFrom('devices').selectAll().where('org_id', '=', orgId).where('device_id', 'in', part).execute();
        for (const row of rows) {
          found.set(row.device_id, { orgId: row.org_id, deviceId: row.device_id, userId: row.user_id, label: row.label, lastPushAt: row.last_push_at });
        }
      }
      return found;
    },

    async saveDevice(device) {
      await trx
        .insertInto('devices')
        .values({ org_id: device.orgId, device_id: device.deviceId, user_id: device.userId, label: device.label, last_push_at: device.lastPushAt })
        .onConflict((oc) => oc.columns(['org_id', 'device_id']).doUpdateSet({ user_id: device.userId, label: device.label, last_push_at: device.lastPushAt }))
        .execute();
    },
  };
  if (!rows) return kysely;
  return {
    ...kysely,
    saveRecords: async (records) => rows.saveRecords(records),
    saveAppliedMutations: async (applied) => rows.saveAppliedMutations(applied),
  };
}

/** What makes SQLite commits durable; PostgreSQL's are durable at commit. */
export interface CommitFlusher {
  sync(): Promise<void>;
  close(): Promise<void>;
}

export class KyselyStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly kind: DatabaseKind,
    private readonly flusher: CommitFlusher | null = null,
    private readonly rows: PushRowWriter | null = null,
    private readonly pool: (() => PoolUse) | null = null,
  ) {}

  poolUse(): PoolUse {
    return this.pool?.() ?? { total: 1, idle: 0, waiting: 0 };
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.db, this.kind);
    await this.flushCommits();
  }

  async close(): Promise<void> {
    await this.flusher?.close();
    await this.db.destroy();
  }

  flushCommits(): Promise<void> {
    return this.flusher ? this.flusher.sync() : Promise.resolve();
  }

  /** Account changes are rare: each waits for its own commit to be durable. */
  private async durably<T>(write: Promise<T>): Promise<T> {
    const result = await write;
    await this.flushCommits();
    return result;
  }

  countUsers(): Promise<number> {
    return countRows(this.db, 'users');
  }

  async findOrganisation(id: string): Promise<OrganisationRow | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganisation(row);
  }

  async findOrganisationByName(name: string): Promise<OrganisationRow | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toOrganisation(row);
  }

  async createOrganisation(organisation: OrganisationRow): Promise<void> {
    await this.durably(this.db
      .insertInto('organisations')
      .values({ id: organisation.id, name: organisation.name, created_at: organisation.createdAt })
      .execute());
  }

  async listOrganisations(): Promise<OrganisationRow[]> {
    const rows = await this.db.selectFrom('organisations').selectAll().orderBy('name').execute();
    return rows.map(toOrganisation);
  }

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toUser(row);
  }

  async findUser(orgId: string, userId: string): Promise<UserRow | undefined> {
    const row = await this.db
      .selectFrom('users').selectAll()
      .where('org_id', '=', orgId).where('id', '=', userId)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async listUsers(orgId: string): Promise<UserRow[]> {
    const rows = await this.db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('name').orderBy('email').execute();
    return rows.map(toUser);
  }

  async createUser(user: UserRow): Promise<boolean> {
    try {
      await this.durably(this.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(fromUser(user)).execute();
        await writeMember(trx, user, user.createdAt);
      }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async setPasswordHash(orgId: string, userId: string, passwordHash: string): Promise<boolean> {
    const result = await this.durably(this.db
      .updateTable('users').set({ password_hash: passwordHash })
      .where('org_id', '=', orgId).where('id', '=', userId)
      .executeTakeFirst());
    return result.numUpdatedRows > 0n;
  }

  async setUserActive(orgId: string, userId: string, active: boolean, now: number): Promise<boolean> {
    return this.durably(this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('users').set({ active: active ? 1 : 0 })
        .where('org_id', '=', orgId).where('id', '=', userId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      await writeMember(trx, toUser(user), now);
      if (!active) {
        await trx.updateTable('tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
      }
      return true;
    }));
  }

  async createToken(token: TokenRow): Promise<void> {
    await this.durably(this.db
      .insertInto('tokens')
      .values({
        hash: token.hash, user_id: token.userId, created_at: token.createdAt, last_used_at: token.lastUsedAt, revoked_at: token.revokedAt,
      })
      .execute());
  }

  async findSession(tokenHash: string): Promise<SessionRow | undefined> {
    const row = await this.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .select([
        'tokens.hash', 'tokens.created_at as token_created_at', 'tokens.last_used_at', 'tokens.revoked_at',
        'users.id', 'users.org_id', 'users.email', 'users.name', 'users.role', 'users.password_hash', 'users.active', 'users.created_at',
        'organisations.name as org_name', 'organisations.created_at as org_created_at',
      ])
      .where('tokens.hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      token: { hash: row.hash, userId: row.id, createdAt: row.token_created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at },
      user: toUser(row),
      organisation: { id: row.org_id, name: row.org_name, createdAt: row.org_created_at },
    };
  }

  async touchToken(tokenHash: string, now: number): Promise<void> {
    await this.db.updateTable('tokens').set({ last_used_at: now }).where('hash', '=', tokenHash).execute();
  }

  async revokeToken(tokenHash: string, now: number): Promise<void> {
    await this.durably(this.db.updateTable('tokens').set({ revoked_at: now }).where('hash', '=', tokenHash).where('revoked_at', 'is', null).execute());
  }

  async revokeUserTokens(orgId: string, userId: string, now: number): Promise<void> {
    await this.durably(this.db
      .updateTable('tokens').set({ revoked_at: now })
      .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', userId))
      .where('revoked_at', 'is', null)
      .execute());
  }

  async createSetupToken(tokenHash: string, now: number): Promise<void> {
    await this.durably(this.db.insertInto('setup_tokens').values({ hash: tokenHash, created_at: now, used_at: null }).execute());
  }

  async claimStartupSetupToken(tokenHash: string, now: number, validFrom: number): Promise<StartupSetupClaim> {
    return this.durably(this.db.transaction().execute(async (trx) => {
      await lockInstance(trx);
      if ((await countRows(trx, 'users')) > 0) return 'has_users';
      const valid = await trx
        .selectFrom('setup_tokens').select('hash')
        .where('used_at', 'is', null).where('created_at', '>=', validFrom)
        .executeTakeFirst();
      if (valid) return 'link_out';
      await trx.insertInto('setup_tokens').values({ hash: tokenHash, created_at: now, used_at: null }).execute();
      return 'created' as const;
    }));
  }

  async completeSetup(input: {
    tokenHash: string; notBefore: number; now: number; organisation: OrganisationRow; user: UserRow;
  }): Promise<SetupOutcome> {
    return this.durably(this.db.transaction().execute(async (trx) => {
      await lockInstance(trx); // serialises two setups racing with two different tokens
      if ((await countRows(trx, 'users')) > 0) return 'already_set_up';
      const used = await trx
        .updateTable('setup_tokens').set({ used_at: input.now })
        .where('hash', '=', input.tokenHash).where('used_at', 'is', null).where('created_at', '>=', input.notBefore)
        .executeTakeFirst();
      if (used.numUpdatedRows === 0n) return 'invalid_token';
      const existing = await trx.selectFrom('organisations').select('id').where('name', '=', input.organisation.name).executeTakeFirst();
      if (existing) return 'organisation_taken';
      await trx
        .insertInto('organisations')
        .values({ id: input.organisation.id, name: input.organisation.name, created_at: input.organisation.createdAt })
        .execute();
      await trx.insertInto('users').values(fromUser(input.user)).execute();
      await writeMember(trx, input.user, input.now);
      return 'created' as const;
    }));
  }

  async runPush<T>(work: (tx: PushTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(pushTransaction(trx, this.rows)));
  }

  async readHead(orgId?: string): Promise<SyncHead> {
    const query = this.db.selectFrom('org_heads').select((eb) => eb.fn.max<number | string | null>('seq').as('seq'));
    const row = await (orgId === undefined ? query : query.where('org_id', '=', orgId)).executeTakeFirst();
    return { seq: Number(row?.seq ?? 0), instanceId: await readInstanceId(this.db) };
  }

  async readChanges(orgId: string, afterSeq: number, limit: number): Promise<ChangeRow[]> {
    const rows = await this.db
      .selectFrom('records')
      .select(['id', 'tbl', 'community_id', 'fields', 'clocks', 'seq'])
      .where('org_id', '=', orgId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, table: row.tbl, communityId: row.community_id, fields: row.fields, clocks: row.clocks, seq: row.seq }));
  }

  findRecordsByRef(orgId: string, table: string, refs: readonly string[]): Promise<StoredRecord[]> {
    return findRecordsByRef(this.db, orgId, table, refs);
  }

  async findRecords(orgId: string, ids: readonly string[]): Promise<StoredRecord[]> {
    const found: StoredRecord[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('records').selectAll().where('org_id', '=', orgId).where('id', 'in', part).execute();
      for (const row of rows) found.push(toStoredRecord(row));
    }
    return found;
  }

  async readTables(orgId: string, tables: readonly string[]): Promise<Map<string, RecordFieldsRow[]>> {
    // Repeatable read on PostgreSQL: every table as of one moment, so a push landing meanwhile is in all of them or none.
    // (SQLite's one connection runs the transaction alone, which is the same.)
    const begin = this.kind === 'postgres' ? this.db.transaction().setIsolationLevel('repeatable read') : this.db.transaction();
    return begin.execute(async (trx) => {
      const found = new Map<string, RecordFieldsRow[]>();
      for (const table of tables) {
        // Served by the records_org_ref index (org_id, tbl, …).
        found.set(table, await trx.selectFrom('records').select(['id', 'fields']).where('org_id', '=', orgId).where('tbl', '=', table).execute());
      }
      return found;
    });
  }

  async renewInstanceId(instanceId: string): Promise<void> {
    await this.durably(this.db.updateTable('sync_state').set({ instance_id: instanceId }).where('id', '=', SYNC_STATE_ID).execute());
  }

  async pruneAppliedMutations(before: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const result = await this.db
        .deleteFrom('applied_mutations')
        .where('id', 'in', (eb) => eb.selectFrom('applied_mutations').select('id').where('applied_at', '<', before).limit(PRUNE_BATCH))
        .executeTakeFirst();
      const count = Number(result.numDeletedRows);
      deleted += count;
      if (count < PRUNE_BATCH) break;
    }
    await this.flushCommits();
    return deleted;
  }

  async addBlobOwner(owner: BlobOwnerRow): Promise<void> {
    await this.durably(this.db
      .insertInto('blob_owners')
      .values({ org_id: owner.orgId, sha256: owner.sha256, size: owner.size, mime: owner.mime, created_at: owner.createdAt })
      // A re-upload restarts the grace period before an unreferenced photo is collected.
      .onConflict((oc) => oc.columns(['org_id', 'sha256']).doUpdateSet((eb) => ({ created_at: eb.ref('excluded.created_at') })))
      .execute());
  }

  async findBlobOwner(orgId: string, sha256: string): Promise<BlobOwnerRow | undefined> {
    const row = await this.db
      .selectFrom('blob_owners').selectAll()
      .where('org_id', '=', orgId).where('sha256', '=', sha256)
      .executeTakeFirst();
    return row && toBlobOwner(row);
  }

  async listBlobOwners(): Promise<BlobOwnerRow[]> {
    const rows = await this.db.selectFrom('blob_owners').selectAll().orderBy('created_at').execute();
    return rows.map(toBlobOwner);
  }

  async listPhotoReferences(orgId: string): Promise<PhotoReference[]> {
    const rows = await this.db
      .selectFrom('records').select(['fields', 'updated_at'])
      .where('org_id', '=', orgId).where('tbl', '=', 'photos')
      .execute();
    return rows.flatMap((row) => {
      const fields: unknown = JSON.parse(row.fields);
      if (typeof fields !== 'object' || fields === null || !('sha256' in fields) || typeof fields.sha256 !== 'string') return [];
      const deleted = 'deleted' in fields && fields.deleted === true;
      return [{ orgId, sha256: fields.sha256, deleted, updatedAt: row.updated_at }];
    });
  }

  async deleteBlobOwner(orgId: string, sha256: string): Promise<void> {
    await this.durably(this.db.deleteFrom('blob_owners').where('org_id', '=', orgId).where('sha256', '=', sha256).execute());
  }

  // Failed sign-ins: counters that only slow guessing down, so no write waits for a durable commit.

  async findLoginAttempt(account: string, address: string): Promise<LoginAttemptRow | undefined> {
    const row = await this.db
      .selectFrom('login_attempts').selectAll()
      .where('account', '=', account).where('address', '=', address)
      .executeTakeFirst();
    return row && { account: row.account, address: row.address, failures: row.failures, lastFailedAt: row.last_failed_at };
  }

  async replaceLoginAttempt(seen: LoginAttemptRow, next: LoginAttemptRow): Promise<boolean> {
    const updated = await this.db
      .updateTable('login_attempts')
      .set({ failures: next.failures, last_failed_at: next.lastFailedAt })
      .where('account', '=', seen.account).where('address', '=', seen.address)
      .where('failures', '=', seen.failures).where('last_failed_at', '=', seen.lastFailedAt)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  async addLoginFailure(account: string, address: string, now: number, forgetBefore: number): Promise<void> {
    await this.db
      .insertInto('login_attempts')
      .values({ account, address, failures: 1, last_failed_at: now })
      .onConflict((oc) => oc.columns(['account', 'address']).doUpdateSet((eb) => ({
        failures: eb.case().when('login_attempts.last_failed_at', '<', forgetBefore).then(1).else(eb('login_attempts.failures', '+', 1)).end(),
        last_failed_at: now,
      })))
      .execute();
  }

  async clearLoginAttempts(account: string, address: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('account', '=', account).where('address', '=', address).execute();
  }

  async addAddressTry(address: string, now: number, windowMs: number): Promise<{ tries: number; windowStart: number }> {
    // One statement, so tries sent at once from one address are each counted; both CASEs read the old row.
    const ended = now - windowMs;
    const row = await this.db
      .insertInto('login_address_windows')
      .values({ address, window_start: now, tries: 1 })
      .onConflict((oc) => oc.column('address').doUpdateSet((eb) => ({
        tries: eb.case().when('login_address_windows.window_start', '<=', ended).then(1).else(eb('login_address_windows.tries', '+', 1)).end(),
        window_start: eb.case().when('login_address_windows.window_start', '<=', ended).then(now).else(eb.ref('login_address_windows.window_start')).end(),
      })))
      .returning(['tries', 'window_start'])
      .executeTakeFirstOrThrow();
    return { tries: Number(row.tries), windowStart: Number(row.window_start) };
  }

  async forgiveAddressTry(address: string, windowStart: number): Promise<void> {
    await this.db
      .updateTable('login_address_windows')
      .set((eb) => ({ tries: eb('tries', '-', 1) }))
      .where('address', '=', address).where('window_start', '=', windowStart).where('tries', '>', 0)
      .execute();
  }

  async pruneLoginAttempts(before: number): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('last_failed_at', '<', before).execute();
    await this.db.deleteFrom('login_address_windows').where('window_start', '<', before).execute();
  }
}

function toBlobOwner(row: Selectable<BlobOwnerTable>): BlobOwnerRow {
  return { orgId: row.org_id, sha256: row.sha256, size: row.size, mime: row.mime, createdAt: row.created_at };
}

