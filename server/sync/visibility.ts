// Who may see which records (docs/protocol.md, Access). A coordinator sees the
// whole organisation. A facilitator or mentor sees what they are assigned to —
// communities, and events of the organisation that no community holds — and
// every record that belongs there: a community's needs, resources, plan and
// SWOT; an event held by one of them (or assigned) with its check-ins and dots;
// the people whose home is there, who are tied to it, or who came to such an
// event. Everyone sees the organisation's members and settings. The server
// holds every route to this (pull, push, photos), not only the app.
import { createHash } from 'node:crypto';
import { ORGANISATION_TABLES } from '../../protocol/records';
import type { Role } from '../../protocol/auth';
import type { StoredRecord } from '../store/store';
import { parseStoredRecord, type WorkingRecord } from './record-state';

/** What one user reaches. */
export type Reach =
  | { all: true }
  | { all: false; userId: string; communities: Set<string>; events: Set<string> };

/** Organisation-wide kinds everyone sees (communities, conflicts and assignments are judged on their own). */
const EVERYONE_SEES: ReadonlySet<string> = new Set(ORGANISATION_TABLES.filter((table) => !['communities', 'conflicts', 'assignments'].includes(table)));

export interface RecordSource {
  /** The organisation's records with these ids. */
  byIds(ids: readonly string[]): Promise<StoredRecord[]>;
  /** The organisation's records of a table whose ref is one of `refs` (record-state.ts refOf). */
  byRef(table: string, refs: readonly string[]): Promise<StoredRecord[]>;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The user's reach: everything for a coordinator, else the live assignments naming them. */
export async function reachOf(user: { id: string; role: Role }, source: Pick<RecordSource, 'byRef'>): Promise<Reach> {
  if (user.role === 'coordinator') return { all: true };
  const communities = new Set<string>();
  const events = new Set<string>();
  for (const stored of await source.byRef('assignments', [user.id])) {
    const assignment = parseStoredRecord(stored);
    if (assignment.values.deleted === true || assignment.values.userId !== user.id) continue;
    const communityId = text(assignment.values.communityId);
    const workshopId = text(assignment.values.workshopId);
    if (communityId) communities.add(communityId);
    if (workshopId) events.add(workshopId);
  }
  return { all: false, userId: user.id, communities, events };
}

/**
 * A short name for a reach, sent with every pull: when it changes (an assignment given or taken
 * away) the device pulls everything again, keeping only what it may see.
 */
export function reachToken(reach: Reach): string {
  if (reach.all) return 'all';
  const parts = [...[...reach.communities].map((id) => `c:${id}`), ...[...reach.events].map((id) => `e:${id}`)].sort();
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);
}

/** Judges records for one reach, loading the events, ties and check-ins the judgement needs (once each). */
export class VisibilityJudge {
  private readonly events = new Map<string, WorkingRecord | null>();

  constructor(private readonly reach: Reach, private readonly source: RecordSource) {}

  /** The ids of those records the reach sees. `extra` are records not stored yet (a push's working state). */
  async visibleIds(records: readonly WorkingRecord[], extra: ReadonlyMap<string, WorkingRecord> = new Map()): Promise<Set<string>> {
    const reach = this.reach;
    if (reach.all) return new Set(records.map((record) => record.id));
    await this.loadEvents(records.flatMap((record) => this.eventIdsOf(record)), extra);
    const people = records.filter((record) => record.table === 'participants' && !this.homeSeen(record));
    const reachedPeople = await this.peopleReachedElsewhere(people.map((person) => person.id), extra);
    const visible = new Set<string>();
    for (const record of records) {
      if (this.sees(record, reachedPeople)) visible.add(record.id);
    }
    return visible;
  }

