// A simulated tablet: records with per-field clocks, an outbox, and the same
// write and merge rules as the app (protocol/hlc, protocol/merge).
import { randomBytes } from 'node:crypto';
import {
  applyServerState, formatHlc, initialClock, receive, tick, uuidv7,
  type ClockState, type Clocks, type Fields, type Hlc, type Mutation, type TableName,
} from '../../../protocol';
import { newRecordFields } from '../../../testing/fixtures';
import { pullAll, push, type TestServer } from './harness';

export interface LocalRecord {
  table: string;
  values: Fields;
  clocks: Clocks;
}

const random = (length: number) => new Uint8Array(randomBytes(length));

export class TestDevice {
  readonly records = new Map<string, LocalRecord>();
  outbox: Mutation[] = [];
  cursor: string | undefined;
  private clock: ClockState;

  constructor(
    readonly deviceId: string,
    /** The device's wall clock, e.g. the server's time plus a skew. */
    private readonly now: () => number,
    public token: string,
  ) {
    this.clock = initialClock(deviceId);
  }

  private nextClock(): Hlc {
    this.clock = tick(this.clock, this.now());
    return formatHlc(this.clock);
  }

  /** Creates a record with the common fields filled in; returns its id. */
  create(table: TableName, fields: Fields, id = uuidv7(this.now(), random)): string {
    this.write(table, id, newRecordFields(fields, { by: this.deviceId, at: this.now() }));
    return id;
  }

  update(table: TableName, id: string, patch: Fields): Mutation {
    return this.write(table, id, { ...patch, updatedAt: this.now() });
  }

  /** Puts a record in the bin as the app does: saying what it had seen of every field. */
  remove(table: TableName, id: string, by: string): Mutation {
    return this.write(table, id, { deleted: true, deletedBy: by, updatedAt: this.now() }, true);
  }

  private write(table: TableName, id: string, fields: Fields, baseOfEveryField = false): Mutation {
    const existing = this.records.get(id);
    const hlc = this.nextClock();
    // Like the app: a change names the deletion state it had seen; a deletion, every field it had seen.
    const base: Record<string, Hlc | null> = baseOfEveryField ? { ...(existing?.clocks ?? {}) } : { deleted: existing?.clocks.deleted ?? null };
    const clocks: Clocks = { ...(existing?.clocks ?? {}) };
    for (const field of Object.keys(fields)) {
      base[field] = existing?.clocks[field] ?? null;
      clocks[field] = hlc;
    }
    this.records.set(id, { table, values: { ...(existing?.values ?? {}), ...fields }, clocks });
    const mutation: Mutation = { id: uuidv7(this.now(), random), table, recordId: id, op: 'put', fields, base, hlc };
    this.outbox.push(mutation);
    return mutation;
  }

  value(id: string, field: string): unknown {
    return this.records.get(id)?.values[field];
  }

  /** Pushes the outbox (dropping what was acked), then pulls to the end and merges like the app. */
  async sync(server: TestServer): Promise<{ acked: string[]; rejected: { id: string; code: string; message: string }[] }> {
    const sent = this.outbox;
    const reply = sent.length > 0 ? await push(server, this.token, this.deviceId, sent) : { acked: [], rejected: [], cursor: '' };
    const done = new Set([...reply.acked, ...reply.rejected.map((rejection) => rejection.id)]);
    this.outbox = this.outbox.filter((mutation) => !done.has(mutation.id));
    const pulled = await pullAll(server, this.token, this.cursor);
    for (const change of pulled.changes) {
      const pending = new Set(this.outbox.filter((mutation) => mutation.recordId === change.recordId).flatMap((mutation) => Object.keys(mutation.fields)));
      const local = this.records.get(change.recordId);
      const merged = applyServerState(local ? { values: local.values, clocks: local.clocks } : null, { values: change.fields, clocks: change.clocks }, pending);
      this.records.set(change.recordId, { table: change.table, values: merged.values, clocks: merged.clocks });
      // Like the app: every clock seen moves this device's clock past it, so the next local edit is later.
      for (const clock of Object.values(change.clocks)) this.clock = receive(this.clock, clock, this.now());
    }
    this.cursor = pulled.cursor;
    return reply;
  }
}
