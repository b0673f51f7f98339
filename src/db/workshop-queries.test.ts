// The workshop page's check-in count counts people, as the check-in screen and the overview do.
import { describe, expect, it } from 'vitest';
import { communityFields, participantFields, workshopFields } from '../../testing/fixtures';
import { eachTestDatabase } from './test-database';
import { countCheckedIn, listAttendees } from './workshop-queries';

const test = eachTestDatabase({ deviceId: 'tablet1', now: () => 1_700_000_000_000, author: () => 'coordinator-1' });

async function forumWithWalkIns(count: number) {
  const lazdona = await test.notebook.create('communities', communityFields({ name: 'Lazdona' }));
  const forum = { id: await test.notebook.create('workshops', workshopFields(lazdona, { title: 'Forums' })), communityId: lazdona };
  const people: string[] = [];
  for (let i = 0; i < count; i++) people.push(await test.notebook.addWalkIn(forum, participantFields(lazdona, { name: 'Ilze Kalna' })));
  return { forum: forum.id, people };
}

describe('countCheckedIn', () => {
  it('counts a walk-in checked in on two tablets once after they are merged, and twice again after the undo', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    expect(await countCheckedIn(test.db, forum)).toBe(2);
    await test.notebook.mergePeople(first!, second!, {});
    expect(await countCheckedIn(test.db, forum)).toBe(1);
    await test.notebook.undoMerge(second!);
    expect(await countCheckedIn(test.db, forum)).toBe(2);
  });

  it('follows a chain of merges and a ring from opposite merges to one person', async () => {
    const { forum, people: [a, b, c] } = await forumWithWalkIns(3);
    await test.notebook.mergePeople(b!, a!, {});
    await test.notebook.mergePeople(c!, b!, {});
    expect(await countCheckedIn(test.db, forum)).toBe(1);
    // The other device merged c into a: a ring of three, one survivor.
    await test.notebook.update('participants', c!, { mergedInto: a! });
    expect(await countCheckedIn(test.db, forum)).toBe(1);
  });

  it('counts a merged-away attendee as the survivor even when only they were checked in', async () => {
    const { forum, people: [walkIn] } = await forumWithWalkIns(1);
    const lazdona = (await test.db.workshops.get(forum))!.communityId;
    const registered = await test.notebook.create('participants', participantFields(lazdona, { name: 'Ilze Kalna' }));
    await test.notebook.mergePeople(registered, walkIn!, {});
    expect(await countCheckedIn(test.db, forum)).toBe(1);
  });

  it('leaves out people deleted after checking in', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    await test.notebook.remove('participants', first!);
    expect(await countCheckedIn(test.db, forum)).toBe(1);
    await test.notebook.remove('participants', second!);
    expect(await countCheckedIn(test.db, forum)).toBe(0);
  });

  it('lists each person once under the one who stays, with every record checked in for them and the earliest time', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    await test.notebook.mergePeople(first!, second!, {});
    const attendees = await listAttendees(test.db, forum);
    expect(attendees.map((attendee) => ({ ...attendee, records: [...attendee.records].sort() })))
      .toEqual([{ participantId: first, checkedInAt: 1_700_000_000_000, records: [first, second].sort() }]);
  });
});
