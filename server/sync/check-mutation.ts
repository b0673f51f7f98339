// The checks a pushed mutation must pass on its own, before the push
// transaction: shape, table, role and field types (docs/protocol.md, Push: "a mutation that
// fails validation or permission is rejected alone, with a code and message").
import * as v from 'valibot';
import type { Role } from '../../protocol/auth';
import type { MutationErrorCode } from '../../protocol/errors';
import { mutationSchema, type Mutation, type Rejection } from '../../protocol/messages';
import { COORDINATOR_TABLES, PATCH_SCHEMAS, RECORD_SCHEMAS, SERVER_TABLES, isTableName, type TableName } from '../../protocol/records';
import type { Fields } from '../../protocol/merge';
import { findJsonProblem } from '../../protocol/text';
import { describeJsonProblem, summariseIssues } from '../http/body';

export interface MutationCheck {
  ok: true;
  mutation: Mutation;
  table: TableName;
  /** The fields as the table's schema outputs them (trimmed text and so on). */
  fields: Fields;
}

/** A mutation the check refused; its entry in the reply is the Rejection alone, without `ok`. */
export interface MutationRejection extends Rejection {
  ok: false;
}

export type CheckedMutation = MutationCheck | MutationRejection;

function idOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') return raw.id.slice(0, 64);
  return '';
}

/** A rejection as the push reply carries it: exactly id, code and message. */
export function reject(id: string, code: MutationErrorCode, message: string): Rejection {
  return { id, code, message };
}

function refuse(id: string, code: MutationErrorCode, message: string): MutationRejection {
  return { ok: false, ...reject(id, code, message) };
}


export function checkMutation(raw: unknown, role: Role): CheckedMutation {
  // Before the schema: its records drop `__proto__`, `constructor` and `prototype` keys silently, and it
  // looks into no value of a conflict. Nesting is measured from the mutation, so one deep mutation is
  // refused alone and the rest of its push is applied.
  const problem = findJsonProblem(raw);
  if (problem?.path[0] === 'fields') {
    // Named like the table schema's own issues: `title: invalid_value`.
    return refuse(idOf(raw), 'invalid_fields', describeJsonProblem({ ...problem, path: problem.path.slice(1) }, 'fields'));
  }
  if (problem) return refuse(idOf(raw), 'invalid_mutation', describeJsonProblem(problem, 'mutation'));
  const parsed = v.safeParse(mutationSchema, raw);
  if (!parsed.success) return refuse(idOf(raw), 'invalid_mutation', summariseIssues(parsed.issues));
  const mutation = parsed.output;
  const table = mutation.table;
  if (!isTableName(table)) return refuse(mutation.id, 'unknown_table', `No table "${table}"`);
  if (SERVER_TABLES.includes(table)) return refuse(mutation.id, 'forbidden', `Only the server writes ${table}`);
  if (COORDINATOR_TABLES.includes(table) && role !== 'coordinator') {
    return refuse(mutation.id, 'forbidden', `Only a coordinator may change ${table}`);
  }
  const fields = v.safeParse(PATCH_SCHEMAS[table], mutation.fields);
  if (!fields.success) return refuse(mutation.id, 'invalid_fields', summariseIssues(fields.issues));
  return { ok: true, mutation, table, fields: { ...fields.output } };
}

/** A record the server has not seen must arrive whole (every field of its schema, id from the mutation). */
export function checkNewRecord(table: TableName, recordId: string, fields: Fields): Rejection | null {
  const whole = v.safeParse(RECORD_SCHEMAS[table], { ...fields, id: recordId });
  if (whole.success) return null;
  return reject('', 'incomplete_record', `A new ${table} record needs every field: ${summariseIssues(whole.issues)}`);
}
