// A stored record while a push works on it: parsed fields and clocks, and
// whether it needs writing back.
import type { Clocks, Fields } from '../../protocol/merge';
import type { StoredRecord } from '../store/store';

export interface WorkingRecord {
  id: string;
  orgId: string;
  table: string;
  values: Fields;
  clocks: Clocks;
  seq: number;
  dirty: boolean;
}

function parseObject(text: string, what: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Stored ${what} is not a JSON object`);
  return { ...value };
}

export function parseStoredRecord(record: StoredRecord): WorkingRecord {
  const clocks: Clocks = {};
  for (const [field, clock] of Object.entries(parseObject(record.clocks, 'clocks'))) {
    if (typeof clock !== 'string') throw new Error(`Stored clock of ${record.id}.${field} is not text`);
    clocks[field] = clock;
  }
  return {
    id: record.id,
    orgId: record.orgId,
    table: record.table,
    values: parseObject(record.fields, 'fields'),
    clocks,
    seq: record.seq,
    dirty: false,
  };
}

/** The community a record belongs to: its communityId, or its own id for a community. */
export function communityOf(record: WorkingRecord): string | null {
  if (record.table === 'communities') return record.id;
  const communityId = record.values.communityId;
  return typeof communityId === 'string' ? communityId : null;
}

/** The field a record is looked up by besides its id, per table: a tie's or a check-in's person, a photo's image, an assignment's user. */
const REF_FIELDS: Readonly<Record<string, string>> = { ties: 'participantId', attendance: 'participantId', photos: 'sha256', assignments: 'userId' };

export function refOf(record: Pick<WorkingRecord, 'table' | 'values'>): string | null {
  const field = REF_FIELDS[record.table];
  const value = field === undefined ? undefined : record.values[field];
  return typeof value === 'string' ? value : null;
}

export function toStoredRecord(record: WorkingRecord, now: number): StoredRecord {
  return {
    id: record.id,
    orgId: record.orgId,
    table: record.table,
    communityId: communityOf(record),
    refId: refOf(record),
    fields: JSON.stringify(record.values),
    clocks: JSON.stringify(record.clocks),
    seq: record.seq,
    updatedAt: now,
  };
}
