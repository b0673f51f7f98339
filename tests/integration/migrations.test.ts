// Upgrades: the server's migrations run on a populated database,
// SQLite always and PostgreSQL when TEST_POSTGRES_URL is set. A database is
// created at the first migration and filled the way a running server fills it;
// then every later migration runs one by one, then the production path
// (openStore, which migrates to the latest) twice; after each, what was
// there is checked through today's store and today's API.
//
// When a migration is added to server/store/migrations.ts, add its step to
// STEPS below: `populate` writes rows into the schema as that migration leaves
// it (so the migrations after it run on them), `verify` checks them at the
// latest schema. A step may leave either out; the test that every migration
// has a step fails until the step is there.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { meResponseSchema } from '../../protocol/auth';
import { enrolmentIdFor, programmeIdFor } from '../../protocol/ids';
import { pullResponseSchema, pushResponseSchema } from '../../protocol/messages';
import { programmeReportResponseSchema } from '../../protocol/programme-report-wire';
import { enrolmentSchema, programmeSchema, workshopSchema } from '../../protocol/records';
import { hashPassword } from '../../server/auth/password';
import { hashToken } from '../../server/auth/tokens';
import { encodeCursor } from '../../server/sync/cursor';
import type { KyselyStore } from '../../server/store/kysely-store';
import { MIGRATIONS, migratorFor } from '../../server/store/migrations';
import { openStore, type StoreTarget } from '../../server/store/open';
import { openPostgres } from '../../server/store/postgres';
import { openSqlite } from '../../server/store/sqlite';
import { call, pullAll, START_TIME, startServer, TEST_PASSWORD_COST, type TestServer } from './support/harness';

// Migrations are written against Kysely<any>; so are the rows written into old schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- old schemas have no types of today
type AnyDb = Kysely<any>;

/** What the steps write and check, shared from populate to verify. */
interface Fixture {
  /** The database's instance id, as the first migration made it. */
  instanceId: string;
  passwordHash: string;
}

interface VerifyContext {
  fixture: Fixture;
  store: KyselyStore;
  server: TestServer;
  db: AnyDb;
  /** The production path runs twice; the second must find nothing to do. */
  round: number;
}

interface MigrationStep {
  /** The migration's name in MIGRATIONS. */
  name: string;
  populate?: (db: AnyDb, fixture: Fixture) => Promise<void>;
  verify?: (context: VerifyContext) => Promise<void>;
}

// ---- 0001_initial: an organisation in use ----------------------------------------------------

