// Bad input, against every endpoint (docs/quality-bars.md: "every bad input gets a clear
// 4xx and changes nothing"): malformed JSON, wrong types, unknown tables and
// fields, oversized strings and bodies, invalid UTF-8, broken gzip, bad limits
// and cursors, SQL and script payloads, far-future clocks, mutation ids of
// other devices, and missing, malformed, expired and revoked tokens. Each
// request gets its specific status and `{ error: { code, message } }` (or a
// per-mutation rejection where docs/protocol.md says so), and the whole database is
// compared before and after.
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { formatHlc, hlcWall, MAX_CLOCK_SKEW_MS, pushResponseSchema, userListResponseSchema, uuidv7, type Mutation } from '../../protocol';
import { LOGIN_LIMITS } from '../../server/auth/rate-limit';
import { actionFields, communityFields, needFields, newRecordFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import {
  addUserDirectly, call, createOrganisation, login, pullAll, push, startServer,
  type Reply, type TestOrganisation, type TestServer,
} from './support/harness';
import { snapshotDatabase } from './support/snapshot';

const DAY = 24 * 60 * 60 * 1000;
const random = (length: number) => new Uint8Array(randomBytes(length));
const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x65, 0x6d, 0x61, 0x69, 0x6c, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]); // {"email":"\xc3(\xff\xfe"}
const HUGE_BODY = 'x'.repeat(70 * 1024);
const NOT_A_TOKEN = 'Bearer ' + 'A'.repeat(43);

/** The status and code of an error reply, after checking it has exactly the contract's shape. */
function outcome(reply: Reply): [number, string] {
  const body = reply.body as { error?: { code?: unknown; message?: unknown } } | undefined;
  expect(reply.headers.get('Content-Type') ?? '', reply.text).toMatch(/^application\/json/);
  expect(Object.keys(body ?? {}), reply.text).toEqual(['error']);
  expect(Object.keys(body!.error ?? {}).sort(), reply.text).toEqual(['code', 'message']);
  expect(typeof body!.error!.code).toBe('string');
  expect(typeof body!.error!.message).toBe('string');
  expect(String(body!.error!.message).length).toBeGreaterThan(0);
  return [reply.status, String(body!.error!.code)];
}

