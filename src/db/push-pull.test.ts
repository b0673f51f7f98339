import { afterEach, describe, expect, it } from 'vitest';
import type { Change, Fields } from '../../protocol';
import { TalkaDatabase } from './database';
import { Notebook } from './notebook';
import { applyPullPage } from './pull-side';
import { markRefused, settlePush, takePushBatch } from './push-side';

const T = Date.UTC(2025, 4, 1, 9, 0, 0);
const clock = (ms: number, device: string, counter = 0) => `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;
const COMMUNITY = '01968b12-fe80-7000-8000-000000000001';
const NEED = '01968b12-fe80-7000-8000-000000000002';
const USER = 'user-a';

const need: Fields = {
  createdAt: T, updatedAt: T, createdBy: 'user-b', deleted: false,
  communityId: COMMUNITY, workshopId: null, title: 'Ceļa apgaismojums', description: '', category: 'safety', status: 'raised', owner: '',
};

/** The need as the server sends it: every field with its clock, `later` fields edited at `laterClock`. */
function pulled(fields: Fields, laterClock?: string): Change {
  const clocks = Object.fromEntries(Object.keys(need).map((field) => [field, clock(T, 'tabletB')]));
  if (laterClock) for (const field of Object.keys(fields)) clocks[field] = laterClock;
  return { table: 'needs', recordId: NEED, fields: { ...need, ...fields }, clocks, seq: 1 };
}

const databases: TalkaDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function tabletA() {
  const db = new TalkaDatabase(`push-pull-${crypto.randomUUID()}`);
  databases.push(db);
  // Tablet A's calendar runs a minute behind tablet B's.
  const notebook = new Notebook({ db, deviceId: 'tabletA', author: () => USER, now: () => T + 1_000 });
  await applyPullPage(db, 'tabletA', [pulled({})], 'cursor-1', T);
  return { db, notebook };
}

async function pushAndAcknowledge(db: TalkaDatabase): Promise<void> {
  const batch = await takePushBatch(db, { maxCount: 100, maxBytes: 1_000_000, authors: new Set([USER]) });
  expect(batch.mutations.length).toBeGreaterThan(0);
  await settlePush(db, batch, []);
}

async function heldKeys(db: TalkaDatabase): Promise<string[]> {
  return (await db.meta.where('key').startsWith('held:').primaryKeys()).map(String);
}

describe('a pull meeting a field with an unsent change', () => {
  it('keeps the unsent value while it is unsent; once its push settles, takes the later server value it lost to', async () => {
    // Found by tests/integration/convergence.property.test.ts: without this the device kept its own value
    // for good, since a push that loses on every field leaves the server's record, and its seq, as they were.
    const { db, notebook } = await tabletA();
    await notebook.update('needs', NEED, { title: 'Typed on A during the pull' });
    const fromB = clock(T + 60_000, 'tabletB');
    await applyPullPage(db, 'tabletA', [pulled({ title: 'From B', updatedAt: T + 60_000 }, fromB)], 'cursor-2', T + 1_000);
    expect((await db.needs.get(NEED))?.title).toBe('Typed on A during the pull');

    await pushAndAcknowledge(db);
    const after = await db.needs.get(NEED);
    expect(after?.title).toBe('From B');
    expect(after?.clocks.title).toBe(fromB);
    expect(after?.updatedAt).toBe(T + 60_000);
    expect(await heldKeys(db)).toEqual([]);
  });

  it('an edit made over it after that pull is later than the held value, is sent, and stays', async () => {
    const { db, notebook } = await tabletA();
    await notebook.update('needs', NEED, { title: 'Typed on A during the pull' });
    await applyPullPage(db, 'tabletA', [pulled({ title: 'From B' }, clock(T + 60_000, 'tabletB'))], 'cursor-2', T + 1_000);
    // The person still sees their own value and types over it: the first value is theirs to replace.
    await notebook.update('needs', NEED, { title: 'Typed on A again' });

    await pushAndAcknowledge(db);
    const after = await db.needs.get(NEED);
    expect(after?.title).toBe('Typed on A again');
    expect(String(after?.clocks.title) > clock(T + 60_000, 'tabletB')).toBe(true);
    expect(await heldKeys(db)).toEqual([]);
  });

  it('an unsent value later than the server value is kept, and nothing is held', async () => {
    const { db, notebook } = await tabletA();
    await notebook.update('needs', NEED, { title: 'Typed on A' });
    await applyPullPage(db, 'tabletA', [pulled({ title: 'Older from B' }, clock(T + 500, 'tabletB'))], 'cursor-2', T + 1_000);
    expect(await heldKeys(db)).toEqual([]);
    await pushAndAcknowledge(db);
    expect((await db.needs.get(NEED))?.title).toBe('Typed on A');
  });
});

describe('taking and settling push batches', () => {
  const newNeed = (notebook: Notebook, title: string) => notebook.create('needs', {
    communityId: COMMUNITY, workshopId: null, title, description: '', category: 'safety', status: 'raised', owner: '',
  });

  async function notebookWith(titles: readonly string[]) {
    const db = new TalkaDatabase(`sync-batches-${crypto.randomUUID()}`);
    databases.push(db);
    const notebook = new Notebook({ db, deviceId: 'tabletA', author: () => USER, now: () => T });
    for (const title of titles) await newNeed(notebook, title);
    return { db, notebook };
  }

  it('reads batches one after another from where the last one ended, by count and by bytes', async () => {
    const { db } = await notebookWith(['a', 'b', 'c', 'd', 'e']);
    const authors = new Set([USER]);
    const first = await takePushBatch(db, { maxCount: 2, maxBytes: 1_000_000, authors });
    const second = await takePushBatch(db, { maxCount: 2, maxBytes: 1_000_000, authors, after: first.last });
    const third = await takePushBatch(db, { maxCount: 2, maxBytes: 1_000_000, authors, after: second.last });
    const titles = (batch: typeof first) => batch.mutations.map((mutation) => mutation.fields.title);
    expect([titles(first), titles(second), titles(third)]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect((await takePushBatch(db, { maxCount: 2, maxBytes: 1_000_000, authors, after: third.last })).mutations).toEqual([]);
    // One mutation always goes, however large; the next one waits once the budget is spent.
    expect((await takePushBatch(db, { maxCount: 10, maxBytes: 1, authors })).mutations).toHaveLength(1);
  });

  it('skips refused changes and other users\' changes', async () => {
    const { db } = await notebookWith(['a', 'b', 'c']);
    const [a, b, c] = await db.outbox.orderBy('seq').toArray();
    await markRefused(db, [{ id: a!.id, code: 'forbidden', message: 'no' }]);
    await db.outbox.update(b!.seq!, { author: 'someone-else' });
    const batch = await takePushBatch(db, { maxCount: 10, maxBytes: 1_000_000, authors: new Set([USER]) });
    expect(batch.mutations.map((mutation) => mutation.id)).toEqual([c!.id]);
    expect(batch.seqs).toEqual([c!.seq]);
  });

  it('removes what was applied and keeps what is not: refused, skipped, and an entry folded into since it was sent', async () => {
    const { db, notebook } = await notebookWith(['a', 'b', 'c']);
    const [a, b] = await db.outbox.orderBy('seq').toArray();
    await db.outbox.update(b!.seq!, { author: 'someone-else' });
    const batch = await takePushBatch(db, { maxCount: 10, maxBytes: 1_000_000, authors: new Set([USER]) });
    expect(batch.mutations).toHaveLength(2);
    // While the batch is on the wire the user edits the last need again: the edit folds into its entry under a new id.
    const lastNeed = batch.mutations[1]!.recordId;
    await notebook.update('needs', lastNeed, { title: 'c, labots' });
    await settlePush(db, batch, []);
    const left = await db.outbox.orderBy('seq').toArray();
    expect(left.map((entry) => entry.seq)).toEqual([b!.seq, batch.seqs[1]]);
    expect(left[1]).toMatchObject({ recordId: lastNeed, fields: { title: 'c, labots' } });
    expect(left.some((entry) => entry.id === a!.id)).toBe(false);
  });

  it('a batch acknowledged whole leaves an empty outbox', async () => {
    const { db } = await notebookWith(['a', 'b', 'c', 'd']);
    const batch = await takePushBatch(db, { maxCount: 10, maxBytes: 1_000_000, authors: new Set([USER]) });
    await settlePush(db, batch, []);
    expect(await db.outbox.count()).toBe(0);
  });
});