const ORG = '3f1d9c2e-7b4a-4e8f-9a1b-2c3d4e5f6a7b';
const OTHER_ORG = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const COORDINATOR = '11111111-2222-4333-8444-555555555555';
const FACILITATOR = '66666666-7777-4888-9999-aaaaaaaaaaaa';
const RETIRED = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const LIVE_TOKEN = Buffer.alloc(32, 7).toString('base64url');
const REVOKED_TOKEN = Buffer.alloc(32, 9).toString('base64url');
const COMMUNITY = '01968b12-fe80-7000-8000-000000000001';
const NEED = '01968b12-fe80-7000-8000-000000000002';
const VOTE = '01968b12-fe80-7000-8000-000000000003';
const OTHER_ORG_COMMUNITY = '01968b12-fe80-7000-8000-000000000004';
const CONFLICT = '01968b12-fe80-7000-8000-000000000005';
const APPLIED_MUTATION = '01968b12-fe80-7000-8000-0000000000a1';
const SHA = 'c0ffee'.padEnd(64, '0');
const clock = (ms: number, counter = 0, device = 'tabletA') => `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;
const T = START_TIME - 60 * 60 * 1000;

function fieldsAndClocks(fields: Record<string, unknown>, at: string) {
  return { fields, clocks: Object.fromEntries(Object.keys(fields).map((field) => [field, at])) };
}

const COMMON = { createdAt: T, updatedAt: T, createdBy: COORDINATOR, deleted: false };
/** The records as a pull returns them, in seq order. */
const RECORDS = [
  {
    id: COMMUNITY, org: ORG, table: 'communities', communityId: COMMUNITY, seq: 1,
    ...fieldsAndClocks({ ...COMMON, name: 'Ērgļu kopiena', municipality: 'LV-056', parish: 'Ērgļi', description: 'Pie Ogres', maturity: 'active', contacts: [] }, clock(T)),
  },
  {
    id: NEED, org: ORG, table: 'needs', communityId: COMMUNITY, seq: 2,
    ...fieldsAndClocks({ ...COMMON, communityId: COMMUNITY, workshopId: null, title: 'Gājēju celiņš', description: 'Līdz stacijai — 2 km', category: 'mobility', status: 'raised', owner: '' }, clock(T, 1)),
  },
  {
    id: OTHER_ORG_COMMUNITY, org: OTHER_ORG, table: 'communities', communityId: OTHER_ORG_COMMUNITY, seq: 3,
    ...fieldsAndClocks({ ...COMMON, name: 'Cita kopiena', municipality: 'LV-011', parish: '', description: '', maturity: 'emerging', contacts: [] }, clock(T, 0, 'tabletZ')),
  },
  {
    id: VOTE, org: ORG, table: 'votes', communityId: COMMUNITY, seq: 4,
    ...fieldsAndClocks({ ...COMMON, communityId: COMMUNITY, workshopId: COMMUNITY, needId: NEED, participantId: null, castAt: T }, clock(T, 2)),
  },
  {
    id: CONFLICT, org: ORG, table: 'conflicts', communityId: COMMUNITY, seq: 5,
    ...fieldsAndClocks({
      ...COMMON, createdBy: 'server', communityId: COMMUNITY, table: 'needs', recordId: NEED, field: 'title', winnerValue: 'Gājēju celiņš',
      winnerClock: clock(T, 1), loserValue: 'Celiņš', loserClock: clock(T - 5, 0, 'tabletB'), resolved: false, resolvedBy: '',
    }, clock(T, 3, 'server')),
  },
];
const HEAD_SEQ = 5;
/**
 * 0006 assigns the one active facilitator to the organisation's one community, at the next seq; 0007 makes its three users
 * members; 0008 gives it a programme (it never named one) and enrols its community.
 */
const ASSIGNMENT_SEQ = HEAD_SEQ + 1;
const UPGRADED_HEAD = ASSIGNMENT_SEQ + 3 + 2;
/** Records the upgrade itself wrote (0006, 0007, 0008). */
const UPGRADE_TABLES = ['assignments', 'members', 'programmes', 'enrolments'];
const notAssignments = (change: { table: string }) => !UPGRADE_TABLES.includes(change.table);

async function populateInitial(db: AnyDb, fixture: Fixture): Promise<void> {
  const state = await db.selectFrom('sync_state').select(['instance_id']).executeTakeFirstOrThrow();
  fixture.instanceId = String(state.instance_id);
  await db.insertInto('organisations').values([
    { id: ORG, name: 'Vidzemes kopienu tīkls', created_at: T },
    { id: OTHER_ORG, name: 'Cita biedrība', created_at: T },
  ]).execute();
  await db.insertInto('users').values([
    { id: COORDINATOR, org_id: ORG, email: 'koordinatore@vidzeme.lv', name: 'Dace Kalniņa', role: 'coordinator', password_hash: fixture.passwordHash, active: 1, created_at: T },
    { id: FACILITATOR, org_id: ORG, email: 'vaditajs@vidzeme.lv', name: 'Pēteris Ozols', role: 'facilitator', password_hash: fixture.passwordHash, active: 1, created_at: T },
    { id: RETIRED, org_id: ORG, email: 'bijusi@vidzeme.lv', name: 'Agra Lāce', role: 'facilitator', password_hash: fixture.passwordHash, active: 0, created_at: T },
  ]).execute();
  await db.insertInto('tokens').values([
    { hash: hashToken(LIVE_TOKEN), user_id: FACILITATOR, created_at: T, last_used_at: T, revoked_at: null },
    { hash: hashToken(REVOKED_TOKEN), user_id: COORDINATOR, created_at: T, last_used_at: T, revoked_at: T + 1 },
  ]).execute();
  await db.insertInto('setup_tokens').values({ hash: hashToken('setup'), created_at: T - 10_000, used_at: T - 5_000 }).execute();
  await db.insertInto('records').values(RECORDS.map((record) => ({
    id: record.id, org_id: record.org, tbl: record.table, community_id: record.communityId,
    fields: JSON.stringify(record.fields), clocks: JSON.stringify(record.clocks), seq: record.seq, updated_at: T,
  }))).execute();
  await db.insertInto('applied_mutations').values({ id: APPLIED_MUTATION, org_id: ORG, device_id: 'tabletA', user_id: FACILITATOR, applied_at: T }).execute();
  await db.updateTable('sync_state').set({ seq: HEAD_SEQ }).where('id', '=', 1).execute();
  await db.insertInto('blob_owners').values({ org_id: ORG, sha256: SHA, size: 1234, mime: 'image/jpeg', created_at: T }).execute();
}

async function verifyInitial({ fixture, store, server }: VerifyContext): Promise<void> {
  // Accounts: the password hashes, tokens and deactivation survived.
  // (The third organisation and its coordinator came before 0008, for its step.)
  expect(await store.countUsers()).toBe(4);
  expect((await store.listOrganisations()).map((org) => org.name)).toEqual(['Cita biedrība', 'Latgales kopienas', 'Vidzemes kopienu tīkls']);
  const signedIn = await call(server, 'POST', '/api/auth/login', { json: { email: 'koordinatore@vidzeme.lv', password: 'vecā parole' } });
  expect(signedIn.status).toBe(200);
  const me = await call(server, 'GET', '/api/auth/me', { token: LIVE_TOKEN });
  expect(me.status).toBe(200);
  expect(v.parse(meResponseSchema, me.body).user).toMatchObject({ id: FACILITATOR, role: 'facilitator' });
  expect((await call(server, 'GET', '/api/auth/me', { token: REVOKED_TOKEN })).status).toBe(401);
  expect((await call(server, 'POST', '/api/auth/login', { json: { email: 'bijusi@vidzeme.lv', password: 'vecā parole' } })).status).toBe(403);
  expect((await call(server, 'GET', '/api/setup/status')).body).toEqual({ needed: false });

  // Records: a pull from the start gives the organisation's records whole, in seq order, and nothing of the other's.
  const all = await call(server, 'GET', '/api/sync/pull', { token: LIVE_TOKEN });
  expect(all.status).toBe(200);
  const page = v.parse(pullResponseSchema, all.body);
  const ours = RECORDS.filter((record) => record.org === ORG);
  expect(page.changes.filter(notAssignments)).toEqual(ours.map((record) => ({ table: record.table, recordId: record.id, fields: record.fields, clocks: record.clocks, seq: record.seq })));
  // A device's cursor from before the upgrade still counts: same instance, same seqs.
  const since = await call(server, 'GET', `/api/sync/pull?since=${encodeCursor({ instanceId: fixture.instanceId, seq: 2 })}`, { token: LIVE_TOKEN });
  expect(since.status).toBe(200);
  expect(v.parse(pullResponseSchema, since.body).changes.filter(notAssignments).map((change) => change.recordId)).toEqual([VOTE, CONFLICT]);
  expect(await store.readHead(ORG)).toEqual({ instanceId: fixture.instanceId, seq: UPGRADED_HEAD });

  // Exactly once across the upgrade: a mutation applied before is acknowledged and changes nothing.
  const replay = await call(server, 'POST', '/api/sync/push', {
    token: LIVE_TOKEN,
    json: { protocol: 1, deviceId: 'tabletA', mutations: [{ id: APPLIED_MUTATION, table: 'needs', recordId: NEED, op: 'put', fields: { title: 'Atkārtots' }, base: {}, hlc: clock(START_TIME) }] },
  });
  expect(v.parse(pushResponseSchema, replay.body)).toMatchObject({ acked: [APPLIED_MUTATION], rejected: [] });
  expect(await store.readHead(ORG)).toEqual({ instanceId: fixture.instanceId, seq: UPGRADED_HEAD });

  expect(await store.findBlobOwner(ORG, SHA)).toEqual({ orgId: ORG, sha256: SHA, size: 1234, mime: 'image/jpeg', createdAt: T });
  expect(await store.findBlobOwner(OTHER_ORG, SHA)).toBeUndefined();
}

// ---- 0002_login_attempts: a facilitator mistyping from the office -----------------------------

/** Under app.request() the server knows no client address. */
const NO_ADDRESS = 'unknown';

async function populateLoginAttempts(db: AnyDb): Promise<void> {
  await db.insertInto('login_attempts').values({ account: 'vaditajs@vidzeme.lv', address: NO_ADDRESS, failures: 3, last_failed_at: START_TIME - 1000 }).execute();
}

async function verifyLoginAttempts({ store, server }: VerifyContext): Promise<void> {
  expect(await store.findLoginAttempt('vaditajs@vidzeme.lv', NO_ADDRESS)).toEqual({
    account: 'vaditajs@vidzeme.lv', address: NO_ADDRESS, failures: 3, lastFailedAt: START_TIME - 1000,
  });
  // Three failures mean a 4 s wait from the last, 1 s of which has passed.
  const early = await call(server, 'POST', '/api/auth/login', { json: { email: 'vaditajs@vidzeme.lv', password: 'vecā parole' } });
  expect([early.status, early.headers.get('Retry-After')]).toEqual([429, '3']);
}

// ---- 0003_org_heads: each organisation's change log counts on from the old global head ----------

// ---- 0005_record_refs: a person's check-ins and an image's photos are found by them ------------

const CHECK_IN = '01968b12-fe80-7000-8000-0000000000c1';
const PERSON = '01968b12-fe80-7000-8000-0000000000c2';

/** A check-in as 0004 stores it (no ref yet), in the other organisation so this organisation's pulls stay as they were. */
async function populateCheckInOfOtherOrganisation(db: AnyDb): Promise<void> {
  const { fields, clocks } = fieldsAndClocks({
    ...COMMON, communityId: OTHER_ORG_COMMUNITY, workshopId: OTHER_ORG_COMMUNITY, participantId: PERSON, checkedInAt: T,
  }, clock(T, 4, 'tabletZ'));
  await db.insertInto('records').values({
    id: CHECK_IN, org_id: OTHER_ORG, tbl: 'attendance', community_id: OTHER_ORG_COMMUNITY, fields: JSON.stringify(fields), clocks: JSON.stringify(clocks), seq: HEAD_SEQ + 1, updated_at: T,
  }).execute();
  await db.updateTable('org_heads').set({ seq: HEAD_SEQ + 1 }).where('org_id', '=', OTHER_ORG).execute();
}

async function verifyRecordRefs({ store }: VerifyContext): Promise<void> {
  // A check-in written before the migration is found by its person, and only in its organisation.
  const found = await store.findRecordsByRef(OTHER_ORG, 'attendance', [PERSON]);
  expect(found.map((row) => [row.id, row.refId])).toEqual([[CHECK_IN, PERSON]]);
  expect(await store.findRecordsByRef(ORG, 'attendance', [PERSON])).toEqual([]);
}

// ---- 0004_devices: who pushed from a device, so a conflict can name them -------------------------

async function verifyDevices({ store }: VerifyContext): Promise<void> {
  const device = { orgId: ORG, deviceId: 'tablet-1', userId: 'user-1', label: 'Planšete 1', lastPushAt: START_TIME };
  await store.runPush(async (tx) => {
    await tx.saveDevice(device);
    await tx.saveDevice({ ...device, label: 'Planšete 2' });
    expect(await tx.findDevices(ORG, ['tablet-1', 'tablet-9'])).toEqual(new Map([['tablet-1', { ...device, label: 'Planšete 2' }]]));
  });
}

async function verifyOrgHeads({ fixture, store, server }: VerifyContext): Promise<void> {
  // Both organisations' heads start at the old global head, so every device's cursor stays valid.
  // (0006 to 0008 then moved this organisation's head on; the other's moved on by its check-in, then by 0008's programme and enrolment.)
  expect(await store.readHead(ORG)).toEqual({ instanceId: fixture.instanceId, seq: UPGRADED_HEAD });
  expect(await store.readHead(OTHER_ORG)).toEqual({ instanceId: fixture.instanceId, seq: HEAD_SEQ + 1 + 2 });
  const atHead = await call(server, 'GET', `/api/sync/pull?since=${encodeCursor({ instanceId: fixture.instanceId, seq: HEAD_SEQ })}`, { token: LIVE_TOKEN });
  expect(v.parse(pullResponseSchema, atHead.body).changes.filter(notAssignments)).toEqual([]);
}

// ---- 0006_assign_existing_facilitators: nobody loses the communities they worked with -----------

async function verifyFacilitatorsAssigned({ server }: VerifyContext): Promise<void> {
  // The active facilitator is assigned to the organisation's community, as a record the device pulls;
  // the retired one and the other organisation get nothing.
  const all = v.parse(pullResponseSchema, (await call(server, 'GET', '/api/sync/pull', { token: LIVE_TOKEN })).body);
  const assignments = all.changes.filter((change) => change.table === 'assignments');
  expect(assignments.map((change) => [change.seq, change.fields.userId, change.fields.communityId, change.fields.deleted])).toEqual([
    [ASSIGNMENT_SEQ, FACILITATOR, COMMUNITY, false],
  ]);
  // What the facilitator worked with before the upgrade is still theirs.
  expect(all.changes.map((change) => change.recordId)).toEqual(expect.arrayContaining([COMMUNITY, NEED, VOTE]));
}

// ---- 0007_members: devices can name the organisation's people ---------------------------------

async function verifyMembers({ server }: VerifyContext): Promise<void> {
  const all = v.parse(pullResponseSchema, (await call(server, 'GET', '/api/sync/pull', { token: LIVE_TOKEN })).body);
  const members = all.changes.filter((change) => change.table === 'members').map((change) => [change.recordId, change.fields.name, change.fields.role, change.fields.active]);
  expect(members).toEqual(expect.arrayContaining([
    [COORDINATOR, 'Dace Kalniņa', 'coordinator', true], [FACILITATOR, 'Pēteris Ozols', 'facilitator', true], [RETIRED, 'Agra Lāce', 'facilitator', false],
  ]));
  expect(members).toHaveLength(3);
}

/**
 * A tablet offline through the upgrade pushes what it queued in protocol 1's shape: an event of one
 * community, a walk-in at home there, their check-in. Nothing is lost. (In the last round, after every
 * other check, since it adds records.)
 */
async function verifyOldDevicePush({ server, round }: VerifyContext): Promise<void> {
  if (round !== 2) return;
  const at = clock(START_TIME - 1000, 0, 'tabletOld');
  const common = { createdAt: START_TIME - 1000, updatedAt: START_TIME - 1000, createdBy: FACILITATOR, deleted: false };
  const put = (n: number, table: string, recordId: string, fields: Record<string, unknown>) => ({
    id: `01968b12-fe80-7000-8000-0000000000e${n}`, table, recordId, op: 'put', fields: { ...common, ...fields },
    base: Object.fromEntries(Object.keys({ ...common, ...fields }).map((field) => [field, null])), hlc: at,
  });
  const event = '01968b12-fe80-7000-8000-0000000000d1';
  const walkIn = '01968b12-fe80-7000-8000-0000000000d2';
  const checkIn = '01968b12-fe80-7000-8000-0000000000d3';
  const mutations = [
    put(1, 'workshops', event, {
      communityId: COMMUNITY, title: 'Vakars pēc jaunināšanas', kind: 'workshop', date: '2026-12-01', startTime: '', endTime: '', place: '',
      programme: '', facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    }),
    put(2, 'participants', walkIn, {
      communityId: COMMUNITY, name: 'Inese Kļava', household: '', phone: '', email: '', role: 'resident', consentData: true, consentPhotos: false, consentDate: '2026-12-01', erased: false,
    }),
    put(3, 'attendance', checkIn, { communityId: COMMUNITY, workshopId: event, participantId: walkIn, checkedInAt: START_TIME - 1000 }),
  ];
  const reply = await call(server, 'POST', '/api/sync/push', { token: LIVE_TOKEN, json: { protocol: 1, deviceId: 'tabletOld', mutations } });
  expect(v.parse(pushResponseSchema, reply.body)).toMatchObject({ acked: mutations.map((mutation) => mutation.id), rejected: [] });
  const all = v.parse(pullResponseSchema, (await call(server, 'GET', '/api/sync/pull', { token: LIVE_TOKEN })).body);
  expect(all.changes.filter((change) => [event, walkIn, checkIn].includes(change.recordId)).map((change) => change.fields.deleted)).toEqual([false, false, false]);
}

// ---- 0008_programmes: the free-text programme of events becomes programme records ---------------

const THIRD_ORG = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const THIRD_COORDINATOR = '77777777-8888-4999-8aaa-bbbbbbbbbbbb';
const THIRD_TOKEN = Buffer.alloc(32, 11).toString('base64url');
const EMERGING = '01968b12-fe80-7000-8000-0000000000f1';
const ACTIVE = '01968b12-fe80-7000-8000-0000000000f2';
const GONE_COMMUNITY = '01968b12-fe80-7000-8000-0000000000f3';
const EVENTS = {
  march: '01968b12-fe80-7000-8000-0000000000f4',
  february: '01968b12-fe80-7000-8000-0000000000f5',
  april: '01968b12-fe80-7000-8000-0000000000f6',
  summer: '01968b12-fe80-7000-8000-0000000000f7',
  unnamed: '01968b12-fe80-7000-8000-0000000000f8',
  deleted: '01968b12-fe80-7000-8000-0000000000f9',
};
const THIRD_RECORDS = 9;
const EMERGING_MADE = Date.UTC(2024, 10, 5, 23, 30);
const ACTIVE_MADE = Date.UTC(2025, 0, 2, 8);

/** An organisation as 0007 leaves it: two spellings of one programme, another programme, an event with none, one in the bin. */
async function populateFreeTextProgrammes(db: AnyDb, fixture: Fixture): Promise<void> {
  await db.insertInto('organisations').values({ id: THIRD_ORG, name: 'Latgales kopienas', created_at: T }).execute();
  await db.insertInto('users').values({
    id: THIRD_COORDINATOR, org_id: THIRD_ORG, email: 'koordinators@latgale.lv', name: 'Ilga Vanaga', role: 'coordinator', password_hash: fixture.passwordHash, active: 1, created_at: T,
  }).execute();
  await db.insertInto('tokens').values({ hash: hashToken(THIRD_TOKEN), user_id: THIRD_COORDINATOR, created_at: T, last_used_at: T, revoked_at: null }).execute();
  const common = (at: number) => ({ createdAt: at, updatedAt: at, createdBy: THIRD_COORDINATOR, deleted: false });
  const community = (id: string, maturity: string, at: number, deleted = false) => ({
    id, table: 'communities', communityId: id, fields: { ...common(at), deleted, name: 'Kopiena', municipality: 'LV-066', parish: '', description: '', maturity, contacts: [] },
  });
  const event = (id: string, programme: string, date: string, deleted = false) => ({
    id, table: 'workshops', communityId: EMERGING, fields: {
      ...common(T), deleted, communityId: EMERGING, title: 'Sapulce', kind: 'workshop', date, startTime: '', endTime: '', place: '', programme,
      facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    },
  });
  const records = [
    community(EMERGING, 'emerging', EMERGING_MADE), community(ACTIVE, 'active', ACTIVE_MADE), community(GONE_COMMUNITY, 'active', T, true),
    event(EVENTS.march, 'Drošas kopienas', '2025-03-10'), event(EVENTS.february, '  drošas   KOPIENAS ', '2025-02-01'),
    event(EVENTS.april, 'Drošas kopienas', '2025-04-01'), event(EVENTS.summer, 'Jauniešu vasara', '2025-06-01'),
    event(EVENTS.unnamed, '', '2025-01-20'), event(EVENTS.deleted, 'Vecs projekts', '2024-12-01', true),
  ];
  expect(records).toHaveLength(THIRD_RECORDS);
  await db.insertInto('records').values(records.map((record, index) => ({
    id: record.id, org_id: THIRD_ORG, tbl: record.table, community_id: record.communityId, ref_id: null,
    fields: JSON.stringify(record.fields), clocks: JSON.stringify(fieldsAndClocks(record.fields, clock(T, index, 'tabletL')).clocks), seq: index + 1, updated_at: T,
  }))).execute();
  await db.insertInto('org_heads').values({ org_id: THIRD_ORG, seq: THIRD_RECORDS }).execute();
}

async function verifyProgrammes({ server, store, db, round }: VerifyContext): Promise<void> {
  const main = programmeIdFor(THIRD_ORG, 'drošas kopienas');
  const summer = programmeIdFor(THIRD_ORG, 'Jauniešu vasara');
  // A device pulls what the upgrade wrote: programmes, every live event mapped, enrolments; all of it as the protocol's schemas say.
  const { changes } = await pullAll(server, THIRD_TOKEN);
  const of = (table: string) => changes.filter((change) => change.table === table);
  const programmes = of('programmes').map((change) => v.parse(programmeSchema, { id: change.recordId, ...change.fields }));
  expect(programmes.map((programme) => [programme.id, programme.name, programme.start, programme.end, programme.grantLimitEmergingCents, programme.grantLimitActiveCents]))
    .toEqual(expect.arrayContaining([[main, 'Drošas kopienas', '2025-01-20', '', 100_000, 300_000], [summer, 'Jauniešu vasara', '2025-06-01', '', 100_000, 300_000]]));
  expect(programmes).toHaveLength(2);
  const events = new Map(of('workshops').map((change) => [change.recordId, v.parse(workshopSchema, { id: change.recordId, ...change.fields })]));
  expect(Object.fromEntries(Object.entries(EVENTS).map(([name, id]) => [name, events.get(id)?.programmeId ?? null]))).toEqual({
    march: main, february: main, april: main, summer, unnamed: main, deleted: null,
  });
  expect(events.get(EVENTS.february)?.programme).toBe('  drošas   KOPIENAS ');
  const mapped = of('workshops').find((change) => change.recordId === EVENTS.march);
  expect(mapped?.clocks.programmeId).toMatch(/^\d{13}:0000:server-upgrade$/);
  expect(mapped?.clocks.title).toBe(clock(T, 3, 'tabletL'));
  const enrolments = of('enrolments').map((change) => v.parse(enrolmentSchema, { id: change.recordId, ...change.fields }));
  expect(enrolments.map((enrolment) => [enrolment.id, enrolment.communityId, enrolment.programmeId, enrolment.start, enrolment.end, enrolment.maturity, enrolment.grantCents]))
    .toEqual(expect.arrayContaining([
      [enrolmentIdFor(EMERGING, main), EMERGING, main, '2024-11-05', '', 'emerging', 100_000],
      [enrolmentIdFor(ACTIVE, main), ACTIVE, main, '2025-01-02', '', 'active', 300_000],
    ]));
  expect(enrolments).toHaveLength(2);
  // Every change moved to a seq past the old head, so a device at its old cursor pulls them all.
  expect(await store.readHead(THIRD_ORG)).toMatchObject({ seq: THIRD_RECORDS + 2 + 2 + 5 });
  // The server's report reads them like any programme.
  const report = await call(server, 'GET', `/api/programmes/${main}/report`, { token: THIRD_TOKEN });
  expect([report.status, v.parse(programmeReportResponseSchema, report.body).events]).toEqual([200, 4]);

  // The organisations that never named a programme have one called Programma, their communities in it.
  const firstOrg = v.parse(pullResponseSchema, (await call(server, 'GET', '/api/sync/pull', { token: LIVE_TOKEN })).body);
  expect(firstOrg.changes.filter((change) => change.table === 'programmes').map((change) => [change.recordId, change.fields.name]))
    .toEqual([[programmeIdFor(ORG, 'Programma'), 'Programma']]);
  expect(firstOrg.changes.filter((change) => change.table === 'enrolments').map((change) => [change.recordId, change.fields.grantCents]))
    .toEqual([[enrolmentIdFor(COMMUNITY, programmeIdFor(ORG, 'Programma')), 300_000]]);

  // Run again by hand (another server, a restore): it finds its records and writes nothing.
  if (round === 1) {
    const before = await db.selectFrom('records').select(['id', 'seq', 'fields', 'clocks']).orderBy('id').execute();
    const heads = await db.selectFrom('org_heads').selectAll().orderBy('org_id').execute();
    await MIGRATIONS['0008_programmes']!.up(db);
    expect(await db.selectFrom('records').select(['id', 'seq', 'fields', 'clocks']).orderBy('id').execute()).toEqual(before);
    expect(await db.selectFrom('org_heads').selectAll().orderBy('org_id').execute()).toEqual(heads);
  }
}

/**
 * After the upgrade, an app from before programmes sends events it typed offline with the programme's name:
 * one naming a programme the upgrade made joins it; one naming no programme of the organisation stays as typed.
 */
async function verifyOldAppProgrammeText({ server, round }: VerifyContext): Promise<void> {
  if (round !== 2) return;
  const at = clock(START_TIME - 500, 0, 'tabletLatgale');
  const event = (n: number, programme: string) => {
    const fields = {
      createdAt: START_TIME - 500, updatedAt: START_TIME - 500, createdBy: THIRD_COORDINATOR, deleted: false, communityId: EMERGING,
      title: 'Vakars bezsaistē', kind: 'workshop', date: '2026-11-20', startTime: '', endTime: '', place: '', programme,
      facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    };
    return {
      id: `01968b12-fe80-7000-8000-0000000000c${n}`, table: 'workshops', recordId: `01968b12-fe80-7000-8000-0000000000b${n}`, op: 'put', fields,
      base: Object.fromEntries(Object.keys(fields).map((field) => [field, null])), hlc: at,
    };
  };
  const mutations = [event(1, 'JAUNIEŠU  vasara'), event(2, 'Projekts, ko neviens nepierakstīja')];
  const reply = await call(server, 'POST', '/api/sync/push', { token: THIRD_TOKEN, json: { protocol: 1, deviceId: 'tabletLatgale', mutations } });
  expect(v.parse(pushResponseSchema, reply.body)).toMatchObject({ acked: mutations.map((mutation) => mutation.id), rejected: [] });
  const { changes } = await pullAll(server, THIRD_TOKEN);
  const programmeOf = (recordId: string) => changes.find((change) => change.recordId === recordId)?.fields.programmeId ?? null;
  expect(mutations.map((mutation) => programmeOf(mutation.recordId))).toEqual([programmeIdFor(THIRD_ORG, 'Jauniešu vasara'), null]);
}

/** Every migration, oldest first, with the rows it is tested on. */
const STEPS: MigrationStep[] = [
  { name: '0001_initial', populate: populateInitial, verify: verifyInitial },
  { name: '0002_login_attempts', populate: populateLoginAttempts, verify: verifyLoginAttempts },
  { name: '0003_org_heads', verify: verifyOrgHeads },
  { name: '0004_devices', populate: populateCheckInOfOtherOrganisation, verify: verifyDevices },
  { name: '0005_record_refs', verify: verifyRecordRefs },
  { name: '0006_assign_existing_facilitators', verify: verifyFacilitatorsAssigned },
  { name: '0007_members', populate: populateFreeTextProgrammes, verify: verifyMembers },
  {
    name: '0008_programmes',
    verify: async (context) => {
      await verifyProgrammes(context);
      await verifyOldDevicePush(context);
      await verifyOldAppProgrammeText(context);
    },
  },
];

// ---- the databases ---------------------------------------------------------------------------

interface EmptyDatabase {
  name: 'sqlite' | 'postgres';
  target: StoreTarget;
  /** Kysely over the database with no migration run. */
  connect: () => { db: AnyDb; close: () => Promise<void> };
  cleanup: () => Promise<void>;
}

function sqliteDatabase(): EmptyDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'talka-migrations-'));
  const file = join(dir, 'talka.sqlite');
  return {
    name: 'sqlite',
    target: { kind: 'sqlite', file },
    connect: () => {
      const { db, wal } = openSqlite(file);
      return { db, close: async () => { await wal?.close(); await db.destroy(); } };
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(url: string): Promise<EmptyDatabase> {
  const schema = `m_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    name: 'postgres',
    target: { kind: 'postgres', url, options: { schema, maxConnections: 3 } },
    connect: () => {
      const db = openPostgres(url, { schema, maxConnections: 3 });
      return { db, close: () => db.destroy() };
    },
    cleanup: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const KINDS: { name: string; make: () => Promise<EmptyDatabase> }[] = [{ name: 'sqlite', make: async () => sqliteDatabase() }];
