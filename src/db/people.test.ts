// Merges and assignments as the device writes them, and the register read back.
import { describe, expect, it } from 'vitest';
import { assignmentId, attendanceId, ERASED_NAME, tieId } from '../../protocol';
import { communityFields, participantFields, workshopFields } from '../../testing/fixtures';
import { eraseParticipant } from './erasure';
import { eachTestDatabase } from './test-database';
import { dismissPair, listAssignable, listDuplicateSuggestions, loadMergePair, loadRegister } from './people-queries';

const test = eachTestDatabase({ deviceId: 'tablet1', now: () => 1_700_000_000_000, author: () => 'coordinator-1' });

async function twoTabletsWalkIn() {
  const lazdona = await test.notebook.create('communities', communityFields({ name: 'Lazdona' }));
  const ergli = await test.notebook.create('communities', communityFields({ name: 'Ērgļi' }));
  const forum = await test.notebook.create('workshops', workshopFields(lazdona, { communityIds: [ergli], title: 'Forums' }));
  const first = await test.notebook.addWalkIn({ id: forum, communityId: lazdona }, participantFields(lazdona, { name: 'Ilze Kalna', phone: '' }));
  const second = await test.notebook.addWalkIn({ id: forum, communityId: lazdona }, participantFields(ergli, { name: 'ilze kalna', phone: '+371 2611 1111' }));
  return { lazdona, ergli, forum, first, second };
}

describe('merging people', () => {
  it('suggests the walk-in taken on two tablets, merges it with the chosen values, and the register shows one person', async () => {
    const { ergli, first, second } = await twoTabletsWalkIn();
    const register = await loadRegister(test.db);
    expect(await listDuplicateSuggestions(test.db, register.people)).toEqual([{ a: [first, second].sort()[0], b: [first, second].sort()[1], reasons: ['sameEvent'] }]);
    const pair = await loadMergePair(test.db, first, second);
    expect(pair?.map((candidate) => candidate.attended)).toEqual([1, 1]);

    await test.notebook.mergePeople(first, second, { phone: '+371 2611 1111' });
    const after = await loadRegister(test.db);
    expect(after.people.map((person) => person.name)).toEqual(['Ilze Kalna']);
    expect(after.people[0]).toMatchObject({ id: first, phone: '+371 2611 1111' });
    // The merged-away record stays, readable, with its own values.
    expect(after.merged.map(({ person, survivor }) => [person.name, survivor?.id])).toEqual([['ilze kalna', first]]);
    // Her other community follows her: a tie to Ērgļi.
    expect(await test.db.ties.get(tieId(first, ergli))).toMatchObject({ participantId: first, communityId: ergli, deleted: false });
    // Each write went to the outbox to sync.
    expect((await test.db.outbox.toArray()).filter((entry) => entry.table === 'participants' && (entry.recordId === first || entry.recordId === second)).length).toBeGreaterThanOrEqual(2);
    expect(await loadMergePair(test.db, first, second)).toBeNull();
  });

  it('erasing a person erases every record merged into them too', async () => {
    const { first, second } = await twoTabletsWalkIn();
    await test.notebook.mergePeople(first, second, {});
    await eraseParticipant(test.notebook, first, 'coordinator-1');
    for (const id of [first, second]) expect(await test.db.participants.get(id)).toMatchObject({ erased: true, phone: '', name: ERASED_NAME });
  });

  it('undoing a merge gives the person back as themselves', async () => {
    const { first, second } = await twoTabletsWalkIn();
    await test.notebook.mergePeople(second, first, {});
    await test.notebook.undoMerge(first);
    expect((await loadRegister(test.db)).people.map((person) => person.id).sort()).toEqual([first, second].sort());
  });

  it('a pair dismissed as two people is not suggested again on this device', async () => {
    const { first, second } = await twoTabletsWalkIn();
    await dismissPair(test.db, second, first);
    expect(await listDuplicateSuggestions(test.db, (await loadRegister(test.db)).people)).toEqual([]);
  });

  it('refuses to merge a person into themselves', async () => {
    const { first } = await twoTabletsWalkIn();
    await expect(test.notebook.mergePeople(first, first, {})).rejects.toThrow();
  });

  it('the forum counts in both communities\' event lists; its check-ins keep their ids', async () => {
    const { forum, first } = await twoTabletsWalkIn();
    expect(await test.db.attendance.get(attendanceId(forum, first))).toMatchObject({ participantId: first, deleted: false });
  });
});

describe('assignments', () => {
  it('a coordinator assigns and unassigns a facilitator, as synced edits of one derived record', async () => {
    const communityId = await test.notebook.create('communities', communityFields());
    await test.db.members.bulkPut([
      { id: 'u-anna', name: 'Anna', role: 'facilitator', active: true, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {} },
      { id: 'u-dace', name: 'Dace', role: 'coordinator', active: true, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {} },
      { id: 'u-old', name: 'Agra', role: 'facilitator', active: false, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {} },
    ]);
    expect(await listAssignable(test.db, communityId)).toEqual([{ id: 'u-anna', name: 'Anna', role: 'facilitator', assigned: false }]);
    await test.notebook.setAssignment('u-anna', communityId, true);
    expect((await listAssignable(test.db, communityId))[0]?.assigned).toBe(true);
    expect(await test.db.assignments.get(assignmentId('u-anna', { communityId }))).toMatchObject({ userId: 'u-anna', communityId, workshopId: null });
    await test.notebook.setAssignment('u-anna', communityId, false);
    expect((await listAssignable(test.db, communityId))[0]?.assigned).toBe(false);
    await test.notebook.setAssignment('u-anna', communityId, true);
    expect((await listAssignable(test.db, communityId))[0]?.assigned).toBe(true);
  });
});
