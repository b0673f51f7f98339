// Reads of the delete dialog and the bin (src/domain/deletion-scope.ts says
// how a deletion's records are found again: they share its clock).
import { TITLE_FIELDS } from '../../protocol';
import {
  BIN_TABLES, binEntries, communityDeletionScope, workshopDeletionScope, type BinEntry, type BinRecord, type BinTable, type DeletionScope,
} from '../domain/deletion-scope';
import { asRecordRow } from '../domain/record-row';
import type { TalkaDatabase } from './database';

/** What deleting this community takes along, from what the device holds. */
export async function communityDeletion(db: TalkaDatabase, communityId: string): Promise<DeletionScope> {
  const inCommunity = <T extends 'workshops' | 'participants' | 'needs' | 'resources' | 'actions' | 'swot' | 'photos'>(table: T) =>
    db.recordTable(table).where('communityId').equals(communityId).toArray();
  const [workshops, participants, needs, resources, actions, swot, photos, communities] = await Promise.all([
    inCommunity('workshops'), inCommunity('participants'), inCommunity('needs'), inCommunity('resources'),
    inCommunity('actions'), inCommunity('swot'), inCommunity('photos'), db.communities.toArray(),
  ]);
  const [ties, childPhotos] = await Promise.all([
    db.ties.where('participantId').anyOf(participants.map((person) => person.id)).toArray(),
    db.photos.where('parentId').anyOf([...workshops, ...participants].map((row) => row.id)).toArray(),
  ]);
  const byId = new Map([...photos, ...childPhotos].map((photo) => [photo.id, photo]));
  return communityDeletionScope(communityId, {
    workshops, participants, ties, needs, resources, actions, swot, photos: [...byId.values()],
    liveCommunityIds: new Set(communities.filter((community) => !community.deleted).map((community) => community.id)),
  });
}

/** What deleting this event takes along. */
export async function workshopDeletion(db: TalkaDatabase, workshopId: string): Promise<DeletionScope> {
  const [photos, attendance] = await Promise.all([
    db.photos.where('parentId').equals(workshopId).toArray(),
    db.attendance.where('workshopId').equals(workshopId).toArray(),
  ]);
  return workshopDeletionScope(workshopId, { photos, attendance });
}

function titleOf(table: BinTable, stored: unknown): string {
  const field = TITLE_FIELDS[table];
  const row = asRecordRow(stored);
  const value = field === undefined || row === null ? undefined : row[field];
  return typeof value === 'string' ? value : '';
}

/** Every deleted record of the binned kinds, as the bin reads it. */
export async function listBinRecords(db: TalkaDatabase): Promise<BinRecord[]> {
  const perTable = await Promise.all(BIN_TABLES.map(async (table) => {
    const rows = await db.recordTable(table).filter((row) => row.deleted).toArray();
    return rows.flatMap((row): BinRecord[] => {
      const clock = row.clocks.deleted;
      if (clock === undefined) return [];
      return [{ table, id: row.id, title: titleOf(table, row), deletedBy: row.deletedBy ?? null, deletedClock: clock }];
    });
  }));
  return perTable.flat();
}

/** The bin: deletions newest first, each with what went with it. */
export async function listBin(db: TalkaDatabase): Promise<BinEntry[]> {
  return binEntries(await listBinRecords(db));
}

/** The organisation's users by id, for naming who deleted or wrote something. */
export async function memberNames(db: TalkaDatabase): Promise<Map<string, string>> {
  return new Map((await db.members.toArray()).map((member) => [member.id, member.name]));
}
