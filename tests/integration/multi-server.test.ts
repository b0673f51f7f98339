// Several server processes on one PostgreSQL database behave as one: runs only
// with TEST_POSTGRES_URL. Two stores on one database stand for two servers in
// the lock tests (each has its own connection pool); the load test runs two
// real server processes started together on a fresh database, with tablets
// spread over them pushing and pulling.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/load';
import type { KyselyStore } from '../../server/store/kysely-store';
import { openStore } from '../../server/store/open';
import { RecordTakenError, type StoredRecord } from '../../server/store/store';

const postgresUrl = process.env.TEST_POSTGRES_URL;

function record(orgId: string, seq: number): StoredRecord {
  return { id: randomUUID(), orgId, table: 'needs', communityId: null, refId: null, fields: '{}', clocks: '{}', seq, updatedAt: 0 };
}

/** A promise and the function that settles it, to hold a transaction open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

describe.runIf(postgresUrl)('several servers on one PostgreSQL database', () => {
  let admin: pg.Client;
  let schema: string;
  let first: KyselyStore;
  let second: KyselyStore;
  const orgA = randomUUID();
  const orgB = randomUUID();

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    schema = `t_${randomBytes(6).toString('hex')}`;
    await admin.query(`create schema ${schema}`);
    // Both migrate at once: the migrator's advisory lock lets one run the migrations and the other find them done.
    const open = () => openStore({ kind: 'postgres', url: postgresUrl!, options: { schema, maxConnections: 4 } });
    [first, second] = await Promise.all([open(), open()]);
    for (const id of [orgA, orgB]) await first.createOrganisation({ id, name: id, createdAt: 0 });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('a push of an organisation on one server waits for another server\'s open push of the same organisation, so its seqs commit in order and a pull never skips', async () => {
    const hold = gate();
    const firstLocked = gate();
    const slow = first.runPush(async (tx) => {
      const head = await tx.lockHead(orgA);
      firstLocked.open();
      await hold.opened;
      await tx.saveRecords([record(orgA, head.seq + 1)]);
      await tx.advanceHead(orgA, head.seq + 1);
      return head.seq + 1;
    });
    await firstLocked.opened;
    let secondHead: number | null = null;
    const fast = second.runPush(async (tx) => {
      const head = await tx.lockHead(orgA);
      secondHead = head.seq;
      await tx.saveRecords([record(orgA, head.seq + 1)]);
      await tx.advanceHead(orgA, head.seq + 1);
      return head.seq + 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The second server's push is still queued on the organisation's head: nothing committed, nothing to pull.
    expect(secondHead).toBeNull();
    expect(await second.readChanges(orgA, 0, 10)).toEqual([]);

    // Meanwhile another organisation's push on the second server goes through at once.
    const other = await second.runPush(async (tx) => {
      const head = await tx.lockHead(orgB);
      await tx.saveRecords([record(orgB, head.seq + 1)]);
      await tx.advanceHead(orgB, head.seq + 1);
      return head.seq + 1;
    });
    expect(other).toBe(1);

    hold.open();
    expect(await slow).toBe(1);
    expect(await fast).toBe(2);
    expect(secondHead).toBe(1);
    expect((await first.readChanges(orgA, 0, 10)).map((change) => change.seq)).toEqual([1, 2]);
    expect((await first.readHead(orgA)).seq).toBe(2);
    expect((await first.readHead(orgB)).seq).toBe(1);
  });

  it('a record id two organisations create at once on two servers goes to the first commit; the other push fails and is retried (then refused), never acked unwritten', async () => {
    const hold = gate();
    const firstWrote = gate();
    const shared = randomUUID();
    const firstPush = first.runPush(async (tx) => {
      const head = await tx.lockHead(orgA);
      await tx.saveRecords([{ ...record(orgA, head.seq + 1), id: shared }]);
      await tx.advanceHead(orgA, head.seq + 1);
      firstWrote.open();
      await hold.opened;
    });
    await firstWrote.opened;
    const secondPush = second.runPush(async (tx) => {
      const head = await tx.lockHead(orgB);
      await tx.saveRecords([{ ...record(orgB, head.seq + 1), id: shared }]);
      await tx.advanceHead(orgB, head.seq + 1);
    });
    hold.open();
    await firstPush;
    await expect(secondPush).rejects.toThrow(RecordTakenError);
    expect((await second.readChanges(orgB, 0, 100)).map((change) => change.id)).not.toContain(shared);
  });

  it('two server processes started together on a fresh database, tablets spread over both, pushing and pulling for 5 s: one setup link, nothing lost, nothing skipped, nothing twice', async () => {
    const report = await runLoad({
      devices: 12, organisations: 3, seconds: 5, batch: 20, rate: 0, pullEvery: 1, gzip: true, servers: 2, postgresUrl: postgresUrl!,
    });
    console.log(`[load postgres × 2] ${report.mutationsPerSecond} mutations/s, push p50 ${report.pushLatencyMs.p50} ms, p99 ${report.pushLatencyMs.p99} ms, ${report.records} records`);
    expect(report.servers).toBe(2);
    expect(report.setupLinksPrinted).toBe(1);
    expect(report.errorSamples).toEqual([]);
    expect(report.lostSamples).toEqual([]);
    expect(report.skippedSamples).toEqual([]);
    expect([report.errors, report.lost, report.unexpected, report.duplicates, report.skipped]).toEqual([0, 0, 0, 0, 0]);
    expect(report.mutations).toBeGreaterThan(0);
  }, 90_000);
});
