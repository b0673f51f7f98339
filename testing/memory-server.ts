// An in-memory stand-in for the sync endpoints, keeping the sync contract
// (docs/protocol.md) with the same merge the real server uses. Unit tests of the sync
// engine talk to it; the real server is tested in tests/integration.
import {
  formatHlc, initialClock, mergeEdit, receive, tick, clampHlc, uuidv7,
  type Change, type ClockState, type FieldState, type PullResponse, type PushRequest, type PushResponse,
} from '../protocol';
import type { Transport } from '../src/sync/transport';

interface StoredRecord {
  table: string;
  state: FieldState;
  seq: number;
}

export class MemoryServer {
  records = new Map<string, StoredRecord>();
  applied = new Set<string>();
  seq = 0;
  clock: ClockState = initialClock('server');
  pushes = 0;
  constructor(public now: () => number = () => Date.now()) {}

  push(request: PushRequest): PushResponse {
    this.pushes++;
    const acked: string[] = [];
    const rejected: PushResponse['rejected'] = [];
    for (const mutation of request.mutations) {
      if (this.applied.has(mutation.id)) {
        acked.push(mutation.id);
        continue;
      }
      if ('bad' in mutation.fields) {
        rejected.push({ id: mutation.id, code: 'invalid_fields', message: 'bad: unknown field' });
        continue;
      }
      this.clock = receive(this.clock, mutation.hlc, this.now());
      const hlc = clampHlc(mutation.hlc, this.clock);
      const current = this.records.get(mutation.recordId);
      const result = mergeEdit(current?.state ?? null, { fields: mutation.fields, hlc, base: mutation.base });
      if (result.changed.length > 0 || !current) {
        this.records.set(mutation.recordId, { table: mutation.table, state: result.state, seq: ++this.seq });
      }
      for (const lost of result.lost) {
        this.clock = tick(this.clock, this.now());
        const id = uuidv7(this.now(), (n) => crypto.getRandomValues(new Uint8Array(n)));
        const serverClock = formatHlc(this.clock);
        const values = {
          communityId: null, table: mutation.table, recordId: mutation.recordId, ...lost,
          resolved: false, resolvedBy: '', createdAt: this.now(), updatedAt: this.now(), createdBy: 'server', deleted: false,
        };
        const clocks = Object.fromEntries(Object.keys(values).map((key) => [key, serverClock]));
        this.records.set(id, { table: 'conflicts', state: { values, clocks }, seq: ++this.seq });
      }
      this.applied.add(mutation.id);
      acked.push(mutation.id);
    }
    return { acked, rejected, cursor: String(this.seq) };
  }

  pull(cursor: string | null, limit: number): PullResponse {
    const since = cursor === null ? 0 : Number(cursor);
    const rows = [...this.records.entries()]
      .filter(([, record]) => record.seq > since)
      .sort(([, a], [, b]) => a.seq - b.seq);
    const page = rows.slice(0, limit);
    const changes: Change[] = page.map(([recordId, record]) => ({
      table: record.table, recordId, fields: record.state.values, clocks: record.state.clocks, seq: record.seq,
    }));
    const last = page.at(-1)?.[1].seq ?? since;
    return { changes, cursor: String(last), hasMore: rows.length > limit };
  }

  /** The current records of a table, as plain values. */
  table(name: string): Record<string, unknown>[] {
    return [...this.records.entries()].filter(([, r]) => r.table === name).map(([id, r]) => ({ id, ...r.state.values }));
  }

  transport(): Transport {
    return {
      push: async (request) => structuredClone(this.push(structuredClone(request))),
      pull: async (cursor, limit) => structuredClone(this.pull(cursor, limit)),
    };
  }
}

/** Timers the test fires by hand. */
export class ManualTimers {
  private next = 1;
  pending = new Map<number, { callback: () => void; ms: number }>();
  setTimeout = (callback: () => void, ms: number): unknown => {
    const handle = this.next++;
    this.pending.set(handle, { callback, ms });
    return handle;
  };
  clearTimeout = (handle: unknown): void => {
    if (typeof handle === 'number') this.pending.delete(handle);
  };
  /** Delays of the timers now waiting. */
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }
  fireAll(): void {
    const timers = [...this.pending.values()];
    this.pending.clear();
    for (const timer of timers) timer.callback();
  }
}