if (process.env.TEST_POSTGRES_URL) {
  const url = process.env.TEST_POSTGRES_URL;
  KINDS.push({ name: 'postgres', make: () => postgresDatabase(url) });
}

async function migrateTo(db: AnyDb, kind: 'sqlite' | 'postgres', name: string): Promise<void> {
  const { error, results } = await (await migratorFor(db, kind)).migrateTo(name);
  if (error !== undefined) throw error;
  expect(results?.every((result) => result.status === 'Success')).toBe(true);
}

async function rowCounts(db: AnyDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['organisations', 'users', 'tokens', 'setup_tokens', 'records', 'applied_mutations', 'sync_state', 'blob_owners']) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('server migrations', () => {
  it('every migration has a step in this test (add the new one to STEPS)', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(STEPS.map((step) => step.name));
  });

  describe.each(KINDS)('on $name', ({ make }) => {
    it('a database populated at the first migration goes through every later one, and again, with nothing lost', async () => {
      const empty = await make();
      cleanups.push(empty.cleanup);
      const fixture: Fixture = { instanceId: '', passwordHash: await hashPassword('vecā parole', TEST_PASSWORD_COST) };

      // The first migration, its rows; then each later migration in turn, with its own rows.
      const raw = empty.connect();
      try {
        for (const step of STEPS) {
          await migrateTo(raw.db, empty.name, step.name);
          await step.populate?.(raw.db, fixture);
        }
      } finally {
        await raw.close();
      }
      expect(fixture.instanceId).not.toBe('');

      // The production path, twice: the second finds nothing to do and changes nothing.
      let counts: Record<string, number> | undefined;
      for (const round of [1, 2]) {
        const store = await openStore(empty.target);
        const server = await startServer({ name: empty.name, open: async () => ({ store, dir: mkdtempSync(join(tmpdir(), 'talka-migrations-app-')), cleanup: () => store.close() }) });
        try {
          const executed = await (store.db as AnyDb).selectFrom('kysely_migration').select('name').execute();
          expect(executed.map((row) => String(row.name)).sort(), `round ${round}`).toEqual(Object.keys(MIGRATIONS).sort());
          const now = await rowCounts(store.db as AnyDb);
          if (counts) expect(now, 'a second migrate changes nothing').toEqual(counts);
          for (const step of STEPS) await step.verify?.({ fixture, store, server, db: store.db as AnyDb, round });
          counts = await rowCounts(store.db as AnyDb);
        } finally {
          await server.close();
          rmSync(server.dir, { recursive: true, force: true });
        }
      }
    });
  });
});
