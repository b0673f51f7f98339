// Push and pull through the API (docs/protocol.md), on every configured database.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  ackedOf, formatHlc, fromColumns, pullColumnsResponseSchema, pushResponseSchema, shortPushResponseSchema, type Mutation, type PulledRecord,
} from '../../protocol';
import { communityFields, needFields, participantFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import {
  addUserDirectly, call, createOrganisation, errorCode, login, pull, pullAll, push,
  type TestOrganisation, type TestServer, startServer,
} from './support/harness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(backends())('sync on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let token: string;

  beforeEach(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Zemgales NVO centrs');
    token = org.coordinator.token;
  });
  afterEach(async () => {
    await server.close();
  });

  function device(name: string, skewMs = 0, deviceToken = token): TestDevice {
    return new TestDevice(name, () => server.time.now + skewMs, deviceToken);
  }

  async function facilitatorToken(email = 'anna@example.lv'): Promise<string> {
    await addUserDirectly(server, org.orgId, { email, name: 'Anna', role: 'facilitator', password: 'facilitator-pass' });
    return (await login(server, email, 'facilitator-pass')).token;
  }

  it('round trip: what one device pushes, another pulls whole, with seq order and clocks', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    const needId = tablet.create('needs', needFields(communityId));
    const reply = await push(server, token, tablet.deviceId, tablet.outbox);
    expect(reply.acked).toEqual(tablet.outbox.map((m) => m.id));
    expect(reply.rejected).toEqual([]);
    expect(typeof reply.cursor).toBe('string');

    const page = await pull(server, token);
    expect(page.hasMore).toBe(false);
    // Before them, the coordinator as a member of the organisation (written by the server at setup).
    expect(page.changes.map((c) => [c.table, c.recordId])).toEqual([['members', expect.any(String)], ['communities', communityId], ['needs', needId]]);
    const [, community, need] = page.changes;
    expect(community!.seq).toBeLessThan(need!.seq);
    expect(need!.fields).toMatchObject({ ...needFields(communityId), deleted: false, createdBy: 'tablet-a' });
    expect(Object.keys(need!.clocks).sort()).toEqual(Object.keys(need!.fields).sort());

    const again = await pull(server, token, page.cursor);
    expect(again).toEqual({ changes: [], cursor: page.cursor, hasMore: false, scope: 'all' });
  });

  it('a push asking for the short reply gets acked "rest" and the same rejections', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    tablet.create('needs', needFields(communityId));
    const bad = tablet.create('needs', { ...needFields(communityId), category: 'nonsense' });
    const reply = await call(server, 'POST', '/api/sync/push', {
      token, json: { protocol: 1, deviceId: tablet.deviceId, mutations: tablet.outbox, acks: 'short' },
    });
    expect(reply.status).toBe(200);
    const short = v.parse(shortPushResponseSchema, reply.body);
    expect(short.rejected.map((rejection) => rejection.id)).toEqual([tablet.outbox[2]!.id]);
    expect(ackedOf(tablet.outbox, short.rejected)).toHaveLength(2);
    // Replayed with the long reply: the same two acknowledged, by id.
    const again = await push(server, token, tablet.deviceId, tablet.outbox);
    expect(again.acked).toEqual(ackedOf(tablet.outbox, short.rejected));
    expect(again.rejected.map((rejection) => rejection.id)).toEqual([tablet.outbox[2]!.id]);
    expect((await pullAll(server, token)).changes.map((change) => change.recordId)).not.toContain(bad);
    const unknownStyle = await call(server, 'POST', '/api/sync/push', { token, json: { protocol: 1, deviceId: tablet.deviceId, mutations: [], acks: 'some' } });
    expect(unknownStyle.status).toBe(400);
  });

  it('a push made with the device\'s cursor at the head, applied as sent, names pulledThrough; otherwise it does not', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b', 5_000);
    const communityId = a.create('communities', communityFields());
    await a.sync(server);
    await b.sync(server);
    const pushWithSince = async (tablet: TestDevice, since: string) => {
      const reply = await call(server, 'POST', `/api/sync/push?since=${encodeURIComponent(since)}`, {
        token, json: { protocol: 1, deviceId: tablet.deviceId, mutations: tablet.outbox },
      });
      expect(reply.status).toBe(200);
      tablet.outbox = [];
      return v.parse(pushResponseSchema, reply.body);
    };
    const head = (await pullAll(server, token)).cursor;

    // At the head, two new needs: the device may skip to the new head, and a pull from there has nothing.
    a.create('needs', needFields(communityId, { title: 'Pirmā' }));
    a.create('needs', needFields(communityId, { title: 'Otrā' }));
    const firstBatch = [...a.outbox];
    const first = await pushWithSince(a, head);
    expect(first.pulledThrough).toBe(first.cursor);
    expect((await pull(server, token, first.pulledThrough)).changes).toEqual([]);

    // Behind the head (the first push happened since): no pulledThrough, the device must pull.
    b.create('needs', needFields(communityId, { title: 'Trešā' }));
    expect((await pushWithSince(b, head)).pulledThrough).toBeUndefined();

    // A replay, or an edit that loses to a later clock, goes in not as sent: no pulledThrough either.
    const now = (await pullAll(server, token)).cursor;
    const replay = await call(server, 'POST', `/api/sync/push?since=${encodeURIComponent(now)}`, {
      token, json: { protocol: 1, deviceId: a.deviceId, mutations: firstBatch },
    });
    expect(v.parse(pushResponseSchema, replay.body)).toMatchObject({ acked: firstBatch.map((m) => m.id) });
    expect(v.parse(pushResponseSchema, replay.body).pulledThrough).toBeUndefined();
    const stale = device('tablet-c', -60_000);
    stale.update('communities', communityId, { name: 'Vecs nosaukums' });
    expect((await pushWithSince(stale, (await pullAll(server, token)).cursor)).pulledThrough).toBeUndefined();

    expect((await call(server, 'POST', '/api/sync/push?since=nonsense', { token, json: { protocol: 1, deviceId: 'x', mutations: [] } })).body)
      .toMatchObject({ error: { code: 'bad_cursor' } });
  });

  it('pages by limit with hasMore, and the cursor continues where the page ended', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    for (let i = 0; i < 6; i++) tablet.create('needs', needFields(communityId, { title: `Vajadzība ${i}` }));
    await push(server, token, tablet.deviceId, tablet.outbox);
    const first = await pull(server, token, undefined, 3);
    expect(first.changes).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    const second = await pull(server, token, first.cursor, 3);
    expect(second.hasMore).toBe(true);
    const third = await pull(server, token, second.cursor, 3);
    // Seven records and the coordinator as a member.
    expect(third.changes).toHaveLength(2);
    expect(third.hasMore).toBe(false);
    const ids = [...first.changes, ...second.changes, ...third.changes].map((c) => c.recordId);
    expect(new Set(ids).size).toBe(8);
  });

  it('the column layout (shape=columns) carries the same records, clocks and paging as the row layout', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b', 5_000);
    const communityId = a.create('communities', communityFields());
    const needIds = [0, 1, 2, 3].map((i) => a.create('needs', needFields(communityId, { title: `Vajadzība ${i}` })));
    await push(server, token, a.deviceId, a.outbox);
    // Another device edits one field of one need: that record's fields carry two clocks.
    await b.sync(server);
    b.update('needs', needIds[1]!, { status: 'solved' });
    expect((await b.sync(server)).acked).toHaveLength(1);
    const rows = await pullAll(server, token);
    const columns: PulledRecord[] = [];
    let since: string | undefined;
    let pages = 0;
    for (;;) {
      const query = new URLSearchParams({ shape: 'columns', limit: '2' });
      if (since) query.set('since', since);
      const reply = await call(server, 'GET', `/api/sync/pull?${query}`, { token });
      expect(reply.status).toBe(200);
      const page = v.parse(pullColumnsResponseSchema, reply.body);
      columns.push(...fromColumns(page.tables));
      since = page.cursor;
      pages++;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(3);
    expect(since).toBe(rows.cursor);
    const byId = (list: readonly PulledRecord[]) => Object.fromEntries(list.map((r) => [r.recordId, { table: r.table, fields: r.fields, clocks: r.clocks }]));
    expect(byId(columns)).toEqual(byId(rows.changes));
    expect(new Set(Object.values(byId(columns)[needIds[1]!]!.clocks)).size).toBe(2);
    const bad = await call(server, 'GET', '/api/sync/pull?shape=xml', { token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'bad_shape' } });
  });

  it('deleted records are pulled too: a delete is an edit', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    const needId = tablet.create('needs', needFields(communityId));
    await tablet.sync(server);
    tablet.update('needs', needId, { deleted: true });
    await tablet.sync(server);
    const { changes } = await pullAll(server, token);
    expect(changes.find((c) => c.recordId === needId)?.fields.deleted).toBe(true);
  });

  it('replaying an applied batch changes nothing: same reply, no new seq (exactly once)', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    tablet.create('needs', needFields(communityId));
    const batch = tablet.outbox;
    const first = await push(server, token, tablet.deviceId, batch);
    const before = await pullAll(server, token);
    const replay = await push(server, token, tablet.deviceId, batch);
    expect(replay).toEqual(first);
    const after = await pullAll(server, token);
    expect(after).toEqual(before);
    expect((await server.store.readHead()).seq).toBe(Math.max(...before.changes.map((c) => c.seq)));
  });

  it('a replayed mutation is not applied again even after a later edit of the same field', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    const needId = tablet.create('needs', needFields(communityId));
    await tablet.sync(server);
    const old = tablet.update('needs', needId, { title: 'Vecais' });
    await tablet.sync(server);
    tablet.update('needs', needId, { title: 'Jaunais' });
    await tablet.sync(server);
    const replay = await push(server, token, tablet.deviceId, [old]);
    expect(replay.acked).toEqual([old.id]);
    const { changes } = await pullAll(server, token);
    expect(changes.find((c) => c.recordId === needId)?.fields.title).toBe('Jaunais');
  });

  it('per-field merge: two devices edit different fields offline, both edits survive', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b');
    const communityId = a.create('communities', communityFields());
    const needId = a.create('needs', needFields(communityId));
    await a.sync(server);
    await b.sync(server);
    a.update('needs', needId, { title: 'Ielu apgaismojums' });
    server.time.now += 1000;
    b.update('needs', needId, { status: 'prioritised' });
    await a.sync(server);
    await b.sync(server);
    await a.sync(server);
    for (const d of [a, b]) {
      expect(d.value(needId, 'title')).toBe('Ielu apgaismojums');
      expect(d.value(needId, 'status')).toBe('prioritised');
    }
    const { changes } = await pullAll(server, token);
    expect(changes.filter((c) => c.table === 'conflicts')).toEqual([]);
  });

  it('concurrent edits of one field: the later clock wins and one conflict record keeps the loser', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b');
    const communityId = a.create('communities', communityFields());
    const needId = a.create('needs', needFields(communityId));
    await a.sync(server);
    await b.sync(server);
    a.update('needs', needId, { title: 'Versija A' });
    server.time.now += 5000;
    b.update('needs', needId, { title: 'Versija B' }); // later clock
    await b.sync(server);
    await a.sync(server); // A's older write arrives last and loses
    await b.sync(server);
    expect(a.value(needId, 'title')).toBe('Versija B');
    expect(b.value(needId, 'title')).toBe('Versija B');

    const { changes } = await pullAll(server, token);
    const conflicts = changes.filter((c) => c.table === 'conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields).toMatchObject({
      communityId, table: 'needs', recordId: needId, field: 'title',
      winnerValue: 'Versija B', loserValue: 'Versija A', resolved: false, resolvedBy: '', createdBy: 'server', deleted: false,
    });
    expect(String(conflicts[0]!.fields.winnerClock)).toMatch(/:tablet-b$/);
    expect(String(conflicts[0]!.fields.loserClock)).toMatch(/:tablet-a$/);
    expect(Object.values(conflicts[0]!.clocks).every((clock) => /:server-[0-9a-f]{12}$/.test(clock))).toBe(true);
    // Both devices pulled it like any record.
    expect(a.records.get(conflicts[0]!.recordId)?.table).toBe('conflicts');
  });

  it('an erased participant stays erased: a later edit from an offline device is refused, and no conflict keeps the old name', async () => {
    const coordinator = device('laptop');
    const tablet = device('tablet-a');
    const communityId = coordinator.create('communities', communityFields());
    const participantId = coordinator.create('participants', participantFields(communityId, { name: 'Jānis Bērziņš' }));
    await coordinator.sync(server);
    await tablet.sync(server);
    // The tablet, offline, corrects the phone number; meanwhile the coordinator erases the person on request.
    tablet.update('participants', participantId, { phone: '+371 20000000' });
    coordinator.update('participants', participantId, {
      name: 'Dzēsts dalībnieks', household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true,
    });
    await coordinator.sync(server);
    server.time.now += 60_000;
    tablet.update('participants', participantId, { name: 'Jānis Bērziņš (labots)' }); // later clock than the erasure
    const reply = await tablet.sync(server);
    expect(reply.rejected.map((r) => r.code)).toEqual(['erased', 'erased']);

    const { changes } = await pullAll(server, token);
    const person = changes.find((c) => c.recordId === participantId)!;
    expect(person.fields).toMatchObject({ name: 'Dzēsts dalībnieks', phone: '', erased: true });
    const kept = JSON.stringify(changes.filter((c) => c.table === 'conflicts'));
    expect(kept).not.toContain('Bērziņš');
    expect(kept).not.toContain('20000000');
  });

  it('a coordinator resolves a conflict with a synced edit; a facilitator may not touch conflicts', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b');
    const communityId = a.create('communities', communityFields());
    const needId = a.create('needs', needFields(communityId));
    await a.sync(server);
    await b.sync(server);
    a.update('needs', needId, { title: 'A' });
    server.time.now += 10;
    b.update('needs', needId, { title: 'B' });
    await b.sync(server);
    await a.sync(server);
    const conflictId = [...a.records].find(([, r]) => r.table === 'conflicts')![0];

    const facilitator = device('tablet-f', 0, await facilitatorToken());
    await facilitator.sync(server);
    facilitator.update('conflicts', conflictId, { resolved: true, resolvedBy: 'Anna' });
    const refused = await facilitator.sync(server);
    expect(refused.rejected).toEqual([expect.objectContaining({ code: 'forbidden' })]);

    a.update('conflicts', conflictId, { resolved: true, resolvedBy: org.coordinator.user.id });
    const accepted = await a.sync(server);
    expect(accepted.rejected).toEqual([]);
    const { changes } = await pullAll(server, token);
    expect(changes.find((c) => c.recordId === conflictId)?.fields.resolved).toBe(true);
  });

  it('one bad mutation among good ones is rejected alone, with a code and a message naming the field', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    const goodNeed = tablet.create('needs', needFields(communityId));
    const badNeed = tablet.create('needs', { ...needFields(communityId), title: 42 });
    const unknownField = tablet.create('needs', { ...needFields(communityId), colour: 'red' });
    const lateNeed = tablet.create('needs', needFields(communityId, { title: 'Pēc sliktās' }));
    const unknownTable: Mutation = { ...tablet.outbox[1]!, id: '01970000-0000-7000-8000-0000000000aa', table: 'spaceships' };
    const malformed = { id: '01970000-0000-7000-8000-0000000000bb', table: 'needs' };
    const mutations = [...tablet.outbox, unknownTable, malformed];

    const reply = await push(server, token, tablet.deviceId, mutations);
    const byRecord = (recordId: string) => tablet.outbox.find((m) => m.recordId === recordId)!.id;
    expect(reply.acked).toEqual([byRecord(communityId), byRecord(goodNeed), byRecord(lateNeed)]);
    expect(reply.rejected).toEqual([
      { id: byRecord(badNeed), code: 'invalid_fields', message: expect.stringContaining('title') },
      { id: byRecord(unknownField), code: 'invalid_fields', message: expect.stringMatching(/colour: unknown_field/) },
      { id: unknownTable.id, code: 'unknown_table', message: expect.any(String) },
      { id: malformed.id, code: 'invalid_mutation', message: expect.any(String) },
    ]);
    const { changes } = await pullAll(server, token);
    expect(changes.filter((c) => c.table !== 'members').map((c) => c.recordId).sort()).toEqual([communityId, goodNeed, lateNeed].sort());
  });

  it('a new record must arrive whole; a community must be one of the caller\'s (or made earlier in the batch)', async () => {
    const tablet = device('tablet-a');
    const partialId = '01970000-0000-7000-8000-000000000001';
    const partial: Mutation = {
      id: '01970000-0000-7000-8000-0000000000c1', table: 'needs', recordId: partialId, op: 'put',
      fields: { title: 'Tikai virsraksts' }, base: { title: null }, hlc: formatHlc({ wall: server.time.now, counter: 0, deviceId: 'tablet-a' }),
    };
    const orphan = tablet.create('needs', needFields('01970000-0000-7000-8000-00000000dead'));
    const reply = await push(server, token, tablet.deviceId, [partial, ...tablet.outbox]);
    expect(reply.acked).toEqual([]);
    expect(reply.rejected.map((r) => r.code)).toEqual(['incomplete_record', 'unknown_community']);
    expect(reply.rejected[0]!.message).toMatch(/communityId: missing/);
    expect(orphan).toBeTruthy();

    // An edit that moves a need to an unknown community is refused too.
    const ok = device('tablet-b');
    const communityId = ok.create('communities', communityFields());
    const needId = ok.create('needs', needFields(communityId));
    await ok.sync(server);
    ok.update('needs', needId, { communityId: '01970000-0000-7000-8000-00000000beef' });
    const moved = await ok.sync(server);
    expect(moved.rejected.map((r) => r.code)).toEqual(['unknown_community']);
  });

  it('a record id may not change tables', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    await tablet.sync(server);
    const other = device('tablet-b');
    other.create('participants', participantFields(communityId), communityId);
    const reply = await other.sync(server);
    expect(reply.rejected.map((r) => r.code)).toEqual(['table_mismatch']);
  });

  it('clock clamp: a device a year ahead does not beat a later normal edit', async () => {
    const normal = device('tablet-normal');
    const ahead = device('tablet-ahead', 365 * DAY);
    const communityId = normal.create('communities', communityFields());
    const needId = normal.create('needs', needFields(communityId));
    await normal.sync(server);
    await ahead.sync(server);
    ahead.update('needs', needId, { title: 'No nākotnes' });
    await ahead.sync(server);
    server.time.now += 60_000;
    await normal.sync(server);
    normal.update('needs', needId, { title: 'Vēlāk, pareizi' });
    await normal.sync(server);
    await ahead.sync(server);
    const { changes } = await pullAll(server, token);
    const need = changes.find((c) => c.recordId === needId)!;
    expect(need.fields.title).toBe('Vēlāk, pareizi');
    expect(changes.filter((c) => c.table === 'conflicts')).toEqual([]);
    // The future clock was clamped to the server's time, the device id kept.
    const clampedWall = Number(String(need.clocks.title).slice(0, 13));
    expect(clampedWall).toBeLessThan(server.time.now + DAY);
  });

  it('a cursor ahead of the database (restored from an older backup) or from another database answers 409 cursor_reset', async () => {
    const tablet = device('tablet-a');
    tablet.create('communities', communityFields());
    await tablet.sync(server);
    const head = await server.store.readHead();
    const ahead = Buffer.from(`v1.${head.instanceId}.${head.seq + 100}`).toString('base64url');
    const reply = await call(server, 'GET', `/api/sync/pull?since=${ahead}`, { token });
    expect(reply.status).toBe(409);
    expect(errorCode(reply)).toBe('cursor_reset');
    const foreign = Buffer.from(`v1.00000000-0000-4000-8000-000000000000.1`).toString('base64url');
    expect(errorCode(await call(server, 'GET', `/api/sync/pull?since=${foreign}`, { token }))).toBe('cursor_reset');
    // reset-sync after a restore gives every device's cursor a reset.
    await server.store.renewInstanceId('11111111-1111-4111-8111-111111111111');
    expect(errorCode(await call(server, 'GET', `/api/sync/pull?since=${tablet.cursor}`, { token }))).toBe('cursor_reset');
  });

  it('400 bad_cursor and bad_limit', async () => {
    for (const since of ['nonsense!', 'bm9wZQ', Buffer.from('v1.x.-1').toString('base64url')]) {
      const reply = await call(server, 'GET', `/api/sync/pull?since=${encodeURIComponent(since)}`, { token });
      expect([reply.status, errorCode(reply)]).toEqual([400, 'bad_cursor']);
    }
    for (const limit of ['0', '5001', 'ten', '-1', '1.5']) {
      const reply = await call(server, 'GET', `/api/sync/pull?limit=${limit}`, { token });
      expect([reply.status, errorCode(reply)]).toEqual([400, 'bad_limit']);
    }
  });

  it('accepts a gzipped push', async () => {
    const tablet = device('tablet-a');
    tablet.create('communities', communityFields());
    const body = gzipSync(JSON.stringify({ protocol: 1, deviceId: 'tablet-a', mutations: tablet.outbox }));
    const reply = await call(server, 'POST', '/api/sync/push', {
      token, body, headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ acked: [tablet.outbox[0]!.id], rejected: [] });
  });

  it('400 for a body that is not a push: bad json, bad gzip, wrong shape, other protocol', async () => {
    const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
      call(server, 'POST', '/api/sync/push', { token, body, headers: { 'Content-Type': 'application/json', ...headers } });
    const cases: [Promise<Awaited<ReturnType<typeof post>>>, string][] = [
      [post('{"protocol": 1,'), 'bad_json'],
      [post(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4]), { 'Content-Encoding': 'gzip' }), 'bad_gzip'],
      [post(JSON.stringify({ hello: 'world' })), 'bad_request'],
      [post(JSON.stringify([1, 2, 3])), 'bad_request'],
      [post(JSON.stringify({ protocol: 1, deviceId: 'bad device id!', mutations: [] })), 'bad_request'],
      [post(JSON.stringify({ protocol: 3, deviceId: 'tablet', mutations: [] })), 'unsupported_protocol'],
      [post(JSON.stringify({ protocol: 1, deviceId: 'tablet', mutations: new Array(1001).fill({}) })), 'bad_request'],
    ];
    for (const [pending, code] of cases) {
      const reply = await pending;
      expect([reply.status, errorCode(reply)]).toEqual([400, code]);
    }
    const reply = await post(JSON.stringify({ wrong: true }));
    expect(reply.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/protocol/) } });
  });

  it('413 for a push over 2 MiB, plain or once decompressed', async () => {
    const huge = JSON.stringify({ protocol: 1, deviceId: 'tablet', mutations: [], pad: 'x'.repeat(2 * 1024 * 1024) });
    const plain = await call(server, 'POST', '/api/sync/push', { token, body: huge, headers: { 'Content-Type': 'application/json' } });
    expect([plain.status, errorCode(plain)]).toEqual([413, 'payload_too_large']);
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const zipped = await call(server, 'POST', '/api/sync/push', { token, body: bomb, headers: { 'Content-Encoding': 'gzip' } });
    expect([zipped.status, errorCode(zipped)]).toEqual([413, 'payload_too_large']);
  });

  it('401 without a token, with a malformed one, and after logout', async () => {
    const body = { protocol: 1, deviceId: 'tablet', mutations: [] };
    expect(errorCode(await call(server, 'POST', '/api/sync/push', { json: body }))).toBe('unauthorized');
    expect((await call(server, 'GET', '/api/sync/pull', { headers: { Authorization: 'Bearer short' } })).status).toBe(401);
    const session = await login(server, 'zemgalesnvocentrs@example.lv', 'coordinator-pass');
    expect((await call(server, 'GET', '/api/sync/pull', { token: session.token })).status).toBe(200);
    expect((await call(server, 'POST', '/api/auth/logout', { token: session.token })).status).toBe(200);
    const after = await call(server, 'GET', '/api/sync/pull', { token: session.token });
    expect([after.status, errorCode(after)]).toEqual([401, 'invalid_token']);
  });

  it('two tablets checking the same person in converge on one attendance row', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b');
    const communityId = a.create('communities', communityFields());
    const participantId = a.create('participants', participantFields(communityId));
    await a.sync(server);
    await b.sync(server);
    const attendanceId = '01970000-0000-8000-8000-00000000a77e';
    const fields = { communityId, workshopId: '01970000-0000-7000-8000-00000000b0b0', participantId, checkedInAt: server.time.now };
    a.create('attendance', fields, attendanceId);
    server.time.now += 100;
    b.create('attendance', { ...fields, checkedInAt: server.time.now }, attendanceId);
    await a.sync(server);
    await b.sync(server);
    await a.sync(server);
    const { changes } = await pullAll(server, token);
    expect(changes.filter((c) => c.table === 'attendance')).toHaveLength(1);
    expect(changes.filter((c) => c.table === 'conflicts')).toEqual([]);
    expect(a.records.get(attendanceId)?.values).toEqual(b.records.get(attendanceId)?.values);
  });
});
