// The workshop page's check-in count counts people, as the check-in screen and the overview do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, participantFields, workshopFields } from '../../testing/fixtures';
import { TalkaDatabase } from './database';
import { Notebook } from './notebook';
import { countCheckedIn, listAttendees } from './workshop-queries';

let db: TalkaDatabase;
let notebook: Notebook;

beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  notebook = new Notebook({ db, deviceId: 'tablet1', now: () => 1_700_000_000_000, author: () => 'coordinator-1' });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function forumWithWalkIns(count: number) {
  const lazdona = await notebook.create('communities', communityFields({ name: 'Lazdona' }));
  const forum = { id: await notebook.create('workshops', workshopFields(lazdona, { title: 'Forums' })), communityId: lazdona };
  const people: string[] = [];
  for (let i = 0; i < count; i++) people.push(await notebook.addWalkIn(forum, participantFields(lazdona, { name: 'Ilze Kalna' })));
  return { forum: forum.id, people };
}

describe('countCheckedIn', () => {
  it('counts a walk-in checked in on two tablets once after they are merged, and twice again after the undo', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    expect(await countCheckedIn(db, forum)).toBe(2);
    await notebook.mergePeople(first!, second!, {});
    expect(await countCheckedIn(db, forum)).toBe(1);
    await notebook.undoMerge(second!);
    expect(await countCheckedIn(db, forum)).toBe(2);
  });

  it('follows a chain of merges and a ring from opposite merges to one person', async () => {
    const { forum, people: [a, b, c] } = await forumWithWalkIns(3);
    await notebook.mergePeople(b!, a!, {});
    await notebook.mergePeople(c!, b!, {});
    expect(await countCheckedIn(db, forum)).toBe(1);
    // The other device merged c into a: a ring of three, one survivor.
    await notebook.update('participants', c!, { mergedInto: a! });
    expect(await countCheckedIn(db, forum)).toBe(1);
  });

  it('counts a merged-away attendee as the survivor even when only they were checked in', async () => {
    const { forum, people: [walkIn] } = await forumWithWalkIns(1);
    const lazdona = (await db.workshops.get(forum))!.communityId;
    const registered = await notebook.create('participants', participantFields(lazdona, { name: 'Ilze Kalna' }));
    await notebook.mergePeople(registered, walkIn!, {});
    expect(await countCheckedIn(db, forum)).toBe(1);
  });

  it('leaves out people deleted after checking in', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    await notebook.remove('participants', first!);
    expect(await countCheckedIn(db, forum)).toBe(1);
    await notebook.remove('participants', second!);
    expect(await countCheckedIn(db, forum)).toBe(0);
  });

  it('lists each person once under the one who stays, with every record checked in for them and the earliest time', async () => {
    const { forum, people: [first, second] } = await forumWithWalkIns(2);
    await notebook.mergePeople(first!, second!, {});
    const attendees = await listAttendees(db, forum);
    expect(attendees.map((attendee) => ({ ...attendee, records: [...attendee.records].sort() })))
      .toEqual([{ participantId: first, checkedInAt: 1_700_000_000_000, records: [first, second].sort() }]);
  });
});
