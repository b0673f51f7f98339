// Group commit for pushes: pushes of one organisation that arrive while one of
// its push transactions is running wait, then run together in its next
// transaction, one after the other. Each still sees the ones before it, so the
// result is the same as one transaction each, but the transaction and its
// commit are paid once per group. A push's reply is released only once its
// commit is durable (flushCommits); the next group runs meanwhile. If a group
// fails, its pushes are retried one per transaction, so one bad push cannot
// fail the others.
//
// Groups never mix organisations: a push transaction locks its organisation's
// head (store.ts lockHead), and a transaction holding two organisations' heads
// could deadlock with another taking them in the other order. Organisations
// drain side by side, each on its own pool connection.
import type { PushTransaction, Store } from '../store/store';

type Work<T> = (tx: PushTransaction) => Promise<T>;

interface Job {
  /** Runs the push in the transaction; returns what settles its promise once the transaction commits. */
  execute: (tx: PushTransaction) => Promise<() => void>;
  fail: (error: unknown) => void;
}

/**
 * Errors a transaction may meet from a concurrent one (another organisation's push, another server), worth one
 * more try alone: a record id or mutation id another organisation's push took meanwhile (the retry sees it and
 * refuses the mutation), a serialization failure, a deadlock, SQLite busy.
 */
function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return ['record_taken', '23505', '40001', '40P01', 'SQLITE_BUSY'].includes(String(error.code));
}

export class PushCommitter {
  /** Waiting pushes per organisation; an organisation is in the map while it drains. */
  private readonly queues = new Map<string, Job[]>();

  constructor(
    private readonly store: Pick<Store, 'runPush' | 'flushCommits'>,
    /** Pushes per transaction at most; a group of large pushes stays well under a second. */
    private readonly maxGroup = 16,
  ) {}

  run<T>(orgId: string, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        execute: async (tx) => {
          const result = await work(tx);
          return () => resolve(result);
        },
        fail: reject,
      };
      const queue = this.queues.get(orgId);
      if (queue) {
        queue.push(job);
        return;
      }
      this.queues.set(orgId, [job]);
      void this.drain(orgId);
    });
  }

  private async drain(orgId: string): Promise<void> {
    const queue = this.queues.get(orgId) ?? [];
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, this.maxGroup);
        await this.commitGroup(group);
      }
    } finally {
      this.queues.delete(orgId);
    }
  }

  private async commitGroup(group: Job[]): Promise<void> {
    if (group.length > 1) {
      try {
        const settlers = await this.store.runPush(async (tx) => {
          const out: (() => void)[] = [];
          for (const job of group) out.push(await job.execute(tx));
          return out;
        });
        this.releaseWhenDurable(group, settlers);
        return;
      } catch {
        // Fall through: retry each alone, so only the failing push fails.
      }
    }
    for (const job of group) {
      try {
        const settle = await this.runAlone(job);
        this.releaseWhenDurable([job], [settle]);
      } catch (error) {
        job.fail(error);
      }
    }
  }

  private async runAlone(job: Job): Promise<() => void> {
    try {
      return await this.store.runPush(job.execute);
    } catch (error) {
      if (!isTransient(error)) throw error;
      return this.store.runPush(job.execute);
    }
  }

  /** Replies wait for the disk; the queue does not. */
  private releaseWhenDurable(jobs: Job[], settlers: (() => void)[]): void {
    this.store.flushCommits().then(
      () => settlers.forEach((settle) => settle()),
      (error: unknown) => jobs.forEach((job) => job.fail(error)),
    );
  }
}
