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

export interface MetaEntry {
  key: string;
  value: unknown;
}

type RecordTables = { [T in TableName]: EntityTable<Stored<RecordTypes[T]>, 'id'> };

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
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = 'talka') {
    // Outbox writes must survive a power cut: Chromium's default durability is relaxed.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
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
    });
  }

  recordTable<T extends TableName>(table: T): Table<Stored<RecordTypes[T]>, string> {
    return this.table(table);
  }
}
