// The sync engine: pushes the outbox in batches, then pulls until
// the server has nothing more, each page applied in one transaction. It runs
// at start, when the network returns, a few seconds after a local write, on a
// timer (with exponential backoff and jitter after failures) and on demand;
// one tab at a time. Transport, clock, timers and locks are parameters so
// tests can drive it without a browser or a network.
import { MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, type PushRequest } from '../../protocol';
import {
  applyPullPage, countPending, loadCursor, loadDeviceLabel, loadLastSync, requeueEverything, saveLastSync, settlePush, takePushBatch,
  narrowBatch, takeScope, watchOutbox, type SentBatch, type TalkaDatabase,
} from '../db';
import { SYNC_LOCK } from '../pwa/sync-lock';
import { backoffDelay } from './backoff';
import { uploadPhotoBlobs, type BlobTransport, type PhotoProgress } from './blob-upload';
import { ApiError, type Failure } from '../net/api-error';
import type { SendPush, Transport } from './transport';

export interface SyncProgress {
  sent: number;
  toSend: number;
  received: number;
  /** While photos' images go up before their records: "Foto N no M, X MB". */
  photos?: PhotoProgress;
}

export interface SyncStatus {
  running: boolean;
  lastSyncAt: number | null;
  /** The failure of the last attempt, cleared by the next success. */
  lastFailure: Failure | null;
  progress: SyncProgress | null;
  nextAttemptAt: number | null;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncLocks {
  /** Runs `task` if no other tab holds the lock; returns false when another tab is syncing. */
  runExclusive(task: () => Promise<void>): Promise<boolean>;
}

export interface SyncEngineOptions {
  db: TalkaDatabase;
  transport: Transport;
  /** Where photos' images go before their records; without it, photo records are pushed as they are. */
  blobs?: BlobTransport;
  deviceId: string;
  /** Authors whose changes this session may send: the signed-in user (and the device, for what was typed before sign-in). */
  authors: () => ReadonlySet<string>;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  locks?: SyncLocks;
  /** Calls back with the outbox's size whenever it changes, in any tab; src/db's watchOutbox unless given. */
  watchOutbox?: (db: TalkaDatabase, onCount: (count: number) => void) => () => void;
  newId: () => string;
  onStatus?: (status: SyncStatus) => void;
  /** Delay after a local write before syncing. */
  writeDelayMs?: number;
  /** Pull interval while everything is fine. */
  idleIntervalMs?: number;
  pushBatchSize?: number;
  pullLimit?: number;
}

const PUSH_BYTES_BUDGET = Math.floor(MAX_PUSH_BYTES * 0.75);
/** Records per pull page: fewer round trips on a 300 ms rural link, still one modest transaction per page. */
const PULL_PAGE = 2000;

interface PreparedBatch {
  /** Where this batch's read started (a split re-reads from here). */
  after: number | undefined;
  /** Where the next batch starts. */
  last: number;
  /** What is sent: settlePush removes it from the outbox once the server has it. */
  sent: SentBatch;
  send: SendPush;
}

/** The runtime's own timers, behind number handles (a browser's are numbers, Node's are objects). */
function runtimeTimers(): Timers {
  const pending = new Map<number, ReturnType<typeof setTimeout>>();
  let last = 0;
  return {
    setTimeout: (callback, ms) => {
      const handle = ++last;
      pending.set(handle, globalThis.setTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms));
      return handle;
    },
    clearTimeout: (handle) => {
      if (typeof handle !== 'number') return;
      globalThis.clearTimeout(pending.get(handle));
      pending.delete(handle);
    },
  };
}

export function webLocks(name = SYNC_LOCK): SyncLocks | undefined {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return undefined;
  return {
    runExclusive: async (task) => {
      let ran = false;
      await navigator.locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        ran = true;
        await task();
      });
      return ran;
    },
  };
}

export class SyncEngine {
  private readonly options: Required<Omit<SyncEngineOptions, 'onStatus' | 'locks' | 'blobs'>> & Pick<SyncEngineOptions, 'onStatus' | 'locks' | 'blobs'>;
  private status: SyncStatus = { running: false, lastSyncAt: null, lastFailure: null, progress: null, nextAttemptAt: null };
  private timer: unknown = null;
  private failures = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unwatch: (() => void) | null = null;
  private lastPending = 0;
  private readonly onOnline = () => void this.syncNow();

  constructor(options: SyncEngineOptions) {
    this.options = {
      now: () => Date.now(),
      random: Math.random,
      timers: runtimeTimers(),
      writeDelayMs: 3_000,
      idleIntervalMs: 2 * 60_000,
      pushBatchSize: MAX_PUSH_MUTATIONS,
      pullLimit: PULL_PAGE,
      watchOutbox,
      ...options,
    };
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Syncs now (resolves after this first sync) and from then on by itself. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.lastPending = await countPending(this.options.db);
    this.update({ lastSyncAt: await loadLastSync(this.options.db) });
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    this.unwatch = this.options.watchOutbox(this.options.db, (count) => {
      const grew = count > this.lastPending;
      this.lastPending = count;
      if (!grew || this.failures > 0) return;
      // A write during a sync may land after its push: run once more rather than wait for the idle timer.
      if (this.status.running) this.again = true;
      else this.schedule(this.options.writeDelayMs);
    });
    await this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.unwatch?.();
    this.unwatch = null;
    this.clearTimer();
  }

  /** Runs a sync as soon as possible (the "Sync now" button, the `online` event). Resets the backoff. */
  syncNow(): Promise<void> {
    this.failures = 0;
    this.clearTimer();
    return this.run();
  }

