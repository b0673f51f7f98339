// The embedded database: one SQLite file through better-sqlite3, in WAL mode.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './schema';
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
  };
}
