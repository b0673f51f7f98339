import { describe, expect, it } from 'vitest';
import type { PushTransaction } from '../store/store';
import { PushCommitter } from './group-commit';

const unused = () => Promise.reject(new Error('not used by these tests'));

/** A store whose transactions record which pushes ran in them. */
function fakeStore() {
  const transactions: string[][] = [];
  const logs = new Map<PushTransaction, string[]>();
  let flushes = 0;
  let open = 0;
  let maxOpen = 0;
  return {
    maxOpen: () => maxOpen,
    transactions,
    log: (tx: PushTransaction, name: string) => logs.get(tx)?.push(name),
    flushes: () => flushes,
    async runPush<T>(work: (tx: PushTransaction) => Promise<T>): Promise<T> {
      const tx: PushTransaction = {
        lockHead: unused, findAppliedMutations: unused, findRecords: unused, saveRecords: unused, saveAppliedMutations: unused, advanceHead: unused,
        findRecordsInCommunity: unused, findRecordsByRef: unused, findDevices: unused, saveDevice: unused,
      };
      open++;
      maxOpen = Math.max(maxOpen, open);
      const ran: string[] = [];
      logs.set(tx, ran);
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        const result = await work(tx); // throws before the push below: a failed transaction leaves no trace
        transactions.push(ran);
        return result;
      } finally {
        open--;
      }
    },
    async flushCommits() {
      flushes++;
    },
  };
}

describe('group commit of pushes', () => {
  it('runs pushes that arrive during a transaction together in the next one, in arrival order', async () => {
    const store = fakeStore();
    const committer = new PushCommitter(store, 16);
    const job = (name: string) => committer.run('org', async (tx) => {
      store.log(tx, name);
      return name.toUpperCase();
    });
    const results = await Promise.all(['a', 'b', 'c', 'd'].map(job));
    expect(results).toEqual(['A', 'B', 'C', 'D']);
    expect(store.transactions).toEqual([['a'], ['b', 'c', 'd']]);
    expect(store.flushes()).toBe(2);
  });

  it('a failing push fails alone: its group is retried one push per transaction', async () => {
    const store = fakeStore();
    const committer = new PushCommitter(store, 16);
    const ok = (name: string) => committer.run('org', async (tx) => {
      store.log(tx, name);
      return name;
    });
    const bad = () => committer.run('org', async () => {
      throw new Error('bad push');
    });
    const settled = await Promise.allSettled([ok('first'), ok('x'), bad(), ok('y')]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // 'first' alone; then x, bad, y together, which failed and was retried one by one.
    expect(store.transactions).toEqual([['first'], ['x'], ['y']]);
  });

  it('groups per organisation: organisations commit side by side, a transaction never holds two', async () => {
    const store = fakeStore();
    const committer = new PushCommitter(store, 16);
    const job = (org: string, name: string) => committer.run(org, async (tx) => {
      store.log(tx, `${org}:${name}`);
      return name;
    });
    await Promise.all([job('A', '1'), job('B', '1'), job('A', '2'), job('A', '3'), job('B', '2')]);
    expect(store.transactions).toEqual(expect.arrayContaining([['A:1'], ['B:1'], ['A:2', 'A:3'], ['B:2']]));
    expect(store.transactions).toHaveLength(4);
    expect(store.maxOpen()).toBe(2);
  });

  it('retries a push alone once when a concurrent transaction made it fail (a unique key committed meanwhile)', async () => {
    const store = fakeStore();
    const committer = new PushCommitter(store, 16);
    let tries = 0;
    const result = await committer.run('org', async () => {
      tries++;
      if (tries === 1) throw Object.assign(new Error('duplicate key'), { code: '23505' });
      return 'second try';
    });
    expect([result, tries]).toEqual(['second try', 2]);
    await expect(committer.run('org', async () => {
      throw Object.assign(new Error('bad'), { code: '22P02' });
    })).rejects.toThrow('bad');
  });

  it('holds replies until the commit is durable', async () => {
    let release: () => void = () => {};
    const base = fakeStore();
    const store = { runPush: base.runPush, flushCommits: () => new Promise<void>((resolve) => { release = resolve; }) };
    const committer = new PushCommitter(store);
    let replied = false;
    const reply = committer.run('org', async () => 'done').then(() => { replied = true; });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replied).toBe(false);
    release();
    await reply;
    expect(replied).toBe(true);
  });
});
