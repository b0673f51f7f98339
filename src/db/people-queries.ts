// Reads of the organisation's people register: everyone this device holds,
// the likely duplicates among them, a pair side by side for a merge, and who
// is assigned to a community.
import { resolveSurvivors, survivorOf } from '../../protocol';
import { suggestDuplicates, pairKey, type DuplicateSuggestion } from '../domain/duplicates';
import { alive, byName } from '../domain/live-records';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

type Person = StoredRecord<'participants'>;

const DISMISSED_KEY = 'people:notDuplicates';

export interface Register {
  /** Everyone live and not merged away, by name. */
  people: Person[];
  /** Merged-away people, each with the person who stands for them now. */
  merged: { person: Person; survivor: Person | undefined }[];
  communityNames: Map<string, string>;
}

export async function loadRegister(db: TalkaDatabase): Promise<Register> {
  const [everyone, communities] = await Promise.all([db.participants.toArray(), db.communities.toArray()]);
  const live = alive(everyone);
  const survivors = resolveSurvivors(live);
  const byId = new Map(live.map((person) => [person.id, person]));
  const people = live.filter((person) => survivorOf(survivors, person.id) === person.id).sort(byName);
  const merged = live.filter((person) => survivorOf(survivors, person.id) !== person.id).sort(byName)
    .map((person) => ({ person, survivor: byId.get(survivorOf(survivors, person.id)) }));
  return { people, merged, communityNames: new Map(alive(communities).map((community) => [community.id, community.name])) };
}

/** Pairs a coordinator said are two people, on this device ("a b", the smaller id first). */
export async function loadDismissedPairs(db: TalkaDatabase): Promise<Set<string>> {
  const entry = await db.meta.get(DISMISSED_KEY);
  const value: unknown = entry?.value;
  return new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
}

export async function dismissPair(db: TalkaDatabase, a: string, b: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const dismissed = await loadDismissedPairs(db);
    dismissed.add(pairKey(a, b));
    await db.meta.put({ key: DISMISSED_KEY, value: [...dismissed] });
  });
}

/** Likely duplicates among the people this device holds, strongest first. */
export async function listDuplicateSuggestions(db: TalkaDatabase, people: readonly Person[]): Promise<DuplicateSuggestion[]> {
  const [attendance, dismissed] = await Promise.all([db.attendance.toArray(), loadDismissedPairs(db)]);
  const byEvent = new Map<string, string[]>();
  for (const row of alive(attendance)) byEvent.set(row.workshopId, [...(byEvent.get(row.workshopId) ?? []), row.participantId]);
  return suggestDuplicates(people, byEvent.values(), dismissed);
}

export interface MergeCandidate {
  person: Person;
  /** Events this record was checked in at. */
  attended: number;
  community: string | null;
}

/** Two people side by side for a merge; null when either is gone or merged away already. */
export async function loadMergePair(db: TalkaDatabase, a: string, b: string): Promise<[MergeCandidate, MergeCandidate] | null> {
  const [first, second] = await db.participants.bulkGet([a, b]);
  if (!first || !second || first.deleted || second.deleted || first.mergedInto || second.mergedInto || a === b) return null;
  const candidate = async (person: Person): Promise<MergeCandidate> => {
    const [attendance, community] = await Promise.all([
      db.attendance.where('participantId').equals(person.id).toArray(),
      person.communityId ? db.communities.get(person.communityId) : undefined,
    ]);
    return { person, attended: alive(attendance).length, community: community?.name ?? null };
  };
  return [await candidate(first), await candidate(second)];
}

export interface AssignableMember {
  id: string;
  name: string;
  role: string;
  assigned: boolean;
}

/** The organisation's active facilitators and mentors, and whether each is assigned to the community. */
export async function listAssignable(db: TalkaDatabase, communityId: string): Promise<AssignableMember[]> {
  const [members, assignments] = await Promise.all([db.members.toArray(), db.assignments.where('communityId').equals(communityId).toArray()]);
  const assigned = new Set(alive(assignments).map((assignment) => assignment.userId));
  return alive(members).filter((member) => member.active && member.role !== 'coordinator').sort(byName)
    .map((member) => ({ id: member.id, name: member.name, role: member.role, assigned: assigned.has(member.id) }));
}
