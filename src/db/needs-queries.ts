// Reads of the needs board, the dot-voting and the asset map.
import { communitiesOf } from '../domain/events';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';
import { listAttendance, listInCommunity, listPeopleOf } from './queries';

/** A community's needs in the order they were raised, so a list being voted on never reshuffles. */
export async function listNeeds(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'needs'>[]> {
  const needs = await listInCommunity(db, 'needs', communityId);
  return needs.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The needs an event votes on: those of every community holding it, and any raised at the event itself. */
export async function listNeedsOfEvent(db: TalkaDatabase, event: { id: string; communityId: string | null; communityIds?: readonly string[] | undefined }): Promise<StoredRecord<'needs'>[]> {
  const held = communitiesOf(event);
  const [ofCommunities, raisedThere] = await Promise.all([
    held.length > 0 ? db.needs.where('communityId').anyOf(held).toArray() : [],
    db.needs.where('workshopId').equals(event.id).toArray(),
  ]);
  const needs = new Map([...ofCommunities, ...raisedThere].filter((need) => !need.deleted).map((need) => [need.id, need]));
  return [...needs.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Who may be named responsible for a community's needs: its people and the organisation's active users. */
export async function listOwnerCandidates(db: TalkaDatabase, communityId: string): Promise<{ people: { name: string }[]; users: { name: string }[] }> {
  const [people, members] = await Promise.all([listPeopleOf(db, [communityId]), db.members.toArray()]);
  return { people: people.filter((person) => !person.erased), users: members.filter((member) => member.active && !member.deleted) };
}

export async function listResources(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'resources'>[]> {
  const resources = await listInCommunity(db, 'resources', communityId);
  return resources.sort((a, b) => a.name.localeCompare(b.name, 'lv'));
}

/** The participants checked in at a workshop, by name: the people who may vote there. */
export async function listCheckedInParticipants(db: TalkaDatabase, workshopId: string): Promise<StoredRecord<'participants'>[]> {
  const attendance = await listAttendance(db, workshopId);
  const participants = await db.participants.bulkGet(attendance.map((row) => row.participantId));
  return participants
    .filter((participant): participant is StoredRecord<'participants'> => participant !== undefined && !participant.deleted)
    .sort((a, b) => a.name.localeCompare(b.name, 'lv'));
}
