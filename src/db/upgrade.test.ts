// Upgrades: a device holding data in the previous schema version
// opens the current TalkaDatabase with nothing lost. The old database is built
// with plain Dexie from the version's store declarations, copied here as they
// shipped, so the test keeps describing the old schema whatever database.ts
// becomes. When a version ships, add its declarations to SHIPPED_VERSIONS.
import Dexie from 'dexie';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS, compareHlc, type TableName } from '../../protocol';
import { SCHEMA_V1 as V1_STORES, SCHEMA_V2 as V2_STORES, TalkaDatabase, type OutboxEntry } from './database';
import { loadCursor, loadDataOwner, loadLastSync } from './meta';
import { Notebook } from './notebook';
import { countRejectedChanges, listRejectedChanges } from './queries';
import { takePushBatch } from './push-side';


/** Every shipped version a device may still hold, oldest first. */
const SHIPPED_VERSIONS: { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: { ...V1_STORES, ...V2_STORES } },
];

const USER = '7c0e6a55-3c1e-4d7a-9a51-2f0c1d9e8b11';
const DEVICE = 'tabletOld1';
const T = Date.UTC(2025, 4, 12, 10, 30);
const clockAt = (ms: number, counter = 0, device = DEVICE) => `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;
const id = (n: number) => `01968b12-fe80-7${String(n).padStart(3, '0')}-8000-${String(n).padStart(12, '0')}`;

const COMMUNITY = id(1);
const WORKSHOP = id(2);
const PARTICIPANT = id(3);
const NEED = id(5);

function common(n: number) {
  return { id: id(n), createdAt: T, updatedAt: T + n, createdBy: USER, deleted: false };
}

/** One record of every kind, as a device of protocol 1 stores it: fields plus a clock per field. */
/** Kinds added after the shipped versions: their tables do not exist in them. */
type LaterKinds = 'members' | 'ties' | 'assignments' | 'settings' | 'actionNotes' | 'spending' | 'assessmentRounds' | 'visits' | 'measures' | 'programmes' | 'enrolments';
function records(): Record<Exclude<TableName, LaterKinds>, Record<string, unknown>[]> {
  const rows: Record<Exclude<TableName, LaterKinds>, Record<string, unknown>[]> = {
    communities: [{
      ...common(1), name: 'Rūjienas kopiena', municipality: 'LV-096', parish: 'Rūjiena', description: 'Ziemeļvidzeme, pie Igaunijas robežas',
      maturity: 'active', contacts: [{ name: 'Ilze Kļaviņa', phone: '+371 20000000', email: 'ilze@example.lv', role: 'valdes priekšsēdētāja' }],
    }],
    workshops: [{
      ...common(2), communityId: COMMUNITY, title: 'Drošas kopienas darbnīca', kind: 'workshop', date: '2025-05-20', startTime: '17:30', endTime: '20:00',
      place: 'Tautas nams', programme: 'Drošas kopienas', facilitators: 'Anna, Pēteris', agenda: '1. Iepazīšanās\n2. Vajadzības', notes: '', status: 'held', dotsPerPerson: 3,
    }],
    participants: [{
      ...common(3), communityId: COMMUNITY, name: 'Jānis Bērziņš', household: 'Bērziņi', phone: '+371 29999999', email: '', role: 'resident',
      consentData: true, consentPhotos: false, consentDate: '2025-05-20', erased: false,
    }],
    attendance: [{ ...common(4), communityId: COMMUNITY, workshopId: WORKSHOP, participantId: PARTICIPANT, checkedInAt: T + 60_000 }],
    needs: [{
      ...common(5), communityId: COMMUNITY, workshopId: WORKSHOP, title: 'Ielu apgaismojums', description: 'Tumšs ceļš uz skolu', category: 'safety',
      status: 'prioritised', owner: 'Pagasta pārvalde',
    }, { ...common(12), deleted: true, communityId: COMMUNITY, workshopId: null, title: 'Izdzēsta', description: '', category: 'other', status: 'dropped', owner: '' }],
    votes: [{ ...common(6), communityId: COMMUNITY, workshopId: WORKSHOP, needId: NEED, participantId: PARTICIPANT, castAt: T + 120_000 }],
    resources: [{
      ...common(7), communityId: COMMUNITY, kind: 'place', name: 'Tautas nams', description: 'Zāle 80 vietām', contact: '', availability: 'vakaros', needIds: [NEED],
    }],
    actions: [{ ...common(8), communityId: COMMUNITY, needId: NEED, what: 'Uzrakstīt projekta pieteikumu', who: 'Ilze', due: '2025-09-01', budgetCents: 150_000, status: 'planned' }],
    swot: [{ ...common(9), communityId: COMMUNITY, workshopId: WORKSHOP, quadrant: 'strengths', text: 'Aktīvi jaunieši' }],
    photos: [{
      ...common(10), communityId: COMMUNITY, parentTable: 'workshops', parentId: WORKSHOP, caption: 'Darbnīcas dalībnieki', sha256: 'ab'.repeat(32),
      mime: 'image/jpeg', size: 183_220, width: 1600, height: 1200,
    }],
    conflicts: [{
      ...common(11), createdBy: 'server', communityId: COMMUNITY, table: 'needs', recordId: NEED, field: 'title', winnerValue: 'Ielu apgaismojums',
      winnerClock: clockAt(T + 5, 0, 'tabletB'), loserValue: 'Apgaismojums', loserClock: clockAt(T + 4), resolved: false, resolvedBy: '',
    }],
  };
  for (const list of Object.values(rows)) {
    for (const row of list) {
      const clocks: Record<string, string> = {};
      for (const field of Object.keys(row)) if (field !== 'id') clocks[field] = clockAt(T, 1);
      row.clocks = clocks;
    }
  }
  return rows;
}

function outbox(): OutboxEntry[] {
  return [
    { id: id(101), table: 'needs', recordId: NEED, op: 'put', fields: { title: 'Ielu apgaismojums', updatedAt: T + 5 }, base: { title: clockAt(T, 1), updatedAt: clockAt(T, 1) }, hlc: clockAt(T + 5), author: USER },
    {
      id: id(102), table: 'needs', recordId: id(13), op: 'put', fields: { bad: 1 }, base: {}, hlc: clockAt(T + 6), author: USER,
      rejection: { code: 'invalid_fields', message: 'bad: unknown_field' },
    },
    { id: id(103), table: 'votes', recordId: id(6), op: 'put', fields: { deleted: true, updatedAt: T + 7 }, base: { deleted: clockAt(T, 1), updatedAt: clockAt(T, 1) }, hlc: clockAt(T + 7), author: USER },
    { id: id(104), table: 'communities', recordId: COMMUNITY, op: 'put', fields: { description: 'Ziemeļvidzeme', updatedAt: T + 8 }, base: { description: clockAt(T, 1), updatedAt: clockAt(T, 1) }, hlc: clockAt(T + 8), author: DEVICE },
  ];
}

const SAVED_CLOCK = clockAt(T + 3_600_000, 7);
const META = [
  { key: 'clock', value: SAVED_CLOCK },
  { key: 'cursor', value: 'djEuOWUxYWU3ZWMtYjc0MS00ZTkzLWI4N2EtMzQ2ZGI3YTQ5ZTQyLjQy' },
  { key: 'lastSyncAt', value: T + 1_000 },
  { key: 'organisationId', value: '2f6b6c1e-5d0a-4c1b-9a7e-8a3d2c1b0e9f' },
];

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Builds a database of `version` with plain Dexie, fills it, and closes it, as a device left it. */
async function oldDevice(version: number, stores: Record<string, string>): Promise<{ name: string; seqs: number[] }> {
  const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  const seqs: number[] = [];
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(records())) await old.table(table).bulkAdd(rows);
    for (const entry of outbox()) seqs.push(await old.table('outbox').add(entry) as number);
    await old.table('meta').bulkAdd(META);
  });
  old.close();
  return { name, seqs };
}

describe('opening an older device database with the current schema', () => {
  it('the fixtures are whole records of protocol 1', () => {
    for (const [table, rows] of Object.entries(records()) as [TableName, Record<string, unknown>[]][]) {
      for (const { clocks: _clocks, ...row } of rows) {
        expect(v.safeParse(RECORD_SCHEMAS[table], row).issues, `${table} ${String(row.id)}`).toBeUndefined();
      }
    }
  });

  it.each(SHIPPED_VERSIONS)('from version $version: every record, outbox entry and setting is still there', async ({ version, stores }) => {
    const { name, seqs } = await oldDevice(version, stores);
    const db = new TalkaDatabase(name);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(version);
      for (const [table, rows] of Object.entries(records()) as [TableName, Record<string, unknown>[]][]) {
        expect(await db.recordTable(table).count(), table).toBe(rows.length);
        for (const row of rows) expect(await db.recordTable(table).get(String(row.id)), `${table} ${String(row.id)}`).toMatchObject(row);
      }
      // The outbox keeps its order, its ids and its refusals.
      const entries = await db.outbox.orderBy('seq').toArray();
      expect(entries.map((entry) => entry.seq)).toEqual(seqs);
      entries.forEach((entry, i) => expect(entry).toMatchObject(outbox()[i]!));
      for (const entry of META) expect(await db.meta.get(entry.key), entry.key).toEqual(entry);
      // And the sync store reads them as before.
      expect(await loadCursor(db)).toBe(META[1]!.value);
      expect(await loadLastSync(db)).toBe(META[2]!.value);
      expect(await loadDataOwner(db)).toBe(META[3]!.value);
      const batch = await takePushBatch(db, { maxCount: 100, maxBytes: 1_000_000, authors: new Set([USER, DEVICE]) });
      expect(batch.mutations.map((mutation) => mutation.id)).toEqual([id(101), id(103), id(104)]);
      // Refusals are found through the index version 3 added.
      expect((await listRejectedChanges(db)).map((entry) => entry.id)).toEqual([id(102)]);
      expect(await countRejectedChanges(db)).toBe(1);
    } finally {
      db.close();
    }
  });

  it.each(SHIPPED_VERSIONS)('from version $version: the notebook writes on, its clock after the saved one', async ({ version, stores }) => {
    const { name, seqs } = await oldDevice(version, stores);
    const db = new TalkaDatabase(name);
    // The tablet's calendar is behind the saved clock: the clock must come from the database, not the calendar.
    const notebook = new Notebook({ db, deviceId: DEVICE, author: () => USER, now: () => T });
    try {
      await notebook.update('participants', PARTICIPANT, { household: 'Bērziņu ģimene' });
      const needId = await notebook.create('needs', {
        communityId: COMMUNITY, workshopId: WORKSHOP, title: 'Autobuss uz Valmieru', description: '', category: 'mobility', status: 'raised', owner: '',
      });
      await notebook.checkIn({ id: WORKSHOP, communityId: COMMUNITY }, id(14));

      expect(await db.participants.get(PARTICIPANT)).toMatchObject({ name: 'Jānis Bērziņš', household: 'Bērziņu ģimene' });
      expect(await db.needs.get(needId)).toMatchObject({ title: 'Autobuss uz Valmieru', deleted: false });
      const entries = await db.outbox.orderBy('seq').toArray();
      expect(entries).toHaveLength(outbox().length + 3);
      const added = entries.slice(outbox().length);
      expect(added.every((entry) => entry.seq! > Math.max(...seqs))).toBe(true);
      for (const entry of added) expect(compareHlc(entry.hlc, SAVED_CLOCK), entry.hlc).toBeGreaterThan(0);
      expect(await db.needs.count()).toBe(records().needs.length + 1);
    } finally {
      db.close();
    }
  });
});
