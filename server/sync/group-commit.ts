// Group commit for pushes: pushes that arrive while a push transaction is
// running wait, then run together in the next transaction, one after the
// other. Each still sees the ones before it, so the result is the same as one
// transaction each, but the transaction and its commit are paid once per group.
// A push's reply is released only once its commit is durable (flushCommits);
// the next group runs meanwhile. If a group fails, its pushes are retried one
// per transaction, so one bad push cannot fail the others.
import type { PushTransaction, Store } from '../store/store';

type Work<T> = (tx: PushTransaction) => Promise<T>;

interface Job {
  /** Runs the push in the transaction; returns what settles its promise once the transaction commits. */
  execute: (tx: PushTransaction) => Promise<() => void>;
  fail: (error: unknown) => void;
}

export class PushCommitter {
  private queue: Job[] = [];
  private draining = false;

  constructor(
    private readonly store: Pick<Store, 'runPush' | 'flushCommits'>,
    /** Pushes per transaction at most; a group of large pushes stays well under a second. */
    private readonly maxGroup = 16,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        execute: async (tx) => {
          const result = await work(tx);
          return () => resolve(result);
        },
        fail: reject,
      });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        await this.commitGroup(group);
      }
    } finally {
      this.draining = false;
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
        const settle = await this.store.runPush(job.execute);
        this.releaseWhenDurable([job], [settle]);
      } catch (error) {
        job.fail(error);
      }
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
