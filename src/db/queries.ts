// Reads the screens need, each a small function over the database. Deleted
// records are left out unless a query says otherwise.
import type { TableName } from '../../protocol';
import { alive, byName } from '../domain/live-records';
import type { OutboxEntry, TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';


export async function listCommunities(db: TalkaDatabase): Promise<StoredRecord<'communities'>[]> {
  return alive(await db.communities.toArray()).sort(byName);
}

export async function getRecord<T extends TableName>(db: TalkaDatabase, table: T, id: string): Promise<StoredRecord<T> | undefined> {
  return db.recordTable(table).get(id);
}

/** Records of a table that belong to one community, deleted ones left out. */
export async function listInCommunity<T extends Exclude<TableName, 'communities' | 'conflicts'>>(
  db: TalkaDatabase, table: T, communityId: string,
): Promise<StoredRecord<T>[]> {
  const rows: StoredRecord<T>[] = await db.recordTable(table).where('communityId').equals(communityId).toArray();
  return alive(rows);
}

/** The events a community took part in (held by it alone or with others), newest first. */
export async function listWorkshops(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'workshops'>[]> {
  const [first, withOthers] = await Promise.all([
    db.workshops.where('communityId').equals(communityId).toArray(),
    db.workshops.where('communityIds').equals(communityId).toArray(),
  ]);
  return newestFirst(alive([...new Map([...first, ...withOthers].map((event) => [event.id, event])).values()]));
}

/** Events of the organisation itself (no community), newest first. */
export async function listOrganisationEvents(db: TalkaDatabase): Promise<StoredRecord<'workshops'>[]> {
  return newestFirst(alive(await db.workshops.filter((event) => event.communityId === null).toArray()));
}

function newestFirst(events: StoredRecord<'workshops'>[]): StoredRecord<'workshops'>[] {
  return events.sort((a, b) => (b.date + b.startTime).localeCompare(a.date + a.startTime));
}

/**
 * The people of these communities: those whose home is one of them and those tied to one, each
 * once, by name; people merged into another are left out (their survivor stands for them).
 */
export async function listPeopleOf(db: TalkaDatabase, communityIds: readonly string[]): Promise<StoredRecord<'participants'>[]> {
  if (communityIds.length === 0) return [];
  const [homed, ties] = await Promise.all([
    db.participants.where('communityId').anyOf([...communityIds]).toArray(),
    db.ties.where('communityId').anyOf([...communityIds]).toArray(),
  ]);
  const tied = alive(await db.participants.bulkGet([...new Set(alive(ties).map((tie) => tie.participantId))]));
  const people = new Map([...alive(homed), ...tied].filter((person) => !person.mergedInto).map((person) => [person.id, person]));
  return [...people.values()].sort(byName);
}

/**
 * Everyone a check-in may find: the people of the event's communities first, then anyone else in the
 * register this device holds, each part by name; merged-away and erased people left out.
 */
export async function listCheckInPeople(db: TalkaDatabase, communityIds: readonly string[]): Promise<StoredRecord<'participants'>[]> {
  const [ofEvent, everyone] = await Promise.all([listPeopleOf(db, communityIds), db.participants.toArray()]);
  const first = new Set(ofEvent.map((person) => person.id));
  const others = alive(everyone).filter((person) => !first.has(person.id) && !person.mergedInto && !person.erased).sort(byName);
  return [...ofEvent.filter((person) => !person.erased), ...others];
}

export async function listParticipants(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'participants'>[]> {
  return (await listInCommunity(db, 'participants', communityId)).sort(byName);
}

export async function listAttendance(db: TalkaDatabase, workshopId: string): Promise<StoredRecord<'attendance'>[]> {
  return alive(await db.attendance.where('workshopId').equals(workshopId).toArray());
}

export async function listVotes(db: TalkaDatabase, workshopId: string): Promise<StoredRecord<'votes'>[]> {
  return alive(await db.votes.where('workshopId').equals(workshopId).toArray());
}

export async function listVotesInCommunity(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'votes'>[]> {
  return listInCommunity(db, 'votes', communityId);
}

/** Parish or village names typed before, for suggestions. */
export async function listParishes(db: TalkaDatabase): Promise<string[]> {
  const names = new Set<string>();
  await db.communities.each((community) => {
    if (community.parish.trim()) names.add(community.parish.trim());
  });
  return [...names].sort((a, b) => a.localeCompare(b, 'lv'));
}

export async function countPending(db: TalkaDatabase): Promise<number> {
  return db.outbox.count();
}

export async function listOutbox(db: TalkaDatabase): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}

export async function countRejectedChanges(db: TalkaDatabase): Promise<number> {
  return db.outbox.orderBy('rejection.code').count();
}

export async function listRejectedChanges(db: TalkaDatabase): Promise<OutboxEntry[]> {
  // Only refused entries carry `rejection.code`, so the index holds just them.
  const refused = await db.outbox.orderBy('rejection.code').toArray();
  return refused.sort((a, b) => a.seq! - b.seq!);
}

export async function listOpenConflicts(db: TalkaDatabase): Promise<StoredRecord<'conflicts'>[]> {
  return (await db.conflicts.toArray()).filter((conflict) => !conflict.resolved && !conflict.deleted)
    .sort((a, b) => b.createdAt - a.createdAt);
}
