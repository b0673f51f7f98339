import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionFields, attendanceFields, communityFields, needFields, participantFields, photoFields, tieFields, workshopFields,
} from '../../testing/fixtures';
import { communityDeletion, listBin, workshopDeletion } from './bin-queries';
import { TalkaDatabase } from './database';
import { Notebook } from './notebook';

let db: TalkaDatabase;
let notebook: Notebook;
let now: number;

beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  now = 1_760_000_000_000;
  notebook = new Notebook({ db, deviceId: 'laptop1', now: () => now, author: () => 'user-dace' });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** A community with 2 events, 3 people (one also tied to another community), 2 needs, 1 action, 3 photos. */
async function village() {
  const communityId = await notebook.create('communities', communityFields({ name: 'Rauna' }));
  const otherId = await notebook.create('communities', communityFields({ name: 'Drusti' }));
  const workshops = [
    await notebook.create('workshops', workshopFields(communityId, { title: 'Vajadzības' })),
    await notebook.create('workshops', workshopFields(communityId, { title: 'Plāns' })),
  ];
  const shared = await notebook.create('workshops', workshopFields(communityId, { title: 'Kopīgais', communityIds: [otherId] }));
  const people = [
    await notebook.create('participants', participantFields(communityId, { name: 'Anna' })),
    await notebook.create('participants', participantFields(communityId, { name: 'Jānis' })),
    await notebook.create('participants', participantFields(communityId, { name: 'Ilze' })),
  ];
  const tiedElsewhere = await notebook.create('participants', participantFields(communityId, { name: 'Pēteris' }));
  await notebook.create('ties', tieFields(tiedElsewhere, otherId));
  const needs = [await notebook.create('needs', needFields(communityId)), await notebook.create('needs', needFields(communityId))];
  const gone = await notebook.create('needs', needFields(communityId, { title: 'Jau dzēsta' }));
  await notebook.remove('needs', gone);
  await notebook.create('actions', actionFields(communityId));
  const photos = [
    await notebook.create('photos', photoFields({ communityId, table: 'workshops', id: workshops[0]! })),
    await notebook.create('photos', photoFields({ communityId, table: 'workshops', id: workshops[1]! })),
    await notebook.create('photos', photoFields({ communityId, table: 'needs', id: needs[0]! })),
  ];
  await notebook.create('photos', photoFields({ communityId, table: 'workshops', id: shared }));
  await notebook.create('attendance', attendanceFields({ communityId, workshopId: workshops[0]!, participantId: people[0]! }));
  return { communityId, otherId, workshops, shared, people, tiedElsewhere, needs, gone, photos };
}

describe('what a deletion takes along', () => {
  it('a community: its own events, people, needs, plan and photos; not what another living community still holds, nor what was deleted before', async () => {
    const v = await village();
    const scope = await communityDeletion(db, v.communityId);
    expect(scope.counts).toEqual({ workshops: 2, participants: 3, needs: 2, actions: 1, photos: 3 });
    const ids = scope.children.map((child) => child.id);
    expect(ids).not.toContain(v.shared);
    expect(ids).not.toContain(v.tiedElsewhere);
    expect(ids).not.toContain(v.gone);
  });

  it('an event: its photos, and the check-ins that go out of sight with it', async () => {
    const v = await village();
    expect((await workshopDeletion(db, v.workshops[0]!)).counts).toEqual({ photos: 1, attendance: 1 });
    expect((await workshopDeletion(db, v.workshops[1]!)).counts).toEqual({ photos: 1 });
  });
});

describe('the bin', () => {
  it('lists one deletion as one entry, newest first, with who and when, and restores everything deleted with it but not what was deleted before', async () => {
    const v = await village();
    now += 60_000;
    const scope = await communityDeletion(db, v.communityId);
    await notebook.removeTogether([{ table: 'communities', id: v.communityId }, ...scope.children]);

    const bin = await listBin(db);
    expect(bin).toHaveLength(2);
    const [latest, earlier] = bin;
    expect(latest?.head).toMatchObject({ table: 'communities', id: v.communityId, title: 'Rauna', deletedBy: 'user-dace' });
    expect(latest?.others).toHaveLength(scope.children.length);
    expect(latest?.deletedAt).toBe(now);
    expect(earlier?.head).toMatchObject({ table: 'needs', id: v.gone });

    // Every deletion of the cascade is queued, so every device hears of it.
    const queued = await db.outbox.toArray();
    expect(queued.filter((entry) => entry.fields.deleted === true).map((entry) => entry.recordId))
      .toEqual(expect.arrayContaining([v.communityId, ...scope.children.map((child) => child.id)]));

    now += 60_000;
    await notebook.restoreTogether([latest!.head, ...latest!.others]);
    expect((await db.communities.get(v.communityId))?.deleted).toBe(false);
    for (const id of [...v.workshops, ...v.people, ...v.needs, ...v.photos]) {
      expect((await db.workshops.get(id)) ?? (await db.participants.get(id)) ?? (await db.needs.get(id)) ?? (await db.photos.get(id)))
        .toMatchObject({ deleted: false });
    }
    expect((await db.needs.get(v.gone))?.deleted).toBe(true);
    expect((await listBin(db)).map((entry) => entry.head.id)).toEqual([v.gone]);
  });
});
