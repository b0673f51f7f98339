// PostgreSQL for installations that outgrow one machine, through a pg pool.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';
import type { PoolUse } from './store';

export interface PostgresOptions {
  /** Tables live in this schema (tests give each file its own). */
  schema?: string;
  /** The pool's size (DATABASE_POOL_SIZE); 10 when left out. */
  maxConnections?: number;
}

const INT8_OID = 20;

/** bigint columns hold milliseconds and seqs, well inside 2^53: read them as numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Kysely<Database> {
  return connectPostgres(connectionString, options).db;
}

/** The database and a reading of its pool's use (for the metrics). */
export function connectPostgres(connectionString: string, options: PostgresOptions = {}): { db: Kysely<Database>; poolUse: () => PoolUse } {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}