describe.each(backends())('bad input on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let coordinator: string;
  let facilitator: string;
  let facilitatorId: string;
  let communityId: string;
  let needId: string;
  let appliedMutation: Mutation;
  let blobHash: string;
  let counter = 0;

  const hlc = (wall = server.time.now, deviceId = 'tablet-bad') => formatHlc({ wall, counter: counter++ % 10_000, deviceId });
  const newId = () => uuidv7(server.time.now, random);

  function needMutation(fields: Record<string, unknown>, recordId = newId()): Mutation {
    const whole = newRecordFields({ ...needFields(communityId), ...fields }, { by: 'tablet-bad', at: server.time.now });
    return { id: newId(), table: 'needs', recordId, op: 'put', fields: whole, base: Object.fromEntries(Object.keys(whole).map((f) => [f, null])), hlc: hlc() };
  }

  beforeAll(async () => {
    server = await startServer(backend, {
      // The corpus signs in wrongly on purpose, more often than the limits allow a person.
      loginLimits: { ...LOGIN_LIMITS, firstDelayMs: 0, perAddress: { maxTries: 1000, windowMs: 60_000 } },
    });
    org = await createOrganisation(server, 'Kurzemes biedrība', 'koord@example.lv');
    coordinator = org.coordinator.token;
    facilitatorId = await addUserDirectly(server, org.orgId, { email: 'anna@example.lv', name: 'Anna Ozola', role: 'facilitator', password: 'anna-parole' });
    facilitator = (await login(server, 'anna@example.lv', 'anna-parole')).token;
    communityId = newId();
    const community: Mutation = {
      id: newId(), table: 'communities', recordId: communityId, op: 'put', base: {}, hlc: hlc(),
      fields: newRecordFields(communityFields(), { by: 'tablet-bad', at: server.time.now }),
    };
    appliedMutation = needMutation({ title: 'Pirmā vajadzība' });
    needId = appliedMutation.recordId;
    const reply = await push(server, coordinator, 'tablet-good', [community, appliedMutation]);
    expect(reply.rejected).toEqual([]);
    const photo = new TextEncoder().encode('fotogrāfija');
    blobHash = createHash('sha256').update(photo).digest('hex');
    expect((await call(server, 'PUT', `/api/blobs/${blobHash}`, { token: coordinator, body: photo, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  type Case = [label: string, method: string, path: string, options: Parameters<typeof call>[3], status: number, code: string];

  /** Runs every case, checks each reply, and that the database is byte for byte what it was. */
  async function expectRefusedAndUnchanged(cases: () => Case[]): Promise<void> {
    const before = await snapshotDatabase(server.store);
    for (const [label, method, path, options, status, code] of cases()) {
      const reply = await call(server, method, path, options);
      expect(outcome(reply), `${label}: ${method} ${path} → ${reply.text.slice(0, 300)}`).toEqual([status, code]);
    }
    expect(await snapshotDatabase(server.store)).toEqual(before);
  }

  const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  const raw = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) => ({ body, headers: { 'Content-Type': 'application/json', ...headers } });
  const withToken = (token: string, options: Parameters<typeof call>[3] = {}) => ({ ...options, token });

  it('POST /api/auth/login: malformed, wrong types, unknown fields, oversized, invalid UTF-8, gzip, injection — 4xx, nothing written', async () => {
    await expectRefusedAndUnchanged(() => [
      ['truncated JSON', 'POST', '/api/auth/login', raw('{"email": "koord@example.lv",'), 400, 'bad_json'],
      ['empty body', 'POST', '/api/auth/login', raw(''), 400, 'bad_json'],
      ['not JSON at all', 'POST', '/api/auth/login', raw('email=koord@example.lv&password=x'), 400, 'bad_json'],
      ['JSON null', 'POST', '/api/auth/login', json(null), 400, 'bad_request'],
      ['JSON array', 'POST', '/api/auth/login', json(['koord@example.lv', 'coordinator-pass']), 400, 'bad_request'],
      ['JSON string', 'POST', '/api/auth/login', json('koord@example.lv'), 400, 'bad_request'],
      ['wrong types', 'POST', '/api/auth/login', json({ email: 1, password: ['coordinator-pass'] }), 400, 'bad_request'],
      ['missing password', 'POST', '/api/auth/login', json({ email: 'koord@example.lv' }), 400, 'bad_request'],
      ['unknown field', 'POST', '/api/auth/login', json({ email: 'koord@example.lv', password: 'coordinator-pass', role: 'coordinator' }), 400, 'bad_request'],
      // Before: a schema dropped these keys silently (or called them unknown fields); now they are named.
      ['prototype key', 'POST', '/api/auth/login', raw('{"email":"koord@example.lv","password":"coordinator-pass","__proto__":{"admin":true}}'), 400, 'forbidden_key'],
      ['constructor key', 'POST', '/api/auth/login', raw('{"email":"koord@example.lv","password":"coordinator-pass","constructor":{"admin":true}}'), 400, 'forbidden_key'],
      ['password of 10,000 characters', 'POST', '/api/auth/login', json({ email: 'koord@example.lv', password: 'p'.repeat(10_000) }), 400, 'bad_request'],
      ['email of 300 characters', 'POST', '/api/auth/login', json({ email: `${'a'.repeat(290)}@example.lv`, password: 'x' }), 400, 'bad_request'],
      ['body over 64 KiB', 'POST', '/api/auth/login', raw(HUGE_BODY), 413, 'payload_too_large'],
      ['invalid UTF-8', 'POST', '/api/auth/login', raw(INVALID_UTF8), 400, 'bad_json'],
      ['a gzip body (not accepted here)', 'POST', '/api/auth/login', raw(new Uint8Array(gzipSync(JSON.stringify({ email: 'koord@example.lv', password: 'coordinator-pass' }))), { 'Content-Encoding': 'gzip' }), 400, 'bad_json'],
      ['SQL in the email', 'POST', '/api/auth/login', json({ email: "koord'--@example.lv", password: "' OR '1'='1" }), 401, 'invalid_credentials'],
      ['SQL that is no email', 'POST', '/api/auth/login', json({ email: "' OR 1=1; DROP TABLE users; --", password: 'x' }), 400, 'bad_request'],
      ['right email, wrong password', 'POST', '/api/auth/login', json({ email: 'koord@example.lv', password: 'coordinator-pass ' }), 401, 'invalid_credentials'],
    ]);
  });

  it('POST /api/setup once set up, and its form: 4xx for every bad body, nothing written', async () => {
    const valid = { token: 'A'.repeat(40), organisation: 'Cita', name: 'Cits', email: 'cits@example.lv', password: 'garš-parole-123' };
    await expectRefusedAndUnchanged(() => [
      ['truncated JSON', 'POST', '/api/setup', raw('{"token":'), 400, 'bad_json'],
      ['invalid UTF-8', 'POST', '/api/setup', raw(INVALID_UTF8), 400, 'bad_json'],
      ['wrong types', 'POST', '/api/setup', json({ ...valid, organisation: 7 }), 400, 'bad_request'],
      ['a token with symbols', 'POST', '/api/setup', json({ ...valid, token: "'; DROP TABLE setup_tokens; --" }), 400, 'bad_request'],
      ['unknown field', 'POST', '/api/setup', json({ ...valid, role: 'admin' }), 400, 'bad_request'],
      ['name of 201 characters', 'POST', '/api/setup', json({ ...valid, name: 'ā'.repeat(201) }), 400, 'bad_request'],
      ['short password', 'POST', '/api/setup', json({ ...valid, password: 'short' }), 400, 'bad_request'],
      ['body over 64 KiB', 'POST', '/api/setup', raw(HUGE_BODY), 413, 'payload_too_large'],
      ['a well-formed request once the server is set up', 'POST', '/api/setup', json(valid), 409, 'already_set_up'],
    ]);
    expect((await call(server, 'GET', '/api/setup/status?needed=true&x=%00')).body).toEqual({ needed: false });
  });

  it('/api/users: bad bodies, ids that are not users, a facilitator — 4xx, nothing written', async () => {
    const user = { email: 'jauns@example.lv', name: 'Jauns Lietotājs', role: 'facilitator', password: 'jauna-parole-1' };
    await expectRefusedAndUnchanged(() => [
      ['truncated JSON', 'POST', '/api/users', withToken(coordinator, raw('{"email":')), 400, 'bad_json'],
      ['invalid UTF-8', 'POST', '/api/users', withToken(coordinator, raw(INVALID_UTF8)), 400, 'bad_json'],
      // Before: decoded leniently, the name was stored with U+FFFD in place of the bad bytes.
      ['a valid form with invalid UTF-8 in the name', 'POST', '/api/users', withToken(coordinator, raw(withBadByte({ ...user, name: 'Jānis BADBYTE' }))), 400, 'bad_json'],
      ['wrong types', 'POST', '/api/users', withToken(coordinator, json({ ...user, name: { first: 'A' } })), 400, 'bad_request'],
      ['unknown role', 'POST', '/api/users', withToken(coordinator, json({ ...user, role: 'admin' })), 400, 'bad_request'],
      ['unknown field', 'POST', '/api/users', withToken(coordinator, json({ ...user, orgId: org.orgId })), 400, 'bad_request'],
      ['name of 201 characters', 'POST', '/api/users', withToken(coordinator, json({ ...user, name: 'x'.repeat(201) })), 400, 'bad_request'],
      ['blank name', 'POST', '/api/users', withToken(coordinator, json({ ...user, name: '   ' })), 400, 'bad_request'],
      ['password of 257 characters', 'POST', '/api/users', withToken(coordinator, json({ ...user, password: 'p'.repeat(257) })), 400, 'bad_request'],
      ['body over 64 KiB', 'POST', '/api/users', withToken(coordinator, raw(HUGE_BODY)), 413, 'payload_too_large'],
      ['an email in use', 'POST', '/api/users', withToken(coordinator, json({ ...user, email: 'ANNA@example.lv' })), 409, 'email_taken'],
      ['a facilitator lists', 'GET', '/api/users', withToken(facilitator), 403, 'forbidden'],
      ['a facilitator adds', 'POST', '/api/users', withToken(facilitator, json(user)), 403, 'forbidden'],
      ['a facilitator resets a password', 'POST', `/api/users/${org.coordinator.user.id}/password`, withToken(facilitator, json({ password: 'pārņemts-123' })), 403, 'forbidden'],
      ['an id that is nobody', 'POST', `/api/users/${newId()}/deactivate`, withToken(coordinator), 404, 'not_found'],
      ['SQL as the id', 'POST', `/api/users/${encodeURIComponent("1' OR '1'='1")}/activate`, withToken(coordinator), 404, 'not_found'],
      ['a path-traversal id', 'POST', '/api/users/..%2F..%2Fauth%2Flogin/password', withToken(coordinator, json({ password: 'pārņemts-123' })), 404, 'not_found'],
      ['a short new password', 'POST', `/api/users/${facilitatorId}/password`, withToken(coordinator, json({ password: 'short' })), 400, 'bad_request'],
      ['a reset body that is no JSON', 'POST', `/api/users/${facilitatorId}/password`, withToken(coordinator, raw('password=x')), 400, 'bad_json'],
      ['deactivating oneself', 'POST', `/api/users/${org.coordinator.user.id}/deactivate`, withToken(coordinator), 409, 'cannot_deactivate_self'],
      ['a method with no route', 'DELETE', `/api/users/${facilitatorId}`, withToken(coordinator), 404, 'not_found'],
    ]);
  });

  it('POST /api/sync/push: bodies that are not a push — 4xx with a code, nothing written', async () => {
    const push1 = (mutations: unknown[], extra: Record<string, unknown> = {}) => ({ protocol: 1, deviceId: 'tablet-bad', mutations, ...extra });
    await expectRefusedAndUnchanged(() => [
      ['truncated JSON', 'POST', '/api/sync/push', withToken(coordinator, raw('{"protocol":1,"deviceId":"t","mutations":[')), 400, 'bad_json'],
      ['empty body', 'POST', '/api/sync/push', withToken(coordinator, raw('')), 400, 'bad_json'],
      ['invalid UTF-8', 'POST', '/api/sync/push', withToken(coordinator, raw(INVALID_UTF8)), 400, 'bad_json'],
      ['invalid UTF-8 inside gzip', 'POST', '/api/sync/push', withToken(coordinator, raw(new Uint8Array(gzipSync(INVALID_UTF8)), { 'Content-Encoding': 'gzip' })), 400, 'bad_json'],
      ['broken gzip', 'POST', '/api/sync/push', withToken(coordinator, raw(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad]), { 'Content-Encoding': 'gzip' })), 400, 'bad_gzip'],
      ['gzip cut short', 'POST', '/api/sync/push', withToken(coordinator, raw(new Uint8Array(gzipSync(JSON.stringify(push1([])))).slice(0, 20), { 'Content-Encoding': 'gzip' })), 400, 'bad_gzip'],
      ['plain JSON labelled gzip', 'POST', '/api/sync/push', withToken(coordinator, raw(JSON.stringify(push1([])), { 'Content-Encoding': 'gzip' })), 400, 'bad_gzip'],
      ['an encoding nobody asked for', 'POST', '/api/sync/push', withToken(coordinator, raw(JSON.stringify(push1([])), { 'Content-Encoding': 'br' })), 415, 'unsupported_encoding'],
      ['JSON null', 'POST', '/api/sync/push', withToken(coordinator, json(null)), 400, 'bad_request'],
      ['protocol as text', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { protocol: '1' }))), 400, 'unsupported_protocol'],
      ['another protocol', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { protocol: 99 }))), 400, 'unsupported_protocol'],
      ['mutations not a list', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { mutations: { 0: appliedMutation } }))), 400, 'bad_request'],
      ['no deviceId', 'POST', '/api/sync/push', withToken(coordinator, json({ protocol: 1, mutations: [] })), 400, 'bad_request'],
      ['a deviceId of 65 characters', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { deviceId: 'd'.repeat(65) }))), 400, 'bad_request'],
      ['a deviceId with SQL', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { deviceId: "x'; DROP TABLE records; --" }))), 400, 'bad_request'],
      ['an unknown top-level field', 'POST', '/api/sync/push', withToken(coordinator, json(push1([], { orgId: 'someone-else' }))), 400, 'bad_request'],
      ['1001 mutations', 'POST', '/api/sync/push', withToken(coordinator, json(push1(new Array(1001).fill(appliedMutation)))), 400, 'bad_request'],
      ['a body over 2 MiB', 'POST', '/api/sync/push', withToken(coordinator, json(push1([needMutation({ description: 'x'.repeat(2 * 1024 * 1024) })]))), 413, 'payload_too_large'],
      ['a gzip bomb', 'POST', '/api/sync/push', withToken(coordinator, raw(new Uint8Array(gzipSync(`{"protocol":1,"deviceId":"t","mutations":[],"p":"${' '.repeat(16 * 1024 * 1024)}"}`)), { 'Content-Encoding': 'gzip' })), 413, 'payload_too_large'],
      ['a facilitator\'s bad body too', 'POST', '/api/sync/push', withToken(facilitator, raw('[')), 400, 'bad_json'],
    ]);
  });

  it('POST /api/sync/push: mutations that fail validation are each rejected with a code; the others are untouched', async () => {
    const valid = needMutation({ title: 'Derīga' });
    const cases: [unknown, string, RegExp?][] = [
      [42, 'invalid_mutation'],
      [null, 'invalid_mutation'],
      ['a string', 'invalid_mutation'],
      [{ ...valid, id: 'not-a-uuid' }, 'invalid_mutation', /id: invalid_id/],
      [{ ...valid, id: newId().toUpperCase() }, 'invalid_mutation'],
      [{ ...valid, id: newId(), recordId: "'; DROP TABLE records; --" }, 'invalid_mutation'],
      [{ ...valid, id: newId(), op: 'delete' }, 'invalid_mutation'],
      [{ ...valid, id: newId(), hlc: '2025-05-01T09:00:00Z' }, 'invalid_mutation', /hlc: invalid_clock/],
      [{ ...valid, id: newId(), hlc: `${server.time.now}:0:tablet` }, 'invalid_mutation'],
      [{ ...valid, id: newId(), base: { title: 'yesterday' } }, 'invalid_mutation'],
      [{ ...valid, id: newId(), extra: true }, 'invalid_mutation', /extra: unknown_field/],
      [{ ...valid, id: newId(), table: 'spaceships' }, 'unknown_table'],
      [{ ...valid, id: newId(), table: '__proto__' }, 'unknown_table'],
      [{ ...valid, id: newId(), table: 'toString' }, 'unknown_table'],
      [{ ...valid, id: newId(), table: 'records' }, 'unknown_table'],
      [{ ...valid, id: newId(), table: 'x'.repeat(65) }, 'invalid_mutation'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, colour: 'red' } }, 'invalid_fields', /colour: unknown_field/],
      // Before: the protocol's record schema dropped a `__proto__` key silently and applied the rest.
      [{ ...valid, id: newId(), fields: JSON.parse(`{"title":"t","__proto__":{"deleted":true}}`) }, 'invalid_fields', /^__proto__: forbidden_key$/],
      [{ ...valid, id: newId(), base: JSON.parse(`{"title":null,"__proto__":null}`) }, 'invalid_mutation', /^base.__proto__: forbidden_key$/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, ['f'.repeat(65)]: 1 } }, 'invalid_mutation'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, title: 42 } }, 'invalid_fields', /title: invalid/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, title: 'ā'.repeat(201) } }, 'invalid_fields', /title: too_long/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, title: '   ' } }, 'invalid_fields', /title: required/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, description: 'x'.repeat(20_001) } }, 'invalid_fields', /description: too_long/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, category: 'weather' } }, 'invalid_fields', /category: invalid_choice/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, createdAt: -1 } }, 'invalid_fields'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, createdAt: 1.5 } }, 'invalid_fields'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, deleted: 'yes' } }, 'invalid_fields'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, communityId: null } }, 'invalid_fields'],
      [{ ...valid, id: newId(), fields: { ...valid.fields, description: nested(1000) } }, 'invalid_fields', /^description\.0\.0[.0]*: invalid_value$/],
      [{ ...valid, id: newId(), fields: { title: 'Tikai virsraksts' }, recordId: newId() }, 'incomplete_record', /communityId: missing/],
      [{ ...valid, id: newId(), fields: { ...valid.fields, communityId: newId() } }, 'unknown_community'],
      [{ ...valid, id: newId(), table: 'participants', recordId: needId, fields: { name: 'Pārvērsts' } }, 'table_mismatch'],
      [{ ...valid, id: newId(), table: 'conflicts', recordId: newId(), fields: { resolved: true } }, 'incomplete_record'],
      [{ ...valid, id: newId(), table: 'actions', fields: newRecordFields(actionFields(communityId, { budgetCents: 777_777_777_777 })) }, 'invalid_fields', /budgetCents: too_large/],
    ];
    const before = await snapshotDatabase(server.store);
    const reply = await call(server, 'POST', '/api/sync/push', { token: coordinator, ...rawPush(cases.map(([mutation]) => mutation)) });
    expect(reply.status, reply.text.slice(0, 500)).toBe(200);
    const body = v.parse(pushResponseSchema, reply.body);
    expect(body.acked).toEqual([]);
    expect(body.rejected.map((r) => r.code)).toEqual(cases.map(([, code]) => code));
    for (const [i, [mutation, code, message]] of cases.entries()) {
      const rejection = body.rejected[i]!;
      expect(rejection.message.length, code).toBeGreaterThan(0);
      if (message) expect(rejection.message, JSON.stringify(rejection)).toMatch(message);
      if (typeof mutation === 'object' && mutation !== null && 'id' in mutation && typeof mutation.id === 'string') {
        expect(rejection.id).toBe(mutation.id.slice(0, 64));
      }
    }
    expect(await snapshotDatabase(server.store)).toEqual(before);

    // A facilitator may not write conflicts; a coordinator may not write conflicts into another table's record either.
    const asFacilitator = await push(server, facilitator, 'tablet-f', [{ ...valid, id: newId(), table: 'conflicts', recordId: newId(), fields: { resolved: true } }]);
    expect(asFacilitator.rejected.map((r) => r.code)).toEqual(['forbidden']);
    expect(await snapshotDatabase(server.store)).toEqual(before);
  });

  it('JSON nested 100,000 deep is refused, not a crash', async () => {
    const before = await snapshotDatabase(server.store);
    const deep = `${'['.repeat(100_000)}"bottom"${']'.repeat(100_000)}`;
    const body = JSON.stringify({ protocol: 1, deviceId: 'tablet-bad', mutations: [needMutation({ description: 'PLACEHOLDER' })] }).replace('"PLACEHOLDER"', deep);
    const reply = await call(server, 'POST', '/api/sync/push', { token: coordinator, body, headers: { 'Content-Type': 'application/json' } });
    if (reply.status === 200) expect(v.parse(pushResponseSchema, reply.body).rejected.map((r) => r.code)).toEqual(['invalid_fields']);
    else expect(outcome(reply)).toEqual([400, 'bad_json']);
    const login = await call(server, 'POST', '/api/auth/login', { body: `{"email":${'['.repeat(30_000)}${']'.repeat(30_000)},"password":"x"}` });
    expect(outcome(login)).toEqual([400, 'invalid_value']);
    expect(await snapshotDatabase(server.store)).toEqual(before);
  });

  it('a mutation id another device of the organisation already used is acknowledged as a replay and changes nothing', async () => {
    const before = await snapshotDatabase(server.store);
    const impostor: Mutation = { ...appliedMutation, fields: { title: 'Pārrakstīts ar vecu id' }, base: { title: null }, hlc: hlc(server.time.now + 1000, 'tablet-other') };
    const reply = await push(server, facilitator, 'tablet-other', [impostor]);
    expect(reply).toMatchObject({ acked: [appliedMutation.id], rejected: [] });
    expect(await snapshotDatabase(server.store)).toEqual(before);
    const { changes } = await pullAll(server, coordinator);
    expect(changes.find((c) => c.recordId === needId)?.fields.title).toBe('Pirmā vajadzība');
  });

  it('GET /api/sync/pull: negative, zero, huge, fractional and non-numeric limits; cursors that are not ours — 400, nothing written', async () => {
    const head = await server.store.readHead();
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    const limits = ['-1', '0', '5001', '99999999999', '1e3', '1.5', '0x10', 'ten', ' 10', '10abc', '%00', 'NaN', 'Infinity', '１０'];
    const cursors = [
      'nonsense!', "' OR 1=1 --", '<script>', cursor('v1'), cursor(`v1.${head.instanceId}.-1`), cursor(`v1.${head.instanceId}.1.5`),
      cursor(`v1.${head.instanceId}.1234567890123456`), cursor(`v2.${head.instanceId}.1`), cursor(`v1..1`), 'A'.repeat(201),
    ];
    await expectRefusedAndUnchanged(() => [
      ...limits.map((limit): Case => ['limit', 'GET', `/api/sync/pull?limit=${encodeURIComponent(limit)}`, withToken(coordinator), 400, 'bad_limit']),
      ...cursors.map((since): Case => ['cursor', 'GET', `/api/sync/pull?since=${encodeURIComponent(since)}`, withToken(coordinator), 400, 'bad_cursor']),
      ['a cursor ahead of the server', 'GET', `/api/sync/pull?since=${cursor(`v1.${head.instanceId}.999999999999999`)}`, withToken(coordinator), 409, 'cursor_reset'],
      ['a cursor of another database', 'GET', `/api/sync/pull?since=${cursor('v1.00000000-0000-4000-8000-000000000000.1')}`, withToken(coordinator), 409, 'cursor_reset'],
    ]);
    // The limits the contract allows answer.
    for (const limit of ['1', '5000', '']) {
      expect((await call(server, 'GET', `/api/sync/pull?limit=${limit}`, { token: coordinator })).status).toBe(200);
    }
  });

  it('blobs: bad hashes, wrong bytes, empty and oversized bodies — 4xx, nothing written', async () => {
    const bytes = new TextEncoder().encode('cita bilde');
    const hash = createHash('sha256').update(bytes).digest('hex');
    await expectRefusedAndUnchanged(() => [
      ['uppercase hash', 'PUT', `/api/blobs/${hash.toUpperCase()}`, withToken(coordinator, { body: bytes }), 400, 'bad_hash'],
      ['63 digits', 'PUT', `/api/blobs/${hash.slice(1)}`, withToken(coordinator, { body: bytes }), 400, 'bad_hash'],
      ['not hex', 'PUT', `/api/blobs/${'g'.repeat(64)}`, withToken(coordinator, { body: bytes }), 400, 'bad_hash'],
      ['path traversal', 'PUT', '/api/blobs/..%2F..%2Ftalka.sqlite', withToken(coordinator, { body: bytes }), 400, 'bad_hash'],
      ['SQL as the hash', 'GET', `/api/blobs/${encodeURIComponent("' OR 1=1 --")}`, withToken(coordinator), 400, 'bad_hash'],
      ['bytes that are not the hash', 'PUT', `/api/blobs/${blobHash}`, withToken(coordinator, { body: bytes }), 400, 'hash_mismatch'],
      ['empty body', 'PUT', `/api/blobs/${createHash('sha256').update('').digest('hex')}`, withToken(coordinator, { body: new Uint8Array(0) }), 400, 'empty_blob'],
      ['over 15 MiB', 'PUT', `/api/blobs/${hash}`, withToken(coordinator, { body: new Uint8Array(15 * 1024 * 1024 + 1) }), 413, 'payload_too_large'],
      ['a hash nobody stored', 'GET', `/api/blobs/${'0'.repeat(64)}`, withToken(coordinator), 404, 'not_found'],
      ['no token', 'PUT', `/api/blobs/${hash}`, { body: bytes }, 401, 'unauthorized'],
    ]);
    for (const path of [`/api/blobs/${'0'.repeat(64)}`, `/api/blobs/${blobHash.toUpperCase()}`]) {
      const head = await server.app.request(path, { method: 'HEAD', headers: { Authorization: `Bearer ${coordinator}` } });
      expect(head.status).toBeGreaterThanOrEqual(400);
      expect(head.status).toBeLessThan(500);
    }
  });

  it('every authenticated route: missing, malformed, unknown, expired and revoked tokens get 401, nothing written', async () => {
    const revoked = (await login(server, 'anna@example.lv', 'anna-parole')).token;
    expect((await call(server, 'POST', '/api/auth/logout', { token: revoked })).status).toBe(200);
    const routes: [string, string, Parameters<typeof call>[3]][] = [
      ['GET', '/api/auth/me', {}],
      ['POST', '/api/auth/logout', {}],
      ['GET', '/api/users', {}],
      ['POST', '/api/users', json({ email: 'x@example.lv', name: 'X', role: 'facilitator', password: 'password-123' })],
      ['POST', `/api/users/${facilitatorId}/password`, json({ password: 'password-123' })],
      ['POST', `/api/users/${facilitatorId}/deactivate`, {}],
      ['POST', `/api/users/${facilitatorId}/activate`, {}],
      ['POST', '/api/sync/push', json({ protocol: 1, deviceId: 't', mutations: [needMutation({ title: 'Bez atļaujas' })] })],
      ['GET', '/api/sync/pull', {}],
      ['PUT', `/api/blobs/${createHash('sha256').update('x').digest('hex')}`, { body: 'x' }],
      ['GET', `/api/blobs/${blobHash}`, {}],
      ['GET', '/api/programmes/01968b12-fe80-7000-8000-0000000000aa/report?from=2026-01-01', {}],
    ];
    const authorizations: [string, string | undefined, string][] = [
      ['missing', undefined, 'unauthorized'],
      ['empty', '', 'unauthorized'],
      ['not bearer', `Basic ${Buffer.from('koord@example.lv:coordinator-pass').toString('base64')}`, 'unauthorized'],
      ['too short', 'Bearer abc', 'unauthorized'],
      ['symbols in it', `Bearer ${'A'.repeat(40)}';--`, 'unauthorized'],
      ['two tokens', `Bearer ${coordinator} ${coordinator}`, 'unauthorized'],
      ['well-formed, never issued', NOT_A_TOKEN, 'invalid_token'],
      ['revoked by logout', `Bearer ${revoked}`, 'invalid_token'],
    ];
    const cases = (): Case[] => routes.flatMap(([method, path, options]) => authorizations.map(([label, header, code]): Case => [
      `${label} token`, method, path, { ...options, headers: { ...options?.headers, ...(header === undefined ? {} : { Authorization: header }) } }, 401, code,
    ]));
    await expectRefusedAndUnchanged(cases);

    // A token unused for more than 180 days has expired (touching it would be a write: none happens).
    const expired = (await login(server, 'anna@example.lv', 'anna-parole')).token;
    const saved = server.time.now;
    server.time.now += 181 * DAY;
    try {
      await expectRefusedAndUnchanged(() => routes.map(([method, path, options]): Case => [
        'expired token', method, path, { ...options, token: expired }, 401, 'invalid_token',
      ]));
    } finally {
      server.time.now = saved;
    }
  });

  it('health and unknown routes answer without touching the database', async () => {
    const before = await snapshotDatabase(server.store);
    expect((await call(server, 'GET', '/api/health?limit=-1&since=%27')).status).toBe(200);
    for (const [method, path] of [['POST', '/api/health'], ['GET', '/api/sync/..%2Fpush'], ['GET', '/api/sync'], ['PATCH', '/api/sync/push']] as const) {
      const reply = await call(server, method, path, { token: coordinator });
      expect(outcome(reply), `${method} ${path}`).toEqual([404, 'not_found']);
    }
    expect(await snapshotDatabase(server.store)).toEqual(before);
  });

  it('SQL and script payloads are stored as plain text and pulled back byte for byte', async () => {
    const payloads = [
      "'; DROP TABLE records; --",
      '<img src=x onerror=alert(1)>',
      '<script>alert("x")</script>',
      "Robert'); DROP TABLE users;--",
      '" OR ""="',
      '{{constructor.constructor("alert(1)")()}}',
      '${process.exit(1)}',
      '\u202Egnp.exe',
      'Ķemeru ūdeņi — “pēdiņas” ☕ 🇱🇻',
      '\\u0027 backslash \\',
    ];
    const mutations = payloads.map((title) => needMutation({ title, description: title, owner: title.slice(0, 200) }));
    const reply = await push(server, coordinator, 'tablet-payloads', mutations);
    expect(reply.rejected).toEqual([]);
    const { changes } = await pullAll(server, coordinator);
    for (const [i, mutation] of mutations.entries()) {
      const change = changes.find((c) => c.recordId === mutation.recordId);
      expect(change?.fields.title, payloads[i]).toBe(payloads[i]);
      expect(change?.fields.description).toBe(payloads[i]);
    }
    // Control characters and broken surrogates are refused instead (PostgreSQL cannot store NUL in text).
    const unstorable = [needMutation({ title: 'nul \u0000 inside' }), needMutation({ description: 'lone surrogate \ud800 here' })];
    expect((await push(server, coordinator, 'tablet-payloads', unstorable)).rejected).toEqual([
      { id: unstorable[0]!.id, code: 'invalid_fields', message: 'title: invalid_value' },
      { id: unstorable[1]!.id, code: 'invalid_fields', message: 'description: invalid_value' },
    ]);
    // The tables the payloads name are all still there.
    const snapshot = await snapshotDatabase(server.store);
    expect(snapshot.users!.length).toBeGreaterThanOrEqual(2);
    expect(snapshot.records!.length).toBeGreaterThanOrEqual(payloads.length + 2);

    // An edit carrying a `__proto__` key is refused whole: nothing stored, no prototype reached.
    const sneaky: Mutation = {
      id: newId(), table: 'needs', recordId: mutations[0]!.recordId, op: 'put', base: { title: changes.find((c) => c.recordId === mutations[0]!.recordId)!.clocks.title! },
      fields: JSON.parse('{"title":"Labots","__proto__":{"deleted":true,"isAdmin":true}}'), hlc: hlc(server.time.now + 10),
    };
    expect((await call(server, 'POST', '/api/sync/push', { token: coordinator, ...rawPush([sneaky]) })).body).toMatchObject({
      acked: [], rejected: [{ id: sneaky.id, code: 'invalid_fields' }],
    });
    const edited = (await pullAll(server, coordinator)).changes.find((c) => c.recordId === sneaky.recordId)!;
    expect(edited.fields).toMatchObject({ title: payloads[0], deleted: false });
    expect(Object.keys(edited.fields)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    // A user's name with markup is kept as typed too.
    const created = await call(server, 'POST', '/api/users', { token: coordinator, ...json({ email: 'markup@example.lv', name: '<img src=x onerror=alert(1)>', role: 'facilitator', password: 'password-123' }) });
    expect(created.status).toBe(201);
    const list = v.parse(userListResponseSchema, (await call(server, 'GET', '/api/users', { token: coordinator })).body);
    expect(list.users.map((u) => u.name)).toContain('<img src=x onerror=alert(1)>');
  });

  it('clocks far in the future are clamped to the server\'s time (a day ahead at most); a later normal edit still wins', async () => {
    const far = needMutation({ title: 'No 2286. gada' });
    far.hlc = formatHlc({ wall: 9_999_999_999_999, counter: 9999, deviceId: 'tablet-future' });
    const ahead = needMutation({ title: 'Pēc 10 gadiem' });
    ahead.hlc = formatHlc({ wall: server.time.now + 3650 * DAY, counter: 0, deviceId: 'tablet-future' });
    expect((await push(server, coordinator, 'tablet-future', [far, ahead])).rejected).toEqual([]);
    const { changes } = await pullAll(server, coordinator);
    for (const mutation of [far, ahead]) {
      const stored = changes.find((c) => c.recordId === mutation.recordId)!;
      for (const clock of Object.values(stored.clocks)) {
        expect(hlcWall(clock)).toBeLessThanOrEqual(server.time.now + MAX_CLOCK_SKEW_MS);
        expect(clock.endsWith(':tablet-future')).toBe(true);
      }
    }
    server.time.now += 2 * DAY;
    const edit: Mutation = {
      id: newId(), table: 'needs', recordId: far.recordId, op: 'put', fields: { title: 'Šodienas labojums' },
      base: { title: changes.find((c) => c.recordId === far.recordId)!.clocks.title! }, hlc: hlc(server.time.now, 'tablet-now'),
    };
    expect((await push(server, coordinator, 'tablet-now', [edit])).acked).toEqual([edit.id]);
    const after = await pullAll(server, coordinator);
    expect(after.changes.find((c) => c.recordId === far.recordId)?.fields.title).toBe('Šodienas labojums');
  });
});

/** The JSON of `value` with the text BADBYTE replaced by a byte that is not UTF-8. */
function withBadByte(value: unknown): Uint8Array<ArrayBuffer> {
  const [before, after] = JSON.stringify(value).split('BADBYTE');
  return new Uint8Array(Buffer.concat([Buffer.from(before!), Buffer.from([0xff]), Buffer.from(after!)]));
}

/** `[[[[…]]]]` `depth` deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function rawPush(mutations: unknown[]) {
  // 1e309 is JSON that parses to Infinity.
  const body = JSON.stringify({ protocol: 1, deviceId: 'tablet-bad', mutations }).replace('777777777777', '1e309');
  return { body, headers: { 'Content-Type': 'application/json' } };
}