  private sees(record: WorkingRecord, reachedPeople: ReadonlySet<string>): boolean {
    const reach = this.reach;
    if (reach.all) return true;
    const { table, values } = record;
    if (EVERYONE_SEES.has(table)) return true;
    if (table === 'assignments') return values.userId === reach.userId;
    if (table === 'communities') return reach.communities.has(record.id);
    if (table === 'workshops') return this.eventSeen(record.id, values);
    if (table === 'attendance' || table === 'votes') return this.eventIdSeen(text(values.workshopId)) || this.communitySeen(text(values.communityId));
    if (table === 'participants') return this.homeSeen(record) || reachedPeople.has(record.id);
    const communityId = text(values.communityId);
    if (communityId !== null) return this.communitySeen(communityId);
    // A photo of an event of the organisation itself: as its event.
    if (table === 'photos' && values.parentTable === 'workshops') return this.eventIdSeen(text(values.parentId));
    return false;
  }

  private communitySeen(id: string | null): boolean {
    return !this.reach.all && id !== null && this.reach.communities.has(id);
  }

  private homeSeen(person: WorkingRecord): boolean {
    const home = text(person.values.communityId);
    return !this.reach.all && home !== null && this.reach.communities.has(home);
  }

  private eventSeen(id: string, values: Record<string, unknown>): boolean {
    if (this.reach.all) return true;
    if (this.reach.events.has(id)) return true;
    const held = [text(values.communityId), ...texts(values.communityIds)];
    const communities = this.reach.communities;
    return held.some((communityId) => communityId !== null && communities.has(communityId));
  }

  private eventIdSeen(id: string | null): boolean {
    if (id === null) return false;
    const event = this.events.get(id);
    return event !== undefined && event !== null && this.eventSeen(id, event.values);
  }

  private eventIdsOf(record: WorkingRecord): string[] {
    if (record.table === 'attendance' || record.table === 'votes') return [text(record.values.workshopId) ?? ''].filter(Boolean);
    if (record.table === 'photos' && record.values.parentTable === 'workshops') return [text(record.values.parentId) ?? ''].filter(Boolean);
    return [];
  }

  private async loadEvents(ids: readonly string[], extra: ReadonlyMap<string, WorkingRecord>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.events.has(id));
    for (const id of missing) {
      const known = extra.get(id);
      if (known) this.events.set(id, known);
    }
    const toRead = missing.filter((id) => !this.events.has(id));
    if (toRead.length === 0) return;
    const stored = await this.source.byIds(toRead);
    for (const record of stored.map(parseStoredRecord)) this.events.set(record.id, record.table === 'workshops' ? record : null);
    for (const id of toRead) if (!this.events.has(id)) this.events.set(id, null);
  }

  /** Of these people, those tied to a reached community or checked in at a reached event (live rows only). */
  private async peopleReachedElsewhere(personIds: readonly string[], extra: ReadonlyMap<string, WorkingRecord>): Promise<Set<string>> {
    const reached = new Set<string>();
    if (personIds.length === 0 || this.reach.all) return reached;
    const wanted = new Set(personIds);
    const [ties, attendance] = await Promise.all([this.source.byRef('ties', personIds), this.source.byRef('attendance', personIds)]);
    const rows = new Map<string, WorkingRecord>();
    for (const record of [...ties, ...attendance].map(parseStoredRecord)) rows.set(record.id, record);
    for (const record of extra.values()) {
      if ((record.table === 'ties' || record.table === 'attendance') && wanted.has(text(record.values.participantId) ?? '')) rows.set(record.id, record);
    }
    const live = [...rows.values()].filter((row) => row.values.deleted !== true);
    await this.loadEvents(live.flatMap((row) => this.eventIdsOf(row)), extra);
    for (const row of live) {
      const personId = text(row.values.participantId);
      if (personId === null) continue;
      const communityId = text(row.values.communityId);
      const seen = row.table === 'ties' ? communityId !== null && this.reach.communities.has(communityId) : this.eventIdSeen(text(row.values.workshopId));
      if (seen) reached.add(personId);
    }
    return reached;
  }
}
