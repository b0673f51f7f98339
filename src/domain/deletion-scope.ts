// What goes with a deletion, and how the bin shows deletions.
// Deleting a community or an event takes the records under it along, all in
// one write stamped with one clock: every record of one deletion carries the
// same clock on its `deleted` field, on this device and, once synced, on every
// other. So "everything deleted with it" is exactly the records whose deletion
// clock is the same, and restoring a bin entry brings that group back whole.
// Nothing here purges the bin: no code removes a deleted record from the
// device or the server, so entries stay at least the 30 days promised.
import { hlcWall, type Hlc } from '../../protocol';

/** The kinds that go to the bin when deleted (check-ins and votes are flags, taken back, not binned). */
export const BIN_TABLES = ['communities', 'workshops', 'participants', 'needs', 'resources', 'actions', 'swot', 'photos'] as const;
export type BinTable = (typeof BIN_TABLES)[number];

export function isBinTable(table: string): table is BinTable {
  return (BIN_TABLES as readonly string[]).includes(table);
}

/** What the dialog counts: the records that go, and for an event the check-ins that go out of sight with it. */
export type CountedKind = 'workshops' | 'participants' | 'needs' | 'resources' | 'actions' | 'swot' | 'photos' | 'attendance';
/** The order the dialog names them in. */
export const COUNTED_KINDS: readonly CountedKind[] = ['workshops', 'participants', 'needs', 'resources', 'actions', 'swot', 'photos', 'attendance'];

export interface RecordRef {
  table: BinTable;
  id: string;
}

export interface DeletionScope {
  /** The records deleted together with the one asked for (live ones only). */
  children: RecordRef[];
  /** How many of each kind go with it; kinds with none left out. */
  counts: Partial<Record<CountedKind, number>>;
}

interface Row { id: string; deleted: boolean }
interface CommunityRow extends Row { communityId: string | null }

export interface CommunityContents {
  /** Events whose first community is this one. */
  workshops: readonly (CommunityRow & { communityIds?: readonly string[] | undefined })[];
  /** People whose home is this community. */
  participants: readonly (CommunityRow & { mergedInto?: string | null | undefined })[];
  /** Ties of those people to any community. */
  ties: readonly (Row & { participantId: string; communityId: string })[];
  needs: readonly CommunityRow[];
  resources: readonly CommunityRow[];
  actions: readonly CommunityRow[];
  swot: readonly CommunityRow[];
  photos: readonly (CommunityRow & { parentId: string })[];
  /** The organisation's communities still alive, to tell a shared event or person from one of this community alone. */
  liveCommunityIds: ReadonlySet<string>;
}

function scopeOf(children: RecordRef[], extra: Partial<Record<CountedKind, number>> = {}): DeletionScope {
  const counts: Partial<Record<CountedKind, number>> = {};
  for (const child of children) {
    const kind: CountedKind = child.table === 'communities' ? 'workshops' : child.table;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  for (const kind of COUNTED_KINDS) {
    const count = extra[kind] ?? 0;
    if (count > 0) counts[kind] = count;
  }
  return { children, counts };
}

/**
 * A community's deletion takes its events, people, needs, resources, plan, SWOT
 * and photos along; an event also held by another living community, and a
 * person tied to another living community, stay where they are still seen.
 */
export function communityDeletionScope(communityId: string, contents: CommunityContents): DeletionScope {
  const otherLive = (id: string) => id !== communityId && contents.liveCommunityIds.has(id);
  const live = <T extends CommunityRow>(rows: readonly T[]) => rows.filter((row) => !row.deleted && row.communityId === communityId);
  const workshops = live(contents.workshops).filter((workshop) => !(workshop.communityIds ?? []).some(otherLive));
  const sharedPeople = new Set(contents.ties.filter((tie) => !tie.deleted && otherLive(tie.communityId)).map((tie) => tie.participantId));
  const participants = live(contents.participants).filter((person) => !sharedPeople.has(person.id) && !person.mergedInto);
  const children: RecordRef[] = [
    ...workshops.map((row) => ({ table: 'workshops' as const, id: row.id })),
    ...participants.map((row) => ({ table: 'participants' as const, id: row.id })),
    ...live(contents.needs).map((row) => ({ table: 'needs' as const, id: row.id })),
    ...live(contents.resources).map((row) => ({ table: 'resources' as const, id: row.id })),
    ...live(contents.actions).map((row) => ({ table: 'actions' as const, id: row.id })),
    ...live(contents.swot).map((row) => ({ table: 'swot' as const, id: row.id })),
  ];
  const going = new Set(children.map((child) => child.id));
  const photos = contents.photos.filter((photo) => !photo.deleted && (photo.communityId === communityId || going.has(photo.parentId)));
  // A photo of a shared event filed under this community stays with the event.
  const kept = new Set([...live(contents.workshops)].filter((workshop) => !going.has(workshop.id)).map((workshop) => workshop.id));
  children.push(...photos.filter((photo) => !kept.has(photo.parentId)).map((row) => ({ table: 'photos' as const, id: row.id })));
  return scopeOf(children);
}

export interface WorkshopContents {
  photos: readonly (Row & { parentId: string })[];
  attendance: readonly (Row & { workshopId: string })[];
}

/** An event's deletion takes its photos along; its check-ins are counted, as they go out of sight with it. */
export function workshopDeletionScope(workshopId: string, contents: WorkshopContents): DeletionScope {
  const photos = contents.photos.filter((photo) => !photo.deleted && photo.parentId === workshopId);
  const checkIns = contents.attendance.filter((row) => !row.deleted && row.workshopId === workshopId).length;
  return scopeOf(photos.map((row) => ({ table: 'photos' as const, id: row.id })), { attendance: checkIns });
}

/** A deleted record as the bin reads it. */
export interface BinRecord extends RecordRef {
  title: string;
  /** Who deleted it (a user's id), when known. */
  deletedBy: string | null;
  /** The clock of its deletion: records deleted together share it. */
  deletedClock: Hlc;
}

export interface BinEntry {
  /** The record the deletion was of: the highest in the group (a community over its events, an event over its photos). */
  head: BinRecord;
  /** Everything deleted with it. */
  others: BinRecord[];
  deletedBy: string | null;
  /** When (ms), from the deletion's clock. */
  deletedAt: number;
  deletedClock: Hlc;
}

const RANK: Record<BinTable, number> = { communities: 0, workshops: 1, participants: 2, needs: 3, resources: 4, actions: 5, swot: 6, photos: 7 };

/** The bin's entries: deleted records grouped by their deletion, newest first. */
export function binEntries(records: readonly BinRecord[]): BinEntry[] {
  const groups = new Map<Hlc, BinRecord[]>();
  for (const record of records) {
    const group = groups.get(record.deletedClock) ?? [];
    group.push(record);
    groups.set(record.deletedClock, group);
  }
  const entries = [...groups].map(([clock, group]): BinEntry => {
    const [head, ...others] = [...group].sort((a, b) => RANK[a.table] - RANK[b.table] || a.title.localeCompare(b.title, 'lv'));
    // Never undefined: every group has at least the record that made it.
    const first = head ?? group[0]!;
    return { head: first, others, deletedBy: first.deletedBy, deletedAt: hlcWall(clock), deletedClock: clock };
  });
  return entries.sort((a, b) => (a.deletedClock < b.deletedClock ? 1 : a.deletedClock > b.deletedClock ? -1 : 0));
}