  /** One full sync, then the next one is scheduled. Concurrent calls share the run in progress and ask for one more. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.attempt();
      } while (this.again && this.failures === 0);
    })().finally(() => {
      this.running = null;
      if (!this.stopped) this.schedule(this.failures > 0 ? backoffDelay(this.failures, this.options.random) : this.options.idleIntervalMs);
    });
    return this.running;
  }

  private async attempt(): Promise<void> {
    const work = async () => {
      this.update({ running: true, progress: null });
      try {
        await this.pushAll();
        await this.pullAll();
        this.failures = 0;
        const at = this.options.now();
        await saveLastSync(this.options.db, at);
        this.update({ lastSyncAt: at, lastFailure: null });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.failure === 'cursor_reset') {
          await requeueEverything(this.options.db, this.options.newId, this.currentAuthor());
          this.again = true;
          return;
        }
        this.failures++;
        this.update({ lastFailure: error.failure });
      } finally {
        this.update({ running: false, progress: null });
      }
    };
    if (this.options.locks) await this.options.locks.runExclusive(work);
    else await work();
  }

  private currentAuthor(): string {
    const [first] = this.options.authors();
    return first ?? this.options.deviceId;
  }

  /**
   * Sends the outbox batch by batch, one request on the wire at a time (a
   * later batch may build on an earlier one's clocks). While a batch is on
   * the wire the next one is read, its photos' images uploaded and its body
   * compressed, and the previous batch's acknowledgements are settled.
   */
  private async pushAll(): Promise<void> {
    const { db, transport, deviceId } = this.options;
    const toSend = await countPending(db);
    const authors = this.options.authors();
    let sent = 0;
    let batchSize = this.options.pushBatchSize;
    const progress = (photos?: PhotoProgress) => this.update({ progress: { sent, toSend, received: 0, photos } });

    /** Reads the batch after `after`, uploads its images (blob-upload.ts: a refused one is marked and left out) and encodes it. */
    const prepare = async (after: number | undefined): Promise<PreparedBatch | null> => {
      for (;;) {
        const batch = await takePushBatch(db, { maxCount: batchSize, maxBytes: PUSH_BYTES_BUDGET, authors, after });
        if (batch.mutations.length === 0) return null;
        const ready = this.options.blobs ? await uploadPhotoBlobs(db, this.options.blobs, batch.mutations, progress) : batch.mutations;
        if (ready.length === 0) {
          after = batch.last;
          continue;
        }
        const sent = narrowBatch(batch, new Set(ready.map((mutation) => mutation.id)));
        // The device's label names it in conflicts filed by this push (docs/protocol.md, Push).
        const deviceLabel = await loadDeviceLabel(db);
        const request: PushRequest = { protocol: PROTOCOL_VERSION, deviceId, mutations: ready, ...(deviceLabel ? { deviceLabel } : {}) };
        const send: SendPush = transport.preparePush ? await transport.preparePush(request) : (since) => transport.push(request, since);
        return { after, last: batch.last, sent, send };
      }
    };

    let settling: Promise<void> = Promise.resolve();
    // The pull cursor as it will stand once the batches before have settled: while each push's reply says
    // the device holds everything up to the head, it moves along (and the pull after fetches nothing of its own).
    let cursor = await loadCursor(db);
    let next = prepare(undefined);
    try {
      for (;;) {
        const batch = await next;
        if (!batch) break;
        progress();
        const since = cursor;
        const answer = batch.send(since);
        next = prepare(batch.last);
        next.catch(() => {}); // awaited (and so reported) on the next turn, or dropped with this one's failure
        let response;
        try {
          response = await answer;
        } catch (error) {
          // A batch the server finds too large is split rather than retried as is forever.
          if (error instanceof ApiError && error.failure === 'too_large' && batchSize > 1) {
            batchSize = Math.max(1, Math.floor(batch.sent.ids.length / 2));
            await next.catch(() => null);
            next = prepare(batch.after);
            continue;
          }
          throw error;
        }
        const move = response.pulledThrough && since !== null ? { from: since, to: response.pulledThrough } : undefined;
        cursor = move ? move.to : null;
        const settled = settling;
        settling = (async () => {
          await settled;
          await settlePush(db, batch.sent, response.rejected, move);
          sent += batch.sent.ids.length;
          progress();
        })();
        settling.catch(() => {}); // awaited before the next settle and at the end
      }
    } finally {
      await next.catch(() => null);
      await settling;
    }
  }

  /**
   * Pulls to the end, each page applied in one transaction with its cursor.
   * The next page is fetched (with the cursor the last reply named) while
   * the current one is applied; if applying fails, it is dropped unapplied.
   */
  private async pullAll(): Promise<void> {
    const { db, transport, deviceId } = this.options;
    const limit = this.options.pullLimit;
    let received = 0;
    let next = transport.pull(await loadCursor(db), limit);
    let first = true;
    for (;;) {
      const page = await next;
      // What this user may see changed since the last pull: the device's records are gone, pull them all again.
      if (first && page.scope !== undefined && (await takeScope(db, page.scope))) {
        first = false;
        next = transport.pull(null, limit);
        continue;
      }
      first = false;
      if (page.hasMore) {
        next = transport.pull(page.cursor, limit);
        next.catch(() => {}); // awaited (and so reported) on the next turn; handled now, in case it fails while this page applies
      }
      received += await applyPullPage(db, deviceId, page.changes, page.cursor, this.options.now());
      this.update({ progress: { sent: this.status.progress?.sent ?? 0, toSend: this.status.progress?.toSend ?? 0, received } });
      if (!page.hasMore) break;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.update({ nextAttemptAt: this.options.now() + ms });
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.status.nextAttemptAt !== null) this.update({ nextAttemptAt: null });
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }
}
