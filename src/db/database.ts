// The device's database: one Dexie subclass, one table per record kind plus
// the outbox of unsent changes and a small key-value `meta` table.
// Schema changes add a version(n); earlier versions are never edited.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Clocks, Mutation, RecordTypes, TableName } from '../../protocol';

/** A record as kept on the device: its fields and the clock of each field. */
export type Stored<T> = T & { clocks: Clocks };

export interface OutboxEntry extends Mutation {
  /** Local queue order (auto-incremented). */
  seq?: number;
  /** Who made the change; only that user's session sends it. */
  author?: string;
  /** Set when the server refused this change for good; kept and shown, never pushed again as is. */
  rejection?: { code: string; message: string };
}

/**
 * Where a photo's bytes are. Everything but 'remote' has them on this device.
 * - 'local': made here and not yet on the server — the only copy is this device's;
 * - 'uploaded': on this device and on the server (sent from here, or downloaded from it);
 * - 'remote': known from a pulled photo record, on the server, not downloaded yet.
 */
export type BlobState = 'local' | 'uploaded' | 'remote';

/**
 * A photo's image, content-addressed: one row per distinct image however many
 * photo records name it (photos.sha256 → blobs.sha256). Written by src/db/photos.ts.
 */
export interface BlobRow {
  /** SHA-256 (lowercase hex) of `blob`'s bytes; the key here and on the server. */
  sha256: string;
  /** The stored image (resized, re-encoded); null while 'remote'. */
  blob: Blob | null;
  /** A small copy for lists (long side ~320 px); null while 'remote'. Never leaves the device. */
  thumb: Blob | null;
  /** Type and byte size of `blob` (known from the record while 'remote'). */
  mime: string;
  size: number;
  state: BlobState;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

type RecordTables = { [T in TableName]: EntityTable<Stored<RecordTypes[T]>, 'id'> };

/** Version 1 as shipped. Never edit: devices hold data in it, and the upgrade test opens it. */
export const SCHEMA_V1 = {
  communities: 'id, updatedAt',
  workshops: 'id, communityId, date',
  participants: 'id, communityId',
  attendance: 'id, workshopId, participantId, communityId',
  needs: 'id, communityId, workshopId',
  votes: 'id, workshopId, needId, communityId',
  resources: 'id, communityId',
  actions: 'id, communityId, needId',
  swot: 'id, communityId, workshopId',
  photos: 'id, communityId, parentId, sha256',
  conflicts: 'id, recordId, resolved',
  outbox: '++seq, &id, recordId',
  meta: 'key',
} as const;

/** What version 2 added (photos' images), as shipped. Never edit. */
export const SCHEMA_V2 = {
  blobs: 'sha256, state',
} as const;

export class TalkaDatabase extends Dexie {
  communities!: RecordTables['communities'];
  workshops!: RecordTables['workshops'];
  participants!: RecordTables['participants'];
  attendance!: RecordTables['attendance'];
  needs!: RecordTables['needs'];
  votes!: RecordTables['votes'];
  resources!: RecordTables['resources'];
  actions!: RecordTables['actions'];
  swot!: RecordTables['swot'];
  photos!: RecordTables['photos'];
  conflicts!: RecordTables['conflicts'];
  members!: RecordTables['members'];
  ties!: RecordTables['ties'];
  assignments!: RecordTables['assignments'];
  settings!: RecordTables['settings'];
  actionNotes!: RecordTables['actionNotes'];
  spending!: RecordTables['spending'];
  assessmentRounds!: RecordTables['assessmentRounds'];
  visits!: RecordTables['visits'];
  measures!: RecordTables['measures'];
  programmes!: RecordTables['programmes'];
  enrolments!: RecordTables['enrolments'];
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  blobs!: EntityTable<BlobRow, 'sha256'>;

  constructor(name = 'talka') {
    // Outbox writes must survive a power cut: Chromium's default durability is relaxed.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    // Photos' images: the v1 tables stay as they are.
    this.version(2).stores(SCHEMA_V2);
    // Refused changes by index (only entries with a rejection are in it): the sync bar counts them on every outbox change.
    this.version(3).stores({
      outbox: '++seq, &id, recordId, rejection.code',
    });
    // The organisation's users as the server lists them, so conflicts and the bin can name people offline.
    this.version(4).stores({ members: 'id' });
    // People belong to the organisation (ties to communities besides the home one), events to one or more
    // communities or none, assignments and settings; merged people and grouped needs by their survivor.
    this.version(5).stores({
      participants: 'id, communityId, mergedInto',
      workshops: 'id, communityId, date, *communityIds',
      votes: 'id, workshopId, needId, communityId, participantId',
      needs: 'id, communityId, workshopId, sameAs',
      ties: 'id, participantId, communityId',
      assignments: 'id, userId, communityId',
      settings: 'id',
    });
    // Carrying out the plan: progress notes and spending on actions, self-assessment rounds, mentors' visits,
    // the support-measures directory. (Version 6 is taken by the people register.)
    this.version(7).stores({
      actionNotes: 'id, communityId, actionId',
      spending: 'id, communityId, actionId',
      assessmentRounds: 'id, communityId',
      visits: 'id, communityId, mentorId',
      measures: 'id, deadline',
    });
    // Programmes (the organisation's, coordinator-written) and communities' enrolments in them; events by programme.
    this.version(8).stores({
      programmes: 'id',
      enrolments: 'id, communityId, programmeId',
      workshops: 'id, communityId, date, *communityIds, programmeId',
    });
  }

  recordTable<T extends TableName>(table: T): Table<Stored<RecordTypes[T]>, string> {
    return this.table(table);
  }
}
