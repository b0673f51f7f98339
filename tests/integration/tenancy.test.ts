// Tenancy, route by route (docs/protocol.md, Accounts: "the server never lets one organisation
// read or write another's records, even by a guessed id"). isolation.test.ts
// covers the basics (pull listing, overwriting a need or community by id, a
// need under A's community, A's mutation id, A's users, A's blob by hash);
// this file adds what it leaves out: every record kind, deletes, moving a
// record into A's community, children of every kind pointing at A's
// community, cursors, concurrent pushes in one group commit, B's facilitator,
// blob overwrites, and the account routes (me, logout) — with A's data
// compared whole before and after.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { meResponseSchema, userListResponseSchema, type Fields, type Mutation, type TableName } from '../../protocol';
import {
  actionFields, attendanceFields, communityFields, needFields, participantFields, photoFields, resourceFields, swotFields, voteFields, workshopFields,
  actionNoteFields, assessmentRoundFields, assignmentFields, measureFields, spendingFields, visitFields, programmeFields, enrolmentFields,
} from '../../testing/fixtures';
import { assignmentId } from '../../protocol/ids';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import {
  addUserDirectly, call, createOrganisation, errorCode, login, pull, pullAll, push, startServer,
  type TestOrganisation, type TestServer,
} from './support/harness';

const PHOTO = new TextEncoder().encode('A kopienas nama fotogrāfija');
const PHOTO_HASH = createHash('sha256').update(PHOTO).digest('hex');

/** Valid fields of a new record of each kind below a community, pointing at `refs`. */
function childFields(table: TableName, communityId: string, refs: Record<string, string>): Fields {
  switch (table) {
    case 'workshops':
      return workshopFields(communityId);
    case 'participants':
      return participantFields(communityId);
    case 'attendance':
      return attendanceFields({ communityId, workshopId: refs.workshops!, participantId: refs.participants! });
    case 'needs':
      return needFields(communityId);
    case 'votes':
      return voteFields({ communityId, workshopId: refs.workshops!, needId: refs.needs! });
    case 'resources':
      return resourceFields(communityId, { needIds: [refs.needs!] });
    case 'actions':
      return actionFields(communityId, { needId: refs.needs! });
    case 'swot':
      return swotFields(communityId, { workshopId: refs.workshops! });
    case 'photos':
      return photoFields({ communityId, table: 'needs', id: refs.needs! }, { sha256: PHOTO_HASH, size: PHOTO.byteLength });
    case 'actionNotes':
      return actionNoteFields(communityId, refs.actions!);
    case 'spending':
      return spendingFields(communityId, refs.actions!);
    case 'assessmentRounds':
      return assessmentRoundFields(communityId);
    case 'visits':
      return visitFields(communityId, 'mentor-user');
    case 'enrolments':
      // References are not checked: a programme another device has not sent yet is fine.
      return enrolmentFields(communityId, refs.programmes ?? '01968b12-fe80-7000-8000-0000000000aa');
    default:
      throw new Error(`no child fields for ${table}`);
  }
}

const CHILD_TABLES = [
  'workshops', 'participants', 'attendance', 'needs', 'votes', 'resources', 'actions', 'swot', 'photos',
  'actionNotes', 'spending', 'assessmentRounds', 'visits', 'enrolments',
] as const;


/** The ids of pulled records the test made (members are the server's, one per user). */
function recordIdsOf(changes: readonly { table: string; recordId: string }[]): string[] {
  return changes.filter((c) => c.table !== 'members').map((c) => c.recordId).sort();
}

