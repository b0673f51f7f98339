import { describe, expect, it } from 'vitest';
import { communityFields, participantFields, programmeFields } from '../../testing/fixtures';
import { clearLocalData } from './device-owner';
import { ReportInputCache, loadProgrammeReportInput } from './programme-report-queries';
import { eachTestDatabase } from './test-database';

const t = eachTestDatabase();

function names(rows: readonly { name: string; deleted: boolean }[]): string[] {
  return rows.filter((row) => !row.deleted).map((row) => row.name).sort();
}

describe('the programme report\'s records on the device', () => {
  it('reads every record the report counts, deleted ones included', async () => {
    const communityId = await t.notebook.create('communities', communityFields());
    await t.notebook.create('programmes', programmeFields());
    const gone = await t.notebook.create('participants', participantFields(communityId, { name: 'Anna Liepa' }));
    await t.notebook.create('participants', participantFields(communityId, { name: 'Jānis Bērziņš' }));
    await t.notebook.remove('participants', gone);
    const input = await loadProgrammeReportInput(t.db);
    expect(input.programmes).toHaveLength(1);
    expect(input.communities).toHaveLength(1);
    expect(input.participants.map((row) => [row.name, row.deleted]).sort()).toEqual([['Anna Liepa', true], ['Jānis Bērziņš', false]]);
  });

  it('after the first read, sees each later write: new, edited and binned records, and tells its listeners', async () => {
    const cache = new ReportInputCache(t.db);
    let told = 0;
    cache.subscribe(() => { told += 1; });
    const communityId = await t.notebook.create('communities', communityFields());
    const anna = await t.notebook.create('participants', participantFields(communityId, { name: 'Anna Liepa' }));
    const first = await cache.read();
    expect(names(first.participants)).toEqual(['Anna Liepa']);
    expect(cache.warm).toBe(true);
    // Nothing written since: the same records, so what was counted from them need not be counted again.
    expect(await cache.read()).toBe(first);

    const janis = await t.notebook.create('participants', participantFields(communityId, { name: 'Jānis Bērziņš' }));
    await t.notebook.update('participants', anna, { name: 'Anna Kalniņa' });
    expect(cache.warm).toBe(false);
    expect(told).toBeGreaterThanOrEqual(2);
    expect(names((await cache.read()).participants)).toEqual(['Anna Kalniņa', 'Jānis Bērziņš']);

    await t.notebook.remove('participants', janis);
    expect(names((await cache.read()).participants)).toEqual(['Anna Kalniņa']);
    cache.close();
  });

  it('takes a bulk write (a pull) whole, and forgets an emptied table at once', async () => {
    const cache = new ReportInputCache(t.db);
    const communityId = await t.notebook.create('communities', communityFields());
    await cache.read();
    const pulled = Array.from({ length: 120 }, (_, index) => ({
      ...participantFields(communityId, { name: `Persona ${index}` }),
      id: `00000000-0000-7000-8000-${String(index).padStart(12, '0')}`,
      createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {},
    }));
    await t.db.participants.bulkPut(pulled);
    expect((await cache.read()).participants).toHaveLength(120);

    await clearLocalData(t.db);
    // Nothing of the people stays in memory, before anyone reads again.
    expect(cache.warm).toBe(false);
    const input = await cache.read();
    expect([input.participants.length, input.communities.length]).toEqual([0, 0]);
    cache.close();
  });

  it('answers two readers at once with the same records', async () => {
    const cache = new ReportInputCache(t.db);
    await t.notebook.create('communities', communityFields({ name: 'Lazdona' }));
    const [first, second] = await Promise.all([cache.read(), cache.read()]);
    expect(first.communities.map((row) => row.name)).toEqual(['Lazdona']);
    expect(second.communities.map((row) => row.name)).toEqual(['Lazdona']);
    cache.close();
  });
});
