// Reads of the programmes screens (the organisation's programmes, a programme's enrolled
// communities, a community's enrolments, the people and users an enrolment names) and the
// programme an event form starts with on this device.
import { programmeOptions } from '../domain/programme';
import { currentEnrolment } from '../domain/enrolment';
import { alive, byName } from '../domain/live-records';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

type Programme = StoredRecord<'programmes'>;
type Enrolment = StoredRecord<'enrolments'>;

/** The organisation's live programmes, by name: what an event, a filter or an export chooses from. */
export async function listProgrammes(db: TalkaDatabase): Promise<Programme[]> {
  return programmeOptions(await db.programmes.toArray());
}

export interface ProgrammeRow {
  programme: Programme;
  /** Live enrolments of live communities. */
  enrolled: number;
}

/** The programmes screen's list: each live programme with how many communities are enrolled in it. */
export async function listProgrammeRows(db: TalkaDatabase): Promise<ProgrammeRow[]> {
  return db.transaction('r', [db.programmes, db.enrolments, db.communities], async () => {
    const [programmes, enrolments, communities] = await Promise.all([listProgrammes(db), db.enrolments.toArray(), db.communities.toArray()]);
    const live = new Set(alive(communities).map((community) => community.id));
    return programmes.map((programme) => ({
      programme,
      enrolled: new Set(alive(enrolments).filter((row) => row.programmeId === programme.id && live.has(row.communityId)).map((row) => row.communityId)).size,
    }));
  });
}

export interface EnrolmentRow {
  enrolment: Enrolment;
  communityName: string;
  programmeName: string;
  /** The mentor's name as the organisation's users are known on this device, or null when none is named (or not known here). */
  mentorName: string | null;
  representatives: { id: string; name: string }[];
}

async function enrolmentRows(db: TalkaDatabase, enrolments: readonly Enrolment[]): Promise<EnrolmentRow[]> {
  const [communities, programmes, members, people] = await Promise.all([
    db.communities.bulkGet([...new Set(enrolments.map((row) => row.communityId))]),
    db.programmes.bulkGet([...new Set(enrolments.map((row) => row.programmeId))]),
    db.members.toArray(),
    db.participants.bulkGet([...new Set(enrolments.flatMap((row) => row.representativeIds))]),
  ]);
  const communityName = new Map(alive(communities).map((community) => [community.id, community.name]));
  const programmeName = new Map(alive(programmes).map((programme) => [programme.id, programme.name]));
  const memberName = new Map(members.map((member) => [member.id, member.name]));
  const personName = new Map(alive(people).map((person) => [person.id, person.erased ? '' : person.name]));
  return enrolments.flatMap((enrolment) => {
    const community = communityName.get(enrolment.communityId);
    if (community === undefined) return [];
    return [{
      enrolment,
      communityName: community,
      programmeName: programmeName.get(enrolment.programmeId) ?? '',
      mentorName: enrolment.mentorId ? memberName.get(enrolment.mentorId) ?? null : null,
      representatives: enrolment.representativeIds.flatMap((id) => (personName.has(id) ? [{ id, name: personName.get(id)! }] : [])),
    }];
  });
}

/** A programme's enrolled communities (live enrolments of live communities), by community name, then start. */
export async function listProgrammeEnrolments(db: TalkaDatabase, programmeId: string): Promise<EnrolmentRow[]> {
  const rows = await enrolmentRows(db, alive(await db.enrolments.where('programmeId').equals(programmeId).toArray()));
  return rows.sort((a, b) => a.communityName.localeCompare(b.communityName, 'lv') || a.enrolment.start.localeCompare(b.enrolment.start));
}

/** A community's enrolments, past and present, the latest start first. */
export async function listCommunityEnrolments(db: TalkaDatabase, communityId: string): Promise<EnrolmentRow[]> {
  const rows = await enrolmentRows(db, alive(await db.enrolments.where('communityId').equals(communityId).toArray()));
  return rows.sort((a, b) => b.enrolment.start.localeCompare(a.enrolment.start) || b.enrolment.id.localeCompare(a.enrolment.id));
}

export interface CurrentGrant {
  grantCents: number;
  programmeName: string;
}

/**
 * The grant a community's action plan is held against on `today`, its current enrolment's (src/domain/enrolment.ts),
 * with the programme's name; null when it is in no programme today.
 */
export async function loadCurrentGrant(db: TalkaDatabase, communityId: string, today: string): Promise<CurrentGrant | null> {
  const current = currentEnrolment(await db.enrolments.where('communityId').equals(communityId).toArray(), communityId, today);
  if (!current) return null;
  const programme = await db.programmes.get(current.programmeId);
  return { grantCents: current.grantCents, programmeName: programme && !programme.deleted ? programme.name : '' };
}

export interface MentorChoice {
  id: string;
  name: string;
  role: string;
}

/** The users an enrolment may name as mentor: active members, mentors first, then by name. */
export async function listMentorChoices(db: TalkaDatabase): Promise<MentorChoice[]> {
  const members = alive(await db.members.toArray()).filter((member) => member.active);
  const rank = (role: string) => (role === 'mentor' ? 0 : 1);
  return members.sort((a, b) => rank(a.role) - rank(b.role) || byName(a, b)).map(({ id, name, role }) => ({ id, name, role }));
}

export interface RepresentativeChoice {
  id: string;
  name: string;
  household: string;
  communityId: string | null;
  /** At home in the community or tied to it: offered first. */
  ofCommunity: boolean;
}

/**
 * The people an enrolment may name as representatives: the register's live, unmerged, unerased people,
 * those at home in or tied to the community first, then by name.
 */
export async function listRepresentativeChoices(db: TalkaDatabase, communityId: string): Promise<RepresentativeChoice[]> {
  const [people, ties] = await Promise.all([db.participants.toArray(), db.ties.where('communityId').equals(communityId).toArray()]);
  const tied = new Set(alive(ties).map((tie) => tie.participantId));
  return alive(people).filter((person) => !person.mergedInto && !person.erased)
    .map((person) => ({
      id: person.id, name: person.name, household: person.household, communityId: person.communityId,
      ofCommunity: person.communityId === communityId || tied.has(person.id),
    }))
    .sort((a, b) => Number(b.ofCommunity) - Number(a.ofCommunity) || byName(a, b));
}

const LAST_PROGRAMME_KEY = 'events:lastProgramme';

/** The programme this device last saved an event with, or null. */
export async function loadLastProgramme(db: TalkaDatabase): Promise<string | null> {
  const value: unknown = (await db.meta.get(LAST_PROGRAMME_KEY))?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export async function saveLastProgramme(db: TalkaDatabase, programmeId: string): Promise<void> {
  await db.meta.put({ key: LAST_PROGRAMME_KEY, value: programmeId });
}
