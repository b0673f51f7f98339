import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, needFields } from '../../testing/fixtures';
import { TalkaDatabase } from './database';
import { loadCursor, saveCursor } from './meta';
import { Notebook } from './notebook';
import { takeScope } from './scope';

let db: TalkaDatabase;
let notebook: Notebook;

beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  notebook = new Notebook({ db, deviceId: 'tablet1', now: () => 1_700_000_000_000 });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('takeScope', () => {
  it('the first scope and the same again change nothing', async () => {
    await notebook.create('communities', communityFields());
    expect(await takeScope(db, 'scope-1')).toBe(false);
    expect(await takeScope(db, 'scope-1')).toBe(false);
    expect(await db.communities.count()).toBe(1);
  });

  it('a new scope forgets the records and the cursor, but keeps every record with unsent changes', async () => {
    const pulled = await notebook.create('communities', communityFields({ name: 'Pulled' }));
    const typed = await notebook.create('needs', needFields(pulled, { title: 'Typed here, unsent' }));
    await db.outbox.where('recordId').equals(pulled).delete(); // as if pushed long ago
    await saveCursor(db, 'cursor-1');
    await takeScope(db, 'scope-1');
    expect(await takeScope(db, 'scope-2')).toBe(true);
    expect(await db.communities.get(pulled)).toBeUndefined();
    expect(await db.needs.get(typed)).toMatchObject({ title: 'Typed here, unsent' });
    expect(await db.outbox.where('recordId').equals(typed).count()).toBe(1);
    expect(await loadCursor(db)).toBeNull();
  });
});
