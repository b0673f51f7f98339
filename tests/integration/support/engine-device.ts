// A tablet made of the app's own parts: TalkaDatabase on fake-indexeddb, the
// Notebook that writes records and the outbox, and the SyncEngine with a
// transport the test chooses (HTTP through a proxy, or app.request in process).
// The importing test file must `import 'fake-indexeddb/auto'` first.
import { randomBytes, randomUUID } from 'node:crypto';
import { TABLES, uuidv7 } from '../../../protocol';
import { Notebook, TalkaDatabase } from '../../../src/db';
import { SyncEngine } from '../../../src/sync/engine';
import type { Transport } from '../../../src/sync/transport';
import { ManualTimers } from '../../../testing/memory-server';

const random = (length: number) => new Uint8Array(randomBytes(length));

export interface EngineDevice {
  deviceId: string;
  db: TalkaDatabase;
  notebook: Notebook;
  engine: SyncEngine;
  timers: ManualTimers;
  /** Runs the engine until a sync ends without failure and the outbox is empty; returns the attempts it took. */
  syncUntilDone: (maxAttempts?: number) => Promise<number>;
  /** Every record on the device by id: its table, field values and field clocks. */
  records: () => Promise<Map<string, { table: string; values: Record<string, unknown>; clocks: Record<string, string> }>>;
  close: () => Promise<void>;
}

export interface EngineDeviceOptions {
  deviceId: string;
  transport: Transport;
  /** The signed-in user's id: the author of what this device writes. */
  userId: string;
  now?: () => number;
  pushBatchSize?: number;
  pullLimit?: number;
}

export function makeEngineDevice(options: EngineDeviceOptions): EngineDevice {
  const { deviceId, userId } = options;
  const now = options.now ?? (() => Date.now());
  const db = new TalkaDatabase(`engine-device-${randomUUID()}`);
  const notebook = new Notebook({ db, deviceId, author: () => userId, now, randomBytes: random });
  const timers = new ManualTimers();
  const engine = new SyncEngine({
    db, transport: options.transport, deviceId, timers, now, random: () => 0.5,
    newId: () => uuidv7(now(), random),
    authors: () => new Set([userId, deviceId]),
    ...(options.pushBatchSize ? { pushBatchSize: options.pushBatchSize } : {}),
    ...(options.pullLimit ? { pullLimit: options.pullLimit } : {}),
  });
  return {
    deviceId, db, notebook, engine, timers,
    async syncUntilDone(maxAttempts = 10) {
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        await engine.run();
        if (engine.getStatus().lastFailure === null && (await db.outbox.count()) === 0) return attempt;
      }
      throw new Error(`${deviceId} did not finish syncing in ${maxAttempts} attempts: ${JSON.stringify(engine.getStatus())}, outbox ${await db.outbox.count()}`);
    },
    async records() {
      const out = new Map<string, { table: string; values: Record<string, unknown>; clocks: Record<string, string> }>();
      for (const table of TABLES) {
        for (const row of (await db.table(table).toArray()) as Record<string, unknown>[]) {
          const { id, clocks, ...values } = row;
          out.set(String(id), { table, values, clocks: (clocks ?? {}) as Record<string, string> });
        }
      }
      return out;
    },
    async close() {
      engine.stop();
      db.close();
      await db.delete();
    },
  };
}
