// The embedded database: one SQLite file through better-sqlite3, in WAL mode.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './schema';
import { RecordTakenError, type AppliedMutationRow, type StoredRecord } from './store';
import { WalSyncer } from './wal-sync';

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query afresh; this keeps the most
 * recently used prepared statements by their SQL text so a hot push path
 * prepares each statement once. Safe because the driver runs one statement at
 * a time on the single connection and we never stream.
 */
function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sqlText: string): SqliteStatement {
      const cached = cache.get(sqlText);
      if (cached) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = db.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

export interface OpenedSqlite {
  db: Kysely<Database>;
  /** Makes every commit so far durable (see wal-sync.ts). */
  wal: WalSyncer | null;
  /** The push's bulk writes as statements prepared once (see PushRowWriter). */
  rows: PushRowWriter;
}

/**
 * Writes a push's records and applied mutation ids one prepared statement per
 * row, on the connection Kysely's transaction runs on (better-sqlite3 is
 * synchronous and single-connection, so these run inside that transaction).
 * Kysely would build one 500-row statement per chunk, parsing 4,000 values
 * each time; this is the push's hottest path.
 */
export class PushRowWriter {
  private statements: { upsertRecord: BetterSqlite3.Statement; insertApplied: BetterSqlite3.Statement } | null = null;

  constructor(private readonly db: BetterSqlite3.Database) {}

  /** Prepared on first use: the tables exist once the migrations have run. */
  private prepared() {
    this.statements ??= {
      // The same statement as kysely-store.ts saveRecords: another organisation's or table's row is never overwritten.
      upsertRecord: this.db.prepare(`INSERT INTO records (id, org_id, tbl, community_id, ref_id, fields, clocks, seq, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, ref_id = excluded.ref_id, fields = excluded.fields, clocks = excluded.clocks,
          seq = excluded.seq, updated_at = excluded.updated_at
        WHERE records.org_id = excluded.org_id AND records.tbl = excluded.tbl`),
      insertApplied: this.db.prepare('INSERT INTO applied_mutations (id, org_id, device_id, user_id, applied_at) VALUES (?, ?, ?, ?, ?)'),
    };
    if (!this.db.inTransaction) throw new Error('Push rows are written inside the push transaction');
    return this.statements;
  }

  saveRecords(records: readonly StoredRecord[]): void {
    const { upsertRecord } = this.prepared();
    for (const r of records) {
      const { changes } = upsertRecord.run(r.id, r.orgId, r.table, r.communityId, r.refId, r.fields, r.clocks, r.seq, r.updatedAt);
      if (changes !== 1) throw new RecordTakenError();
    }
  }

  saveAppliedMutations(rows: readonly AppliedMutationRow[]): void {
    const { insertApplied } = this.prepared();
    for (const row of rows) insertApplied.run(row.id, row.orgId, row.deviceId, row.userId, row.appliedAt);
  }
}

/** Opens (creating if needed) the SQLite file; `:memory:` for a throwaway database. */
export function openSqlite(file: string): OpenedSqlite {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // NORMAL: a commit writes the WAL without syncing it; WalSyncer syncs it off
  // the event loop before a push is acknowledged, which makes it as durable as FULL.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const memory = file === ':memory:' || file === '';
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(db) }) }),
    wal: memory ? null : new WalSyncer(`${file}-wal`),
    rows: new PushRowWriter(db),
  };
}
