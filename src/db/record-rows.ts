// The record tables as the sync and backup code reach them before a table's
// type is known: reads come back unchecked and go through asRecordRow
// (src/domain/record-row.ts); writes are RecordRows.
import type { Table } from 'dexie';
import type { TableName } from '../../protocol';
import { asRecordRow, type RecordRow } from '../domain/record-row';
import type { TalkaDatabase } from './database';

export { asRecordRow, rowState, stateRow, type RecordRow } from '../domain/record-row';

export function recordRows(db: TalkaDatabase, table: TableName): Table<unknown, string, RecordRow> {
  return db.table(table);
}

/** The rows with these ids, in their order (undefined where none, or where a stored row is not a record). */
export async function readRows(rows: Table<unknown, string, RecordRow>, ids: readonly string[]): Promise<(RecordRow | undefined)[]> {
  return (await rows.bulkGet([...ids])).map((row) => asRecordRow(row) ?? undefined);
}
