// Reads of the exports, the print views and the personal data requests, and
// the one write they make: erasing a participant. Everything comes from the
// device's own database, so it all works offline after a sync.
import type { TableName } from '../../protocol';
import { sortActions } from '../domain/action-plan';
import { communitiesOf } from '../domain/events';
import { isEventOf } from '../domain/programme';
import { alive, byName } from '../domain/live-records';
import type { ListExportInput, SpendingExportInput } from '../domain/export-lists';
import type { ParticipantExportInput } from '../domain/export-rows';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';
import { getBlobRows } from './photos';
import { listCommunities, listPeopleOf } from './queries';

type Stored<T extends TableName> = StoredRecord<T>;

/** The records a participant list is shaped from (see domain/export-rows.ts). */
export interface ParticipantExportRecords extends ParticipantExportInput {
  workshops: Stored<'workshops'>[];
  attendance: Stored<'attendance'>[];
  participants: Stored<'participants'>[];
  communities: Stored<'communities'>[];
}


async function communitiesNamed(db: TalkaDatabase, ids: Iterable<string | null>): Promise<Stored<'communities'>[]> {
  const wanted = new Set<string>();
  for (const id of ids) if (id !== null) wanted.add(id);
  return alive(await db.communities.bulkGet([...wanted]));
}

async function participantInput(db: TalkaDatabase, workshops: Stored<'workshops'>[]): Promise<ParticipantExportRecords> {
  const attendance = alive(await db.attendance.where('workshopId').anyOf(workshops.map((w) => w.id)).toArray());
  const participants = alive(await db.participants.bulkGet([...new Set(attendance.map((a) => a.participantId))]));
  const communities = await communitiesNamed(db, [...workshops.flatMap((w) => communitiesOf(w)), ...participants.map((p) => p.communityId)]);
  return { workshops, attendance, participants, communities };
}

/** The workshops a coordinator may export a participant list of, newest first, with their community's name. */
export async function listWorkshopChoices(db: TalkaDatabase, communityId: string): Promise<Stored<'workshops'>[]> {
  const workshops = alive(await db.workshops.where('communityId').equals(communityId).toArray());
  return workshops.sort((a, b) => (b.date + b.startTime).localeCompare(a.date + a.startTime));
}

/** Participants checked in at one workshop, for its participant list. */
export async function loadWorkshopExport(db: TalkaDatabase, workshopId: string): Promise<(ParticipantExportRecords & { workshop: Stored<'workshops'>; community: Stored<'communities'> | null }) | null> {
  const workshop = await db.workshops.get(workshopId);
  if (!workshop || workshop.deleted) return null;
  const input = await participantInput(db, [workshop]);
  return { ...input, workshop, community: input.communities.find((c) => c.id === workshop.communityId) ?? null };
}

/**
 * Events of a programme held from `from` to `to` inclusive, across every community: those naming it by id,
 * and those written before events named one whose typed programme is its name (src/domain/programme.ts isEventOf).
 */
export async function loadProgrammeExport(db: TalkaDatabase, programmeId: string, from: string, to: string): Promise<ParticipantExportRecords> {
  const programme = await db.programmes.get(programmeId);
  const inRange = await db.workshops.where('date').between(from, to, true, true).toArray();
  const workshops = alive(inRange).filter((w) => isEventOf(w, programme ?? { id: programmeId, name: '' }));
  return participantInput(db, workshops);
}

/** Needs, votes, resources and actions of one community, or of all when `communityId` is ''. */
export async function loadListExport(db: TalkaDatabase, communityId: string): Promise<ListExportInput> {
  const communities = communityId
    ? alive([await db.communities.get(communityId)])
    : await listCommunities(db);
  const ids = communities.map((c) => c.id);
  const inCommunities = <T extends 'workshops' | 'needs' | 'votes' | 'resources' | 'actions'>(table: T) =>
    db.recordTable(table).where('communityId').anyOf(ids).toArray().then((rows) => alive(rows as Stored<T>[]));
  const [workshops, needs, votes, resources, actions] = await Promise.all([
    inCommunities('workshops'), inCommunities('needs'), inCommunities('votes'), inCommunities('resources'), inCommunities('actions'),
  ]);
  return { communities, workshops, needs, votes, resources, actions };
}

/** The lists of loadListExport, with every spending line and its count of receipt photos. */
export async function loadSpendingExport(db: TalkaDatabase, communityId: string): Promise<SpendingExportInput> {
  const lists = await loadListExport(db, communityId);
  const ids = lists.communities.map((c) => c.id);
  const spending = alive(await db.spending.where('communityId').anyOf(ids).toArray());
  const photos = alive(await db.photos.where('parentId').anyOf(spending.map((line) => line.id)).toArray()).filter((photo) => photo.parentTable === 'spending');
  const receiptCounts = new Map<string, number>();
  for (const photo of photos) receiptCounts.set(photo.parentId, (receiptCounts.get(photo.parentId) ?? 0) + 1);
  return { ...lists, spending, receiptCounts };
}

export interface SignInSheetData {
  workshop: Stored<'workshops'>;
  community: Stored<'communities'> | null;
  /** People checked in, by name. */
  checkedIn: Stored<'participants'>[];
  /** Everyone on the community's list, by name. */
  everyone: Stored<'participants'>[];
}

