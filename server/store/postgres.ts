// PostgreSQL for installations that outgrow one machine, through a pg pool.
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type DatabaseIntrospector, type TableMetadata } from 'kysely';
import type { Database } from './schema';

export interface PostgresOptions {
  /** Tables live in this schema (tests give each file its own). */
  schema?: string;
  maxConnections?: number;
}

const INT8_OID = 20;

/** bigint columns hold milliseconds and seqs, well inside 2^53: read them as numbers. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  return new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
}

/**
 * Kysely's own PostgreSQL introspection reads every schema of the database:
 * its migrator then took a `kysely_migration_lock` table in another schema
 * (another store's, as tests give each store one) for its own, and failed when
 * a schema was dropped while it read. The migrator, its only reader, needs
 * the names of this schema's tables and nothing more.
 */
class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const tables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string; isView: boolean }>`
        select c.relname as name, n.nspname as schema, c.relkind = 'v' as "isView"
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((row) => ({ ...row, columns: [] }));
    };
    return {
      getSchemas: async () => (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows,
      getTables: tables,
      getMetadata: async () => ({ tables: await tables() }),
    };
  }
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return `"${name}"`;
}
