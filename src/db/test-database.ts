// For the db room's tests: a fresh TalkaDatabase (fake-indexeddb) and a Notebook on it for each test,
// deleted after. Call at the top of a test file; read `.db` and `.notebook` inside the tests.
import { afterEach, beforeEach } from 'vitest';
import { TalkaDatabase } from './database';
import { Notebook, type NotebookOptions } from './notebook';

/** Set before each test (so only read inside one). */
export class TestDatabase {
  db!: TalkaDatabase;
  notebook!: Notebook;
}

export function eachTestDatabase(options: Omit<NotebookOptions, 'db'> = { deviceId: 'tablet1', now: () => 1_700_000_000_000 }): TestDatabase {
  const current = new TestDatabase();
  beforeEach(async () => {
    current.db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
    await current.db.open();
    current.notebook = new Notebook({ ...options, db: current.db });
  });
  afterEach(async () => {
    current.db.close();
    await current.db.delete();
  });
  return current;
}