/** What a sign-in sheet prints. Erased participants are nobody to sign: they are left out. */
export async function loadSignInSheet(db: TalkaDatabase, workshopId: string): Promise<SignInSheetData | null> {
  const workshop = await db.workshops.get(workshopId);
  if (!workshop || workshop.deleted) return null;
  const held = communitiesOf(workshop);
  const [community, attendance, ofCommunities] = await Promise.all([
    held[0] === undefined ? undefined : db.communities.get(held[0]),
    db.attendance.where('workshopId').equals(workshopId).toArray(),
    listPeopleOf(db, held),
  ]);
  const present = new Set(alive(attendance).map((a) => a.participantId));
  // Everyone of the event's communities, and whoever else came (a walk-in from elsewhere, an organisation's event).
  const known = new Set(ofCommunities.map((p) => p.id));
  const visitors = alive(await db.participants.bulkGet([...present].filter((id) => !known.has(id))));
  const people = [...ofCommunities, ...visitors].filter((p) => !p.erased).sort(byName);
  return { workshop, community: community ?? null, checkedIn: people.filter((p) => present.has(p.id)), everyone: people };
}

export interface WorkshopReportData {
  workshop: Stored<'workshops'>;
  community: Stored<'communities'> | null;
  attendanceCount: number;
  /** Needs raised at the workshop or voted on there. */
  needs: Stored<'needs'>[];
  /** The dots cast at this workshop. */
  votes: Stored<'votes'>[];
  swot: Stored<'swot'>[];
  /** The community's action plan as it stands. */
  actions: Stored<'actions'>[];
  /** The community's enrolments in programmes: the one running on the report's day sets the plan's grant. */
  enrolments: Stored<'enrolments'>[];
  /** The workshop's photos, oldest first, each with its image when this device has it. */
  photos: { photo: Stored<'photos'>; image: Blob | null }[];
}

export async function loadWorkshopReport(db: TalkaDatabase, workshopId: string): Promise<WorkshopReportData | null> {
  const workshop = await db.workshops.get(workshopId);
  if (!workshop || workshop.deleted) return null;
  const held = communitiesOf(workshop);
  const [community, attendance, votes, swot, communityNeeds, actions, photos, enrolments] = await Promise.all([
    held[0] === undefined ? undefined : db.communities.get(held[0]),
    db.attendance.where('workshopId').equals(workshopId).toArray(),
    db.votes.where('workshopId').equals(workshopId).toArray().then(alive),
    db.swot.where('workshopId').equals(workshopId).toArray().then(alive),
    db.needs.where('communityId').anyOf(held).toArray().then(alive),
    db.actions.where('communityId').anyOf(held).toArray().then(alive),
    db.photos.where('parentId').equals(workshopId).toArray().then(alive),
    held[0] === undefined ? [] : db.enrolments.where('communityId').equals(held[0]).toArray().then(alive),
  ]);
  const present = alive(await db.participants.bulkGet(alive(attendance).map((a) => a.participantId)));
  const votedOn = new Set(votes.map((vote) => vote.needId));
  const needs = communityNeeds.filter((need) => need.workshopId === workshopId || votedOn.has(need.id))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const images = await getBlobRows(db, photos.map((photo) => photo.sha256));
  const withImages = photos
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((photo) => ({ photo, image: images.get(photo.sha256)?.blob ?? null }));
  return {
    workshop, community: community ?? null, attendanceCount: present.length, needs, votes, swot, actions: sortActions(actions), enrolments, photos: withImages,
  };
}

export interface ParticipantRecordData {
  participant: Stored<'participants'>;
  community: Stored<'communities'> | null;
  attendance: { attendance: Stored<'attendance'>; workshop: Stored<'workshops'> | null }[];
  votes: { vote: Stored<'votes'>; need: Stored<'needs'> | null; workshop: Stored<'workshops'> | null }[];
  /** Conflicts filed about this participant's record, which may hold earlier values of personal fields. */
  conflicts: Stored<'conflicts'>[];
}

/** Everything the device holds about one participant. */
export async function loadParticipantData(db: TalkaDatabase, participantId: string): Promise<ParticipantRecordData | null> {
  const participant = await db.participants.get(participantId);
  if (!participant) return null;
  const [community, attendance, votes, conflicts] = await Promise.all([
    participant.communityId === null ? undefined : db.communities.get(participant.communityId),
    db.attendance.where('participantId').equals(participantId).toArray().then(alive),
    db.votes.where('participantId').equals(participantId).toArray().then(alive),
    db.conflicts.where('recordId').equals(participantId).toArray().then(alive),
  ]);
  const workshopIds = new Set([...attendance.map((a) => a.workshopId), ...votes.map((v) => v.workshopId)]);
  const workshops = new Map(alive(await db.workshops.bulkGet([...workshopIds])).map((w) => [w.id, w]));
  const needs = new Map(alive(await db.needs.bulkGet([...new Set(votes.map((v) => v.needId))])).map((n) => [n.id, n]));
  return {
    participant,
    community: community ?? null,
    attendance: attendance
      .map((row) => ({ attendance: row, workshop: workshops.get(row.workshopId) ?? null }))
      .sort((a, b) => (a.workshop?.date ?? '').localeCompare(b.workshop?.date ?? '') || a.attendance.checkedInAt - b.attendance.checkedInAt),
    votes: votes
      .map((vote) => ({ vote, need: needs.get(vote.needId) ?? null, workshop: workshops.get(vote.workshopId) ?? null }))
      .sort((a, b) => a.vote.castAt - b.vote.castAt),
    conflicts,
  };
}

/** Participants with their attendance and the workshops' days, for the retention review. */
export async function loadRetentionInput(db: TalkaDatabase) {
  const [participants, attendance, workshops] = await Promise.all([
    db.participants.toArray().then(alive), db.attendance.toArray().then(alive), db.workshops.toArray().then(alive),
  ]);
  return { participants, attendance, workshops };
}

