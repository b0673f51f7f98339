import { describe, expect, it } from 'vitest';
import { communityFields, needFields } from '../../testing/fixtures';
import { loadCursor, saveCursor } from './meta';
import { eachTestDatabase } from './test-database';
import { takeScope } from './scope';

const test = eachTestDatabase({ deviceId: 'tablet1', now: () => 1_700_000_000_000 });

describe('takeScope', () => {
  it('the first scope and the same again change nothing', async () => {
    await test.notebook.create('communities', communityFields());
    expect(await takeScope(test.db, 'scope-1')).toBe(false);
    expect(await takeScope(test.db, 'scope-1')).toBe(false);
    expect(await test.db.communities.count()).toBe(1);
  });

  it('a new scope forgets the records and the cursor, but keeps every record with unsent changes', async () => {
    const pulled = await test.notebook.create('communities', communityFields({ name: 'Pulled' }));
    const typed = await test.notebook.create('needs', needFields(pulled, { title: 'Typed here, unsent' }));
    await test.db.outbox.where('recordId').equals(pulled).delete(); // as if pushed long ago
    await saveCursor(test.db, 'cursor-1');
    await takeScope(test.db, 'scope-1');
    expect(await takeScope(test.db, 'scope-2')).toBe(true);
    expect(await test.db.communities.get(pulled)).toBeUndefined();
    expect(await test.db.needs.get(typed)).toMatchObject({ title: 'Typed here, unsent' });
    expect(await test.db.outbox.where('recordId').equals(typed).count()).toBe(1);
    expect(await loadCursor(test.db)).toBeNull();
  });
});
