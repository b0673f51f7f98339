// The checks a pushed mutation must pass on its own, before the push
// transaction: shape, table, role and field types (DESIGN §4: "a mutation that
// fails validation or permission is rejected alone, with a code and message").
import * as v from 'valibot';
import type { Role } from '../../protocol/auth';
import type { MutationErrorCode } from '../../protocol/errors';
import { mutationSchema, type Mutation } from '../../protocol/messages';
import { PATCH_SCHEMAS, RECORD_SCHEMAS, isTableName, type TableName } from '../../protocol/records';
import type { Fields } from '../../protocol/merge';
import { summariseIssues } from '../http/body';

export interface MutationCheck {
  ok: true;
  mutation: Mutation;
  table: TableName;
  /** The fields as the table's schema outputs them (trimmed text and so on). */
  fields: Fields;
}

export interface MutationRejection {
  ok: false;
  id: string;
  code: MutationErrorCode;
  message: string;
}

export type CheckedMutation = MutationCheck | MutationRejection;

function idOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id.slice(0, 64);
  return '';
}

export function reject(id: string, code: MutationErrorCode, message: string): MutationRejection {
  return { ok: false, id, code, message };
}

/** Tables whose records only a coordinator may write: the server files conflicts, coordinators resolve them. */
const COORDINATOR_TABLES: ReadonlySet<TableName> = new Set(['conflicts']);

/** Keys a JSON object can carry that a schema's record parse drops silently instead of refusing. */
const DROPPED_KEYS = ['__proto__'] as const;

function droppedKey(raw: unknown, member: 'fields' | 'base'): string | null {
  if (typeof raw !== 'object' || raw === null || !(member in raw)) return null;
  const value: unknown = Object.getOwnPropertyDescriptor(raw, member)?.value;
  if (typeof value !== 'object' || value === null) return null;
  return DROPPED_KEYS.find((key) => Object.prototype.hasOwnProperty.call(value, key)) ?? null;
}

export function checkMutation(raw: unknown, role: Role): CheckedMutation {
  // An unknown field is refused, never dropped: `__proto__` would otherwise vanish in parsing and the rest be applied.
  for (const member of ['fields', 'base'] as const) {
    const key = droppedKey(raw, member);
    if (key) return reject(idOf(raw), member === 'fields' ? 'invalid_fields' : 'invalid_mutation', `${member}.${key}: unknown_field`);
  }
  const parsed = v.safeParse(mutationSchema, raw);
  if (!parsed.success) return reject(idOf(raw), 'invalid_mutation', summariseIssues(parsed.issues));
  const mutation = parsed.output;
  const table = mutation.table;
  if (!isTableName(table)) return reject(mutation.id, 'unknown_table', `No table "${table}"`);
  if (COORDINATOR_TABLES.has(table) && role !== 'coordinator') {
    return reject(mutation.id, 'forbidden', `Only a coordinator may change ${table}`);
  }
  const fields = v.safeParse(PATCH_SCHEMAS[table], mutation.fields);
  if (!fields.success) return reject(mutation.id, 'invalid_fields', summariseIssues(fields.issues));
  return { ok: true, mutation, table, fields: { ...fields.output } };
}

/** A record the server has not seen must arrive whole (DESIGN §2 fields, id from the mutation). */
export function checkNewRecord(table: TableName, recordId: string, fields: Fields): MutationRejection | null {
  const whole = v.safeParse(RECORD_SCHEMAS[table], { ...fields, id: recordId });
  if (whole.success) return null;
  return reject('', 'incomplete_record', `A new ${table} record needs every field: ${summariseIssues(whole.issues)}`);
}
