// Writing the people a spreadsheet brought: through the notebook, one transaction per batch, so a
// failure part way leaves whole batches (each record with its outbox entry) and nothing half-written.
import type { EditableFields } from '../../protocol';
import type { Notebook } from './notebook';

export const IMPORT_BATCH = 100;

/** Creates the people, in batches of `batch` per transaction; returns their new ids in order. */
export async function importPeople(notebook: Notebook, people: readonly EditableFields<'participants'>[], batch = IMPORT_BATCH): Promise<string[]> {
  const { db } = notebook;
  const ids: string[] = [];
  for (let start = 0; start < people.length; start += batch) {
    const part = people.slice(start, start + batch);
    ids.push(...await db.transaction('rw', [db.participants, db.outbox, db.meta], async () => {
      const made: string[] = [];
      for (const person of part) made.push(await notebook.create('participants', person));
      return made;
    }));
  }
  return ids;
}
