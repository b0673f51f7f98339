import { afterEach, describe, expect, it, vi } from 'vitest';
import { participantFields } from '../../testing/fixtures';
import { TalkaDatabase } from './database';
import { Notebook } from './notebook';
import { importPeople } from './people-import';

const db = new TalkaDatabase(`import-${crypto.randomUUID()}`);
const notebook = new Notebook({ db, deviceId: 'test-device' });
afterEach(async () => {
  await Promise.all([db.participants.clear(), db.outbox.clear()]);
});

describe('importing people', () => {
  it('writes each person with its outbox entry, one transaction per batch', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    const people = Array.from({ length: 5 }, (_, i) => participantFields(null, { name: `Persona ${i}`, consentDate: '' }));
    const ids = await importPeople(notebook, people, 2);
    expect(ids).toHaveLength(5);
    expect((await db.participants.bulkGet(ids)).map((p) => p?.name)).toEqual(people.map((p) => p.name));
    expect(await db.outbox.count()).toBe(5);
    // Three batches (2 + 2 + 1); each create's own transaction joins its batch's.
    const batches = transaction.mock.calls.map((call) => call as unknown[]).filter((call) => Array.isArray(call[1]) && call[1][0] === db.participants && call[1].length === 3);
    expect(batches).toHaveLength(3);
    transaction.mockRestore();
  });

  it('a batch that fails leaves none of its people', async () => {
    const people = [participantFields(null, { name: 'Laba' }), participantFields(null, { name: 'Slikta', phone: 'nav numurs' })];
    await expect(importPeople(notebook, people, 10)).rejects.toThrow();
    expect(await db.participants.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