describe.each(backends())('tenancy on $name', (backend) => {
  let server: TestServer;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let tabletA: TestDevice;
  let tabletB: TestDevice;
  let communityA: string;
  let communityB: string;
  /** One record of every kind in organisation A, by table. */
  let idsA: Record<string, string>;
  let idsB: Record<string, string>;
  let facilitatorB: string;

  /** Everything of A's, as A's coordinator pulls it, plus A's users and blob. */
  async function stateOfA() {
    const { changes } = await pullAll(server, orgA.coordinator.token);
    const users = v.parse(userListResponseSchema, (await call(server, 'GET', '/api/users', { token: orgA.coordinator.token })).body);
    const blob = await call(server, 'GET', `/api/blobs/${PHOTO_HASH}`, { token: orgA.coordinator.token });
    return { changes, users, blob: [blob.status, blob.text] };
  }

  function seed(device: TestDevice): { community: string; ids: Record<string, string> } {
    const community = device.create('communities', communityFields({ name: `${device.deviceId} kopiena` }));
    // The organisation's programmes (before the children: an enrolment names one).
    const programme = device.create('programmes', programmeFields({ name: `${device.deviceId} programma` }));
    const ids: Record<string, string> = { communities: community, programmes: programme };
    for (const table of CHILD_TABLES) ids[table] = device.create(table, childFields(table, community, ids));
    // The organisation's support-measures directory.
    ids.measures = device.create('measures', measureFields({ name: `${device.deviceId} fonds` }));
      return { community, ids };
    }

    beforeEach(async () => {
      server = await startServer(backend);
      orgA = await createOrganisation(server, 'Organizācija A', 'a@example.lv');
      orgB = await createOrganisation(server, 'Organizācija B', 'b@example.lv');
      await addUserDirectly(server, orgB.orgId, { email: 'b-vaditajs@example.lv', name: 'B vadītājs', role: 'facilitator', password: 'facilitator-pass' });
      facilitatorB = (await login(server, 'b-vaditajs@example.lv', 'facilitator-pass')).token;
      tabletA = new TestDevice('tablet-a', () => server.time.now, orgA.coordinator.token);
      tabletB = new TestDevice('tablet-b', () => server.time.now + 1000, orgB.coordinator.token);
      ({ community: communityA, ids: idsA } = seed(tabletA));
      ({ community: communityB, ids: idsB } = seed(tabletB));
      expect((await tabletA.sync(server)).rejected).toEqual([]);
      expect((await tabletB.sync(server)).rejected).toEqual([]);
      expect((await call(server, 'PUT', `/api/blobs/${PHOTO_HASH}`, { token: orgA.coordinator.token, body: PHOTO, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);
    });
    afterEach(async () => {
      await server.close();
    });

    it('B pulls only its own records of every kind, from the start or from a cursor A was given', async () => {
      const { changes: fromStart } = await pullAll(server, orgB.coordinator.token);
      expect(recordIdsOf(fromStart)).toEqual(Object.values(idsB).sort());
      // Its members are its own two users, none of A's.
      const members = fromStart.filter((c) => c.table === 'members').map((c) => c.recordId);
      expect(members).toHaveLength(2);
      expect(members).toContain(orgB.coordinator.user.id);
      expect(members).not.toContain(orgA.coordinator.user.id);
      // A's cursor names a position in the shared change log: it gives B nothing of A's either.
      const cursorA = tabletA.cursor!;
      const page = await pull(server, orgB.coordinator.token, cursorA);
      for (const change of page.changes) expect(Object.values(idsA)).not.toContain(change.recordId);
      for (const token of [orgB.coordinator.token, facilitatorB]) {
        for (const limit of [1, 5000]) {
          const { changes } = await pull(server, token, undefined, limit);
          for (const change of changes) expect(Object.values(idsA)).not.toContain(change.recordId);
        }
    }
  });

  it('B cannot overwrite, delete or take over A\'s record of any kind by its id', async () => {
    const before = await stateOfA();
    for (const table of ['communities', ...CHILD_TABLES] as const) {
      const id = idsA[table]!;
      const whole = table === 'communities' ? communityFields({ name: 'Pārņemta' }) : childFields(table, communityB, idsB);
      const attacker = new TestDevice('tablet-attacker', () => server.time.now + 60_000, orgB.coordinator.token);
      attacker.create(table, whole, id);
      attacker.update(table, id, { deleted: true });
      const reply = await attacker.sync(server);
      expect(reply.acked).toEqual([]);
      expect(reply.rejected.map((r) => r.code)).toEqual(['forbidden', 'forbidden']);
      // B's facilitator, with an edit of one field only.
      const facilitator = new TestDevice('tablet-b-facilitator', () => server.time.now + 60_000, facilitatorB);
      facilitator.update(table, id, table === 'communities' ? { name: 'Cits' } : { communityId: communityB });
      expect((await facilitator.sync(server)).rejected.map((r) => r.code)).toEqual(['forbidden']);
      expect(await stateOfA(), table).toEqual(before);
      // Nor did B get a copy: B's records are its own.
      expect((await pullAll(server, orgB.coordinator.token)).changes.map((c) => c.recordId)).not.toContain(id);
    }
  });

  it('B cannot file a new record of any kind under A\'s community', async () => {
    const before = await stateOfA();
    for (const table of CHILD_TABLES) {
      const attacker = new TestDevice('tablet-attacker', () => server.time.now, orgB.coordinator.token);
      const id = attacker.create(table, childFields(table, communityA, idsB));
      const reply = await attacker.sync(server);
      expect(reply.rejected.map((r) => r.code), table).toEqual(['unknown_community']);
      expect(await stateOfA(), table).toEqual(before);
      expect((await pullAll(server, orgB.coordinator.token)).changes.map((c) => c.recordId)).not.toContain(id);
    }
  });

  it('B cannot move its own record of any kind into A\'s community', async () => {
    const before = await stateOfA();
    for (const table of CHILD_TABLES) {
      tabletB.update(table, idsB[table]!, { communityId: communityA });
      const reply = await tabletB.sync(server);
      expect(reply.rejected.map((r) => r.code), table).toEqual(['unknown_community']);
      expect(await stateOfA(), table).toEqual(before);
      const mine = (await pullAll(server, orgB.coordinator.token)).changes.find((c) => c.recordId === idsB[table]);
      expect(mine?.fields.communityId).toBe(communityB);
    }
  });

  it('B\'s coordinator cannot file a conflict record in A\'s community', async () => {
    const before = await stateOfA();
    const attacker = new TestDevice('tablet-attacker', () => server.time.now, orgB.coordinator.token);
    attacker.create('conflicts', {
      communityId: communityA, table: 'needs', recordId: idsA.needs!, field: 'title', winnerValue: 'x', winnerClock: `${server.time.now}:0000:x`,
      loserValue: 'y', loserClock: `${server.time.now}:0000:y`, resolved: false, resolvedBy: '',
    });
    expect((await attacker.sync(server)).rejected.map((r) => r.code)).toEqual(['unknown_community']);
    expect(await stateOfA()).toEqual(before);
  });

  it('concurrent pushes of A and B, committed in one group: B\'s attempts on A\'s ids are refused, A\'s writes land', async () => {
    const before = await stateOfA();
    const pushesA: Promise<{ acked: string[]; rejected: unknown[] }>[] = [];
    const pushesB: Promise<{ acked: string[]; rejected: { code: string }[] }>[] = [];
    const createdByA: string[] = [];
    for (let round = 0; round < 8; round++) {
      const writerA = new TestDevice(`tablet-a-${round}`, () => server.time.now + round, orgA.coordinator.token);
      createdByA.push(writerA.create('needs', needFields(communityA, { title: `A jauna ${round}` })));
      const attacker = new TestDevice(`tablet-b-${round}`, () => server.time.now + 10_000 + round, orgB.coordinator.token);
      attacker.update('needs', idsA.needs!, { title: `B uzbrukums ${round}` });
      attacker.create('needs', needFields(communityA, { title: `B iezagusies ${round}` }));
      attacker.create('needs', needFields(communityB, { title: `B sava ${round}` }), createdByA[round]);
      pushesB.push(push(server, orgB.coordinator.token, attacker.deviceId, attacker.outbox));
      pushesA.push(push(server, orgA.coordinator.token, writerA.deviceId, writerA.outbox));
    }
    const repliesA = await Promise.all(pushesA);
    const repliesB = await Promise.all(pushesB);
    const ownedByA: string[] = [];
    for (const [round, replyB] of repliesB.entries()) {
      expect(replyB.rejected.map((r) => r.code).slice(0, 2)).toEqual(['forbidden', 'unknown_community']);
      // A new record id both organisations write at once belongs to whichever push committed first; the other is refused, never merged.
      const aWon = repliesA[round]!.acked.length === 1;
      expect(repliesA[round]!.rejected.map((r) => (r as { code: string }).code)).toEqual(aWon ? [] : ['forbidden']);
      expect(replyB.acked.length).toBe(aWon ? 0 : 1);
      if (aWon) ownedByA.push(createdByA[round]!);
    }
    const after = await stateOfA();
    expect(after.changes.find((c) => c.recordId === idsA.needs)).toEqual(before.changes.find((c) => c.recordId === idsA.needs));
    expect(after.changes.filter((c) => c.table === 'conflicts')).toEqual([]);
    expect(after.changes.map((c) => c.recordId).sort()).toEqual([...before.changes.map((c) => c.recordId), ...ownedByA].sort());
    for (const id of ownedByA) expect(after.changes.find((c) => c.recordId === id)?.fields.communityId).toBe(communityA);
    const ofB = (await pullAll(server, orgB.coordinator.token)).changes;
    for (const change of ofB) expect(change.fields.communityId === communityA).toBe(false);
  });

  it('B pushing under A\'s device id gains nothing', async () => {
    const before = await stateOfA();
    const reply = await push(server, orgB.coordinator.token, tabletA.deviceId, []);
    expect(reply.acked).toEqual([]);
    expect(recordIdsOf((await pullAll(server, orgB.coordinator.token)).changes)).toEqual(Object.values(idsB).sort());
    expect(await stateOfA()).toEqual(before);
  });

  it('blobs: B cannot replace A\'s bytes under A\'s hash; uploading the same bytes gives B its own copy, A\'s stays', async () => {
    const before = await stateOfA();
    const other = new TextEncoder().encode('B bilde');
    for (const token of [orgB.coordinator.token, facilitatorB]) {
      const replace = await call(server, 'PUT', `/api/blobs/${PHOTO_HASH}`, { token, body: other, headers: { 'Content-Type': 'image/png' } });
      expect([replace.status, errorCode(replace)]).toEqual([400, 'hash_mismatch']);
      expect((await call(server, 'GET', `/api/blobs/${PHOTO_HASH}`, { token })).status).toBe(404);
    }
    // B has the very same photo: it may store it (it proves it has the bytes) and then read its own copy.
    const same = await call(server, 'PUT', `/api/blobs/${PHOTO_HASH}`, { token: orgB.coordinator.token, body: PHOTO, headers: { 'Content-Type': 'image/png' } });
    expect(same.status).toBe(201);
    const mine = await server.app.request(`/api/blobs/${PHOTO_HASH}`, { headers: { Authorization: `Bearer ${orgB.coordinator.token}` } });
    expect(mine.headers.get('Content-Type')).toBe('image/png');
    const theirs = await server.app.request(`/api/blobs/${PHOTO_HASH}`, { headers: { Authorization: `Bearer ${orgA.coordinator.token}` } });
    expect(theirs.headers.get('Content-Type')).toBe('image/jpeg');
    expect(await stateOfA()).toEqual(before);
  });

  it('account routes: B\'s me is B\'s, B\'s logout ends only B\'s session, B\'s user list and actions stay in B', async () => {
    const before = await stateOfA();
    const me = v.parse(meResponseSchema, (await call(server, 'GET', '/api/auth/me', { token: orgB.coordinator.token })).body);
    expect(me.organisation.id).toBe(orgB.orgId);
    const list = v.parse(userListResponseSchema, (await call(server, 'GET', '/api/users', { token: orgB.coordinator.token })).body);
    expect(list.users.map((u) => u.email).sort()).toEqual(['b-vaditajs@example.lv', 'b@example.lv']);
    // B adding a user makes a user of B, whatever it asks for.
    const added = await call(server, 'POST', '/api/users', {
      token: orgB.coordinator.token, json: { email: 'jauns@example.lv', name: 'Jauns', role: 'coordinator', password: 'password-123' },
    });
    expect(added.status).toBe(201);
    const session = await login(server, 'jauns@example.lv', 'password-123');
    expect(session.organisation.id).toBe(orgB.orgId);
    expect((await pullAll(server, session.token)).changes.map((c) => c.recordId)).not.toContain(idsA.needs);
    // A's user ids answer 404 to B on every user route, with or without a body.
    for (const path of ['password', 'deactivate', 'activate']) {
      const reply = await call(server, 'POST', `/api/users/${orgA.coordinator.user.id}/${path}`, {
        token: orgB.coordinator.token, ...(path === 'password' ? { json: { password: 'pārņemts-123' } } : {}),
      });
      expect([reply.status, errorCode(reply)]).toEqual([404, 'not_found']);
    }
    expect((await call(server, 'POST', '/api/auth/logout', { token: orgB.coordinator.token })).status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', { token: orgA.coordinator.token })).status).toBe(200);
    expect(await stateOfA()).toEqual(before);
  });

  it('a mutation B sends with A\'s record id inside a whole batch of its own: only that one is refused', async () => {
    const before = await stateOfA();
    const mixed = new TestDevice('tablet-b-mixed', () => server.time.now + 5000, orgB.coordinator.token);
    const own = mixed.create('needs', needFields(communityB, { title: 'Sava' }));
    mixed.create('needs', needFields(communityB, { title: 'Pārrakstīta' }), idsA.needs);
    const own2 = mixed.create('needs', needFields(communityB, { title: 'Arī sava' }));
    const reply = await push(server, orgB.coordinator.token, mixed.deviceId, mixed.outbox);
    const byRecord = (recordId: string): Mutation => mixed.outbox.find((m) => m.recordId === recordId)!;
    expect(reply.acked).toEqual([byRecord(own).id, byRecord(own2).id]);
    expect(reply.rejected).toEqual([{ id: byRecord(idsA.needs!).id, code: 'forbidden', message: expect.any(String) }]);
    expect(await stateOfA()).toEqual(before);
  });

  it('another organisation\'s programmes are invisible and out of reach; only a coordinator writes one or enrols a community', async () => {
    const before = await stateOfA();
    for (const token of [orgB.coordinator.token, facilitatorB]) {
      expect((await pullAll(server, token)).changes.map((c) => c.recordId)).not.toContain(idsA.programmes);
    }
    const attacker = new TestDevice('tablet-b-programmes', () => server.time.now + 60_000, orgB.coordinator.token);
    attacker.update('programmes', idsA.programmes!, { grantLimitActiveCents: 1 });
    expect((await attacker.sync(server)).rejected.map((r) => r.code)).toEqual(['forbidden']);
    const facilitator = new TestDevice('tablet-b-facilitator', () => server.time.now + 60_000, facilitatorB);
    facilitator.create('programmes', programmeFields({ name: 'Vadītāja programma' }));
    // Nor does a facilitator enrol a community (their own organisation's programme or any other).
    facilitator.create('enrolments', enrolmentFields(idsA.communities!, idsA.programmes!));
    expect((await facilitator.sync(server)).rejected.map((r) => r.code)).toEqual(['forbidden', 'forbidden']);
    expect(await stateOfA()).toEqual(before);
  });

  it('another organisation\'s support-measures directory is invisible and out of reach', async () => {
    const before = await stateOfA();
    for (const token of [orgB.coordinator.token, facilitatorB]) {
      expect((await pullAll(server, token)).changes.map((c) => c.recordId)).not.toContain(idsA.measures);
    }
    const attacker = new TestDevice('tablet-b-measures', () => server.time.now + 60_000, orgB.coordinator.token);
    attacker.update('measures', idsA.measures!, { deadline: '2020-01-01' });
    expect((await attacker.sync(server)).rejected.map((r) => r.code)).toEqual(['forbidden']);
    // A facilitator keeps no directory, even their own organisation's.
    const facilitator = new TestDevice('tablet-b-facilitator', () => server.time.now + 60_000, facilitatorB);
    facilitator.create('measures', measureFields({ name: 'Vadītāja fonds' }));
    expect((await facilitator.sync(server)).rejected.map((r) => r.code)).toEqual(['forbidden']);
    expect(await stateOfA()).toEqual(before);
  });

  it('a mentor sees and writes only the communities assigned to them, on pull, push and photos; the directory they see whole', async () => {
    const mentorId = await addUserDirectly(server, orgA.orgId, { email: 'a-mentors@example.lv', name: 'A mentors', role: 'mentor', password: 'mentor-pass' });
    const mentorToken = (await login(server, 'a-mentors@example.lv', 'mentor-pass')).token;
    // A second community of A, with records of every kind and a receipt photo of its own.
    const other = tabletA.create('communities', communityFields({ name: 'Otra kopiena' }));
    const otherIds: Record<string, string> = { communities: other };
    for (const table of CHILD_TABLES) otherIds[table] = tabletA.create(table, childFields(table, other, otherIds));
    const receipt = new TextEncoder().encode('Čeks no otras kopienas');
    const receiptHash = createHash('sha256').update(receipt).digest('hex');
    tabletA.create('photos', photoFields({ communityId: other, table: 'spending', id: otherIds.spending! }, { sha256: receiptHash, size: receipt.byteLength }));
    tabletA.create('assignments', assignmentFields(mentorId, { communityId: communityA }), assignmentId(mentorId, { communityId: communityA }));
    expect((await tabletA.sync(server)).rejected).toEqual([]);
    expect((await call(server, 'PUT', `/api/blobs/${receiptHash}`, { token: orgA.coordinator.token, body: receipt, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);

    const seen = new Set((await pullAll(server, mentorToken)).changes.map((c) => c.recordId));
    for (const table of ['communities', ...CHILD_TABLES, 'measures', 'programmes']) expect(seen.has(idsA[table]!), table).toBe(true);
    for (const id of Object.values(otherIds)) expect(seen.has(id)).toBe(false);

    const mentor = new TestDevice('tablet-a-mentor', () => server.time.now + 60_000, mentorToken);
    const visit = mentor.create('visits', visitFields(communityA, mentorId));
    mentor.create('visits', visitFields(other, mentorId));
    mentor.update('spending', otherIds.spending!, { amountCents: 1 });
    mentor.create('measures', measureFields({ name: 'Mentora fonds' }));
    const reply = await mentor.sync(server);
    expect(reply.rejected.map((r) => r.code)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(reply.acked).toHaveLength(1);
    expect((await pullAll(server, orgA.coordinator.token)).changes.map((c) => c.recordId)).toContain(visit);
    // Bad input is refused with a clear code and says which field: a negative amount, a deadline that is not a date.
    const careless = new TestDevice('tablet-a-careless', () => server.time.now + 70_000, orgA.coordinator.token);
    careless.create('spending', spendingFields(communityA, idsA.actions!, { amountCents: -100 }));
    careless.create('measures', measureFields({ deadline: '30.04.2026' }));
    const refused = (await careless.sync(server)).rejected;
    expect(refused.map((r) => r.code)).toEqual(['invalid_fields', 'invalid_fields']);
    expect(refused[0]!.message).toContain('amountCents');
    expect(refused[1]!.message).toContain('deadline');
    // The receipt of the other community's spending: not theirs to fetch.
    expect((await call(server, 'GET', `/api/blobs/${receiptHash}`, { token: mentorToken })).status).toBe(404);
    expect((await call(server, 'GET', `/api/blobs/${PHOTO_HASH}`, { token: mentorToken })).status).toBe(200);
  });
});
