import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceId, parseHlc, compareHlc, type EditableFields } from '../../protocol';
import { TalkaDatabase } from './database';
import { ValidationError } from './errors';
import { Notebook } from './notebook';

const community: EditableFields<'communities'> = {
  name: 'Drabešu kopiena', municipality: 'LV-022', parish: 'Drabešu pagasts', description: '', maturity: 'emerging', contacts: [],
};

let db: TalkaDatabase;
let notebook: Notebook;
let now: number;

beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
  now = 1_700_000_000_000;
  notebook = new Notebook({ db, deviceId: 'tablet1', now: () => now });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const workshopFields = (communityId: string): EditableFields<'workshops'> => ({
  communityId, title: 'Vajadzību darbnīca', kind: 'workshop', date: '2026-11-20', startTime: '18:00', endTime: '',
  place: 'Tautas nams', programme: 'KOPA', facilitators: 'Anna', agenda: '', notes: '', status: 'planned', dotsPerPerson: 3,
});

describe('Notebook commands', () => {
  it('a create writes the record and exactly one outbox entry with every field and the clock', async () => {
    const id = await notebook.create('communities', community);
    const stored = await db.communities.get(id);
    expect(stored).toMatchObject({ ...community, id, deleted: false, createdAt: now, updatedAt: now, createdBy: 'tablet1' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const entry = outbox[0]!;
    expect(entry).toMatchObject({ table: 'communities', recordId: id, op: 'put' });
    expect(entry.fields).toEqual({ ...community, createdAt: now, updatedAt: now, createdBy: 'tablet1', deleted: false });
    expect(Object.values(entry.base).every((clock) => clock === null)).toBe(true);
    expect(parseHlc(entry.hlc)).toMatchObject({ wall: now, deviceId: 'tablet1' });
    expect(Object.values(stored!.clocks).every((clock) => clock === entry.hlc)).toBe(true);
  });

  it('an update sends only the changed fields, with the clocks this device had as base, the deletion state\'s among them', async () => {
    const id = await notebook.create('communities', community);
    const firstClock = (await db.communities.get(id))!.clocks.name;
    await db.outbox.clear();
    now += 1000;
    await notebook.update('communities', id, { name: 'Drabešu ciems' });
    const [entry] = await db.outbox.toArray();
    expect(entry!.fields).toEqual({ name: 'Drabešu ciems', updatedAt: now });
    expect(entry!.base).toEqual({ name: firstClock, updatedAt: firstClock, deleted: firstClock });
    expect(compareHlc(entry!.hlc, firstClock!)).toBe(1);
  });

  it('a deletion says what it had seen of every field, and who made it', async () => {
    const id = await notebook.create('communities', community);
    const clocks = (await db.communities.get(id))!.clocks;
    await db.outbox.clear();
    now += 1000;
    await notebook.remove('communities', id);
    const [entry] = await db.outbox.toArray();
    expect(entry!.fields).toMatchObject({ deleted: true, deletedBy: 'tablet1' });
    expect(entry!.base).toMatchObject(Object.fromEntries(Object.keys(community).map((field) => [field, clocks[field]])));
  });

  it('refuses invalid data and writes neither the record nor an outbox entry', async () => {
    await expect(notebook.create('communities', { ...community, name: '   ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(notebook.create('communities', { ...community, municipality: '' })).rejects.toMatchObject({ fieldErrors: { municipality: 'required' } });
    expect(await db.communities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a write that fails midway leaves neither the record nor its outbox entry', async () => {
    const id = await notebook.create('communities', community);
    const before = { record: await db.communities.get(id), outbox: await db.outbox.toArray() };
    // Make the outbox write fail inside the transaction: a duplicate unique mutation id.
    const existingId = before.outbox[0]!.id;
    notebook.newId = () => existingId;
    await expect(notebook.create('needs', {
      communityId: id, workshopId: null, title: 'Apgaismojums', description: '', category: 'safety', status: 'raised', owner: '',
    })).rejects.toThrow();
    expect(await db.needs.count()).toBe(0);
    expect(await db.outbox.toArray()).toEqual(before.outbox);
  });

  it('folds typing into the newest unsent entry of a record, under a new id', async () => {
    const communityId = await notebook.create('communities', community);
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const created = await db.outbox.orderBy('seq').last();
    for (const notes of ['S', 'Sa', 'Sap', 'Sapulce']) {
      now += 10;
      await notebook.update('workshops', workshopId, { notes });
    }
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries).toHaveLength(2);
    const folded = entries[1]!;
    expect(folded.id).not.toBe(created!.id);
    expect(folded.fields).toMatchObject({ title: 'Vajadzību darbnīca', notes: 'Sapulce', updatedAt: now });
    expect(folded.base.title).toBeNull();
    expect((await db.workshops.get(workshopId))!.notes).toBe('Sapulce');
  });

  it('does not fold into an entry the server rejected', async () => {
    const id = await notebook.create('communities', community);
    await db.outbox.toCollection().modify({ rejection: { code: 'x', message: 'no' } });
    await notebook.update('communities', id, { description: 'jauns' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('soft delete and undo are edits of the deleted flag', async () => {
    const id = await notebook.create('communities', community);
    await notebook.remove('communities', id);
    expect((await db.communities.get(id))!.deleted).toBe(true);
    await notebook.restore('communities', id);
    expect((await db.communities.get(id))!.deleted).toBe(false);
  });

  it('check-in makes one attendance row with a derived id; again is a no-op; check-out deletes it', async () => {
    const communityId = await notebook.create('communities', community);
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const workshop = { id: workshopId, communityId };
    const participantId = await notebook.create('participants', {
      communityId, name: 'Jānis Bērziņš', household: '', phone: '', email: '', role: 'resident',
      consentData: true, consentPhotos: false, consentDate: '2026-11-20', erased: false,
    });
    await db.outbox.clear();
    const id = await notebook.checkIn(workshop, participantId);
    expect(id).toBe(attendanceId(workshopId, participantId));
    await notebook.checkIn(workshop, participantId);
    expect(await db.attendance.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    await notebook.checkOut(workshopId, participantId);
    expect((await db.attendance.get(id))!.deleted).toBe(true);
    await notebook.checkIn(workshop, participantId);
    expect((await db.attendance.get(id))!.deleted).toBe(false);
  });

  it('a walk-in is a participant and a check-in written together', async () => {
    const communityId = await notebook.create('communities', community);
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const participantId = await notebook.addWalkIn({ id: workshopId, communityId }, {
      communityId, name: 'Anna Ozoliņa', household: 'Ozoli', phone: '+371 20000000', email: '', role: 'youth',
      consentData: true, consentPhotos: true, consentDate: '2026-11-20', erased: false,
    });
    expect(await db.participants.get(participantId)).toMatchObject({ name: 'Anna Ozoliņa' });
    expect(await db.attendance.get(attendanceId(workshopId, participantId))).toMatchObject({ deleted: false });
  });

  it('votes are one row per dot; taking one back soft-deletes it', async () => {
    const communityId = await notebook.create('communities', community);
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const needId = await notebook.create('needs', {
      communityId, workshopId, title: 'Ceļš', description: '', category: 'mobility', status: 'raised', owner: '',
    });
    const workshop = { id: workshopId, communityId };
    const first = await notebook.castVote(workshop, needId, null);
    await notebook.castVote(workshop, needId, null);
    await notebook.takeBackVote(first);
    const votes = await db.votes.where('needId').equals(needId).toArray();
    expect(votes.filter((vote) => !vote.deleted)).toHaveLength(1);
  });

  it('clocks keep increasing across notebooks on one database, even when the wall clock goes back', async () => {
    const id = await notebook.create('communities', community);
    const created = (await db.communities.get(id))!.clocks.name!;
    const later = new Notebook({ db, deviceId: 'tablet1', now: () => now - 60_000 });
    await later.update('communities', id, { description: 'a' });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries).toHaveLength(1); // folded into one entry …
    expect(compareHlc(entries[0]!.hlc, created)).toBe(1); // … with a later clock,
    // which every field it carries has on the device too, as the server will have it.
    const stored = await db.communities.get(id);
    expect(new Set(Object.values(stored!.clocks))).toEqual(new Set([entries[0]!.hlc]));
  });
});

describe('resolveConflict', () => {
  it('writes the chosen value and marks the conflict resolved, as two synced edits', async () => {
    const id = await notebook.create('communities', community);
    const conflictId = '01900000-0000-7000-8000-000000000001';
    const clock = '1700000000000:0000:server';
    await db.conflicts.put({
      id: conflictId, communityId: null, table: 'communities', recordId: id, field: 'name', winnerValue: 'A', winnerClock: clock,
      loserValue: 'B', loserClock: clock, resolved: false, resolvedBy: '', createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {},
    });
    await db.outbox.clear();
    await notebook.resolveConflict(conflictId, 'Drabeši (kopā)', 'Koordinatore');
    expect((await db.communities.get(id))!.name).toBe('Drabeši (kopā)');
    expect(await db.conflicts.get(conflictId)).toMatchObject({ resolved: true, resolvedBy: 'Koordinatore' });
    expect((await db.outbox.toArray()).map((entry) => entry.table).sort()).toEqual(['communities', 'conflicts']);
  });
});
