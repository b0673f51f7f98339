// The record schemas Notebook checks writes against: valibot and every
// table's schema. Loaded on the first write (or just after the first screen),
// so the first screen does not wait for them.
import * as v from 'valibot';
import { PATCH_SCHEMAS, RECORD_SCHEMAS, isTableName, type TableName } from '../../protocol';
import { ValidationError } from './errors';

export { isTableName };

/** A new record's fields, checked and normalised (trimmed, …), without its id. */
export function checkNew(table: TableName, id: string, record: Record<string, unknown>): Record<string, unknown> {
  const result = v.safeParse(RECORD_SCHEMAS[table], { ...record, id });
  if (!result.success) throw new ValidationError(result.issues);
  const { id: _id, ...fields } = result.output;
  return fields;
}

export function checkPatch(table: TableName, patch: Record<string, unknown>): Record<string, unknown> {
  const result = v.safeParse(PATCH_SCHEMAS[table], patch);
  if (!result.success) throw new ValidationError(result.issues);
  return result.output;
}
