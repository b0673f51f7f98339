// Hardening of the server, on SQLite and PostgreSQL: every /api reply is
// no-store; text with control characters or broken surrogates, JSON nested too
// deep and prototype-named keys are refused with a code (never a 500, never a
// log line, and inside a push only the mutation that carries them); a push
// rejection is exactly { id, code, message }; an answer given before the
// request body was read closes its kept-alive connection.
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, uuidv7, type Mutation } from '../../protocol';
import { createApp } from '../../server/app';
import { KyselyStore } from '../../server/store/kysely-store';
import { communityFields, needFields, participantFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { memoryLogger } from './support/memory-logger';
import {
  addUserDirectly, call, createOrganisation, errorCode, errorMessage, login, pullAll, startServer,
  type Reply, type TestOrganisation, type TestServer,
} from './support/harness';
import { createLiveOrganisation, startLiveServer, type LiveServer } from './support/live-server';
import { snapshotDatabase } from './support/snapshot';

const random = (length: number) => new Uint8Array(randomBytes(length));

/** Text no field may hold: NUL, other C0 and C1 controls, DEL, unpaired surrogate halves. */
const UNSTORABLE = ['nul \u0000 inside', 'clear \u001b[2J screen', 'bell\u0007', 'vertical \u000b tab', 'del \u007f', 'c1 \u0085 next line', 'lone \ud800 high', 'lone \udfff low'];
// eslint-disable-next-line no-control-regex -- the characters this test hunts for
const CONTROL_OR_SURROGATE = /[\0-\x1F\x7F-\x9F\p{Cs}]/u;

/** `[[[…'bottom'…]]]`, `depth` arrays deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe.each(backends())('hardening on $name', (backend) => {
  const log = memoryLogger();
  let server: TestServer;
  let org: TestOrganisation;
  let coordinator: string;
  let facilitator: string;
  let facilitatorId: string;
  let communityId: string;
  let counter = 0;

  const hlc = () => formatHlc({ wall: server.time.now, counter: counter++ % 10_000, deviceId: 'tablet-hard' });
  const newId = () => uuidv7(server.time.now, random);
  const common = () => ({ createdAt: server.time.now, updatedAt: server.time.now, createdBy: 'tablet-hard', deleted: false });

  function put(table: string, fields: Record<string, unknown>, recordId = newId()): Mutation {
    return { id: newId(), table, recordId, op: 'put', fields, base: Object.fromEntries(Object.keys(fields).map((f) => [f, null])), hlc: hlc() };
  }
  const need = (fields: Record<string, unknown> = {}) => put('needs', { ...needFields(communityId), ...common(), ...fields });
  const conflict = (fields: Record<string, unknown>) => put('conflicts', {
    ...common(), communityId, table: 'needs', recordId: newId(), field: 'title', winnerValue: 'a', winnerClock: hlc(),
    loserValue: 'b', loserClock: hlc(), resolved: false, resolvedBy: '', ...fields,
  });

  /**
   * POSTs a push and returns its reply as the raw JSON the server sent (parsing it with the
   * protocol's schema would hide a key too many). `"PLACEHOLDER"` in the JSON becomes `placeholder`.
   */
  async function pushRaw(token: string, mutations: unknown[], placeholder?: string): Promise<{ acked: string[]; rejected: Record<string, unknown>[] }> {
    let body = JSON.stringify({ protocol: 1, deviceId: 'tablet-hard', mutations });
    if (placeholder !== undefined) body = body.replace('"PLACEHOLDER"', placeholder);
    const reply = await call(server, 'POST', '/api/sync/push', { token, body, headers: { 'Content-Type': 'application/json' } });
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    // The shape is what the test checks, key by key.
    return reply.body as { acked: string[]; rejected: Record<string, unknown>[] };
  }

  beforeAll(async () => {
    server = await startServer(backend, { logger: log.logger });
    org = await createOrganisation(server, 'Zemgales biedrība', 'koord@example.lv');
    coordinator = org.coordinator.token;
    facilitatorId = await addUserDirectly(server, org.orgId, { email: 'anna@example.lv', name: 'Anna Ozola', role: 'facilitator', password: 'anna-parole' });
    facilitator = (await login(server, 'anna@example.lv', 'anna-parole')).token;
    const community = put('communities', { ...communityFields(), ...common() });
    communityId = community.recordId;
    expect((await pushRaw(coordinator, [community])).rejected).toEqual([]);
  });
  afterAll(async () => {
    await server.close();
  });

  afterEach(() => {
    const lines = [...log.lines];
    log.clear();
    // Refused input is answered, never logged: no warning or error (no 500 happened), and no raw text in any line.
    expect(lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 40)).toEqual([]);
    expect(lines.filter((line) => CONTROL_OR_SURROGATE.test(line))).toEqual([]);
  });

  it('every /api answer says Cache-Control: no-store, errors included; a photo is cached privately, never by a shared cache', async () => {
    const photo = new TextEncoder().encode('fotogrāfija');
    const sha = createHash('sha256').update(photo).digest('hex');
    const replies: [string, Reply][] = [
      ['health', await call(server, 'GET', '/api/health')],
      ['setup status', await call(server, 'GET', '/api/setup/status')],
      ['login', await call(server, 'POST', '/api/auth/login', { json: { email: 'anna@example.lv', password: 'anna-parole' } })],
      ['bad login body', await call(server, 'POST', '/api/auth/login', { body: '{', headers: { 'Content-Type': 'application/json' } })],
      ['oversized body', await call(server, 'POST', '/api/auth/login', { body: 'x'.repeat(70 * 1024), headers: { 'Content-Type': 'application/json' } })],
      ['me', await call(server, 'GET', '/api/auth/me', { token: facilitator })],
      ['no token', await call(server, 'GET', '/api/auth/me')],
      ['users', await call(server, 'GET', '/api/users', { token: coordinator })],
      ['forbidden', await call(server, 'GET', '/api/users', { token: facilitator })],
      ['push', await call(server, 'POST', '/api/sync/push', { token: coordinator, json: { protocol: 1, deviceId: 'tablet-hard', mutations: [] } })],
      ['pull', await call(server, 'GET', '/api/sync/pull', { token: coordinator })],
      ['pull, compressed', await call(server, 'GET', '/api/sync/pull', { token: coordinator, headers: { 'Accept-Encoding': 'gzip' } })],
      ['photo upload', await call(server, 'PUT', `/api/blobs/${sha}`, { token: coordinator, body: photo, headers: { 'Content-Type': 'image/jpeg' } })],
      ['missing photo', await call(server, 'GET', `/api/blobs/${'0'.repeat(64)}`, { token: coordinator })],
      ['no route', await call(server, 'GET', '/api/nowhere')],
      ['bare /api', await call(server, 'GET', '/api')],
    ];
    for (const [label, reply] of replies) expect(reply.headers.get('Cache-Control'), label).toBe('no-store');

    for (const reply of [
      await call(server, 'GET', `/api/blobs/${sha}`, { token: coordinator }),
      await call(server, 'HEAD', `/api/blobs/${sha}`, { token: coordinator }),
      await call(server, 'GET', `/api/blobs/${sha}`, { token: coordinator, headers: { 'If-None-Match': `"${sha}"` } }),
    ]) {
      expect(reply.status).toBeLessThan(400);
      const cacheControl = reply.headers.get('Cache-Control') ?? '';
      expect(cacheControl.split(',').map((part) => part.trim())).toContain('private');
      expect(cacheControl).not.toMatch(/public|s-maxage/);
    }
  });

  it('text with control characters or broken surrogates in a login, setup or user body: 400 invalid_value naming the field, nothing written', async () => {
    const before = await snapshotDatabase(server.store);
    const user = { email: 'jauns@example.lv', name: 'Jauns Lietotājs', role: 'facilitator', password: 'jauna-parole-1' };
    const setup = { token: 'A'.repeat(40), organisation: 'Cita', name: 'Cits', email: 'cits@example.lv', password: 'garš-parole-123' };
    for (const bad of UNSTORABLE) {
      const cases: [string, string, Record<string, unknown>, string?][] = [
        ['/api/auth/login', 'email', { email: `anna${bad}@example.lv`, password: 'anna-parole' }],
        ['/api/auth/login', 'password', { email: 'anna@example.lv', password: `anna-parole${bad}` }],
        ['/api/setup', 'organisation', { ...setup, organisation: bad }],
        ['/api/users', 'name', { ...user, name: `Jānis ${bad}` }, coordinator],
        ['/api/users', 'email', { ...user, email: `${bad}@example.lv` }, coordinator],
        [`/api/users/${facilitatorId}/password`, 'password', { password: `jauna-parole${bad}` }, coordinator],
      ];
      for (const [path, field, json, token] of cases) {
        const reply = await call(server, 'POST', path, { json, ...(token ? { token } : {}) });
        expect([reply.status, errorCode(reply), errorMessage(reply)], `${path} ${JSON.stringify(bad)}`).toEqual([400, 'invalid_value', `${field}: invalid_value`]);
        expect(errorMessage(reply)).not.toMatch(CONTROL_OR_SURROGATE);
      }
    }
    expect(await snapshotDatabase(server.store)).toEqual(before);
    // Not a sign-in that failed: nothing was counted against anyone.
    expect(await server.store.db.selectFrom('login_attempts').selectAll().execute()).toEqual([]);
  });

  it('text with control characters or broken surrogates in a pushed mutation, at any depth: that mutation alone is refused invalid_fields', async () => {
    const cases: [Mutation, string][] = [];
    for (const bad of UNSTORABLE) {
      cases.push([need({ title: bad }), 'title: invalid_value']);
      cases.push([need({ description: `Pirmā rinda\n${bad}` }), 'description: invalid_value']);
    }
    cases.push(
      [put('communities', { ...communityFields(), ...common(), contacts: [{ name: 'Anna', phone: '', email: '', role: 'vad\u0000ītāja' }] }), 'contacts.0.role: invalid_value'],
      [put('participants', { ...participantFields(communityId), ...common(), phone: '+371\u000c2000' }), 'phone: invalid_value'],
      [need({ ['title\u0000']: 'x' }), 'fields: invalid_value'],
      [conflict({ loserValue: { contacts: [{ name: 'lone \udc00' }] } }), 'loserValue.contacts.0.name: invalid_value'],
    );
    const good = [need({ title: 'Soliņi\tpie ezera', description: 'Pirmā rinda\r\nOtrā 🇱🇻' }), need({ title: 'Apgaismojums' })];
    const mutations = [good[0]!, ...cases.map(([mutation]) => mutation), good[1]!];
    const reply = await pushRaw(coordinator, mutations);
    expect(reply.acked).toEqual(good.map((mutation) => mutation.id));
    expect(reply.rejected).toEqual(cases.map(([mutation, message]) => ({ id: mutation.id, code: 'invalid_fields', message })));
    const { changes } = await pullAll(server, coordinator);
    expect(changes.find((change) => change.recordId === good[0]!.recordId)?.fields).toMatchObject({ title: 'Soliņi\tpie ezera', description: 'Pirmā rinda\r\nOtrā 🇱🇻' });
    for (const [mutation] of cases) expect(changes.find((change) => change.recordId === mutation.recordId)).toBeUndefined();
  });

  it('JSON nested deeper than 16 levels is refused invalid_value: in a push only that mutation, so the device\'s queue moves on', async () => {
    // Nesting counts from the mutation: it is level 1, its fields 2, a conflict's value 3.
    const atLimit = conflict({ winnerValue: nested(14) });
    const tooDeep = conflict({ winnerValue: nested(15) });
    // Before: stored whole, then JSON.stringify overflowed the stack: a 500 for the whole push, sent again forever.
    const abyss = conflict({ loserValue: 'PLACEHOLDER' });
    const deepBase = { ...need(), base: { title: nested(20) } };
    const before = need({ title: 'Pirms' });
    const after = need({ title: 'Pēc' });
    const reply = await pushRaw(coordinator, [before, atLimit, tooDeep, abyss, deepBase, after], `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(reply.acked).toEqual([before.id, atLimit.id, after.id]);
    expect(reply.rejected.map((rejection) => [rejection.id, rejection.code])).toEqual([
      [tooDeep.id, 'invalid_fields'], [abyss.id, 'invalid_fields'], [deepBase.id, 'invalid_mutation'],
    ]);
    for (const rejection of reply.rejected) expect(String(rejection.message)).toMatch(/^(winnerValue|loserValue|base\.title)(\.0)+: invalid_value$/);
    const { changes } = await pullAll(server, coordinator);
    expect(changes.find((change) => change.recordId === atLimit.recordId)?.fields.winnerValue).toEqual(nested(14));

    // Bodies that are not a push are refused whole.
    for (const [path, json, token] of [
      ['/api/auth/login', { email: nested(20), password: 'x' }, undefined],
      ['/api/setup', { token: 'A'.repeat(40), organisation: nested(1000) }, undefined],
      ['/api/users', { email: 'x@example.lv', name: nested(17), role: 'facilitator', password: 'password-123' }, coordinator],
      ['/api/sync/push', { protocol: 1, deviceId: 'tablet-hard', mutations: [], acks: nested(30) }, coordinator],
    ] as const) {
      const refused = await call(server, 'POST', path, { json, ...(token ? { token } : {}) });
      expect([refused.status, errorCode(refused)], path).toEqual([400, 'invalid_value']);
    }
  });

  it('keys named __proto__, constructor or prototype are refused forbidden_key at any depth, never dropped and acknowledged', async () => {
    // JSON.parse, since an object literal's `__proto__` sets the prototype instead of making a key.
    const keyed = (key: string, where: string): Record<string, never> => JSON.parse(where.replace('KEY', key));
    const cases: [Mutation, string, string][] = [];
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const base = need({ title: 'Derīgs' });
      // Before: the mutation schema's field map dropped these keys, and the rest was applied and acknowledged.
      cases.push([{ ...base, fields: { ...base.fields, ...keyed(key, '{"KEY":{"deleted":true}}') } }, 'invalid_fields', `${key}: forbidden_key`]);
      const community = put('communities', { ...communityFields(), ...common(), contacts: [keyed(key, '{"name":"Anna","phone":"","email":"","role":"","KEY":{"isAdmin":true}}')] });
      cases.push([community, 'invalid_fields', `contacts.0.${key}: forbidden_key`]);
      cases.push([conflict({ winnerValue: keyed(key, '{"a":[{"KEY":{"isAdmin":true}}]}') }), 'invalid_fields', `winnerValue.a.0.${key}: forbidden_key`]);
      const edit = need();
      cases.push([{ ...edit, base: { ...edit.base, ...keyed(key, '{"KEY":null}') } }, 'invalid_mutation', `base.${key}: forbidden_key`]);
      const whole = need();
      cases.push([{ ...whole, ...keyed(key, '{"KEY":{"table":"users"}}') }, 'invalid_mutation', `${key}: forbidden_key`]);
    }
    const good = need({ title: 'Paliek' });
    const reply = await pushRaw(coordinator, [...cases.map(([mutation]) => mutation), good]);
    expect(reply.acked).toEqual([good.id]);
    expect(reply.rejected).toEqual(cases.map(([mutation, code, message]) => ({ id: mutation.id, code, message })));
    const { changes } = await pullAll(server, coordinator);
    for (const [mutation] of cases) expect(changes.find((change) => change.recordId === mutation.recordId)).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    // Every other JSON body the server reads.
    const before = await snapshotDatabase(server.store);
    for (const [path, body, token] of [
      ['/api/auth/login', '{"email":"koord@example.lv","password":"coordinator-pass","__proto__":{"role":"admin"}}', undefined],
      ['/api/auth/login', '{"email":"koord@example.lv","password":"coordinator-pass","constructor":{"prototype":{"admin":true}}}', undefined],
      ['/api/setup', '{"token":"AAAAAAAAAAAAAAAAAAAAAAAA","organisation":"X","name":"X","email":"x@example.lv","password":"password-123","prototype":1}', undefined],
      ['/api/users', '{"email":"x@example.lv","name":"X","role":"facilitator","password":"password-123","__proto__":{"role":"coordinator"}}', coordinator],
      [`/api/users/${facilitatorId}/password`, '{"password":"password-123","constructor":1}', coordinator],
      ['/api/sync/push', '{"protocol":1,"deviceId":"tablet-hard","mutations":[],"__proto__":{"orgId":"x"}}', coordinator],
    ] as const) {
      const refused = await call(server, 'POST', path, { body, headers: { 'Content-Type': 'application/json' }, ...(token ? { token } : {}) });
      expect([refused.status, errorCode(refused)], `${path} ${body}`).toEqual([400, 'forbidden_key']);
      expect(errorMessage(refused)).toMatch(/^(__proto__|constructor|prototype): forbidden_key$/);
    }
    expect(await snapshotDatabase(server.store)).toEqual(before);
  });

  it('a rejection in a push reply is exactly { id, code, message }, whichever check refused it', async () => {
    const other = await createOrganisation(server, 'Cita biedrība', 'cita@example.lv');
    const otherCommunity = put('communities', { ...communityFields({ name: 'Cita kopiena' }), ...common() });
    const otherApplied = put('communities', { ...communityFields({ name: 'Vēl cita' }), ...common() });
    expect((await pushRaw(other.coordinator.token, [otherCommunity, otherApplied])).rejected).toEqual([]);
    const person = put('participants', { ...participantFields(communityId), ...common() });
    const ownNeed = need();
    expect((await pushRaw(coordinator, [person, ownNeed])).rejected).toEqual([]);
    const erase = put('participants', { name: 'Dzēsts', household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true }, person.recordId);
    expect((await pushRaw(coordinator, [erase])).rejected).toEqual([]);

    const refusals: [unknown, string][] = [
      [{ id: newId(), table: 'needs' }, 'invalid_mutation'],
      [{ ...need(), table: 'spaceships' }, 'unknown_table'],
      [need({ title: 42 }), 'invalid_fields'],
      [need({ title: 'x\u0000' }), 'invalid_fields'],
      [put('needs', { title: 'Tikai virsraksts' }), 'incomplete_record'],
      [need({ communityId: newId() }), 'unknown_community'],
      [put('communities', { name: 'Pārņemta' }, otherCommunity.recordId), 'forbidden'],
      [put('participants', { name: 'Cits' }, ownNeed.recordId), 'table_mismatch'],
      [put('participants', { name: 'Atgriezts' }, person.recordId), 'erased'],
      [{ ...otherApplied, hlc: hlc() }, 'forbidden'],
    ];
    const reply = await pushRaw(coordinator, refusals.map(([mutation]) => mutation));
    expect(reply.acked).toEqual([]);
    expect(reply.rejected.map((rejection) => rejection.code)).toEqual(refusals.map(([, code]) => code));
    for (const rejection of reply.rejected) {
      expect(Object.keys(rejection).sort(), JSON.stringify(rejection)).toEqual(['code', 'id', 'message']);
      expect(Object.values(rejection).every((value) => typeof value === 'string')).toBe(true);
    }
    // A facilitator's conflict write is refused by role.
    const asFacilitator = await pushRaw(facilitator, [conflict({})]);
    expect(asFacilitator.rejected.map((rejection) => Object.keys(rejection).sort())).toEqual([['code', 'id', 'message']]);
  });

  it('an unexpected error is logged as one JSON line, its control characters escaped', async () => {
    class BrokenStore extends KyselyStore {
      override async findSession(): Promise<never> {
        throw new Error('disk \u0000 on fire\nFAKE: admin signed in \u001b[2J\ud800');
      }
    }
    const broken = memoryLogger();
    const app = createApp({ store: new BrokenStore(server.store.db, server.store.kind), config: server.config, passwordCost: 10, logger: broken.logger });
    expect((await app.request('/api/auth/me', { headers: { Authorization: `Bearer ${'a'.repeat(43)}` } })).status).toBe(500);
    const errors = broken.lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toMatch(CONTROL_OR_SURROGATE);
    expect(JSON.parse(errors[0]!)).toMatchObject({ error: { message: 'disk \u0000 on fire\nFAKE: admin signed in \u001b[2J\ud800' } });
  });
});

describe.each(backends())('connections on $name', (backend) => {
  let live: LiveServer;
  let token: string;
  let port: number;
  beforeAll(async () => {
    live = await startLiveServer(backend);
    port = Number(new URL(live.url).port);
    token = (await createLiveOrganisation(live, 'Latgales biedrība', 'koord@example.lv')).token;
  });
  afterAll(async () => {
    await live.close();
  });

  interface Answer {
    status: number;
    headers: IncomingHttpHeaders;
    text: string;
  }

  /**
   * One request on `agent`, answered when the reply has been read. With
   * `chunked` the body goes out in pieces without a Content-Length. An error
   * writing a body the server stopped reading is expected once it has answered.
   */
  function send(agent: Agent, method: string, path: string, options: { body?: Buffer; headers?: Record<string, string>; chunked?: boolean } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const headers: Record<string, string> = { ...options.headers };
      if (options.body && !options.chunked) headers['Content-Length'] = String(options.body.length);
      const outgoing = request({ host: '127.0.0.1', port, method, path, agent, headers }, (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      });
      outgoing.on('error', (error) => {
        if (!answered) reject(error);
      });
      if (options.body && options.chunked) {
        for (let at = 0; at < options.body.length; at += 16 * 1024) outgoing.write(options.body.subarray(at, at + 16 * 1024));
      } else if (options.body) {
        outgoing.write(options.body);
      }
      outgoing.end();
    });
  }

  it('a refusal before the body was read (413, 415, an early 401) says Connection: close; the next request on a kept-alive agent succeeds', async () => {
    const json = { 'Content-Type': 'application/json' };
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refusals: [string, () => Promise<Answer>, number, string][] = [
      ['413 by Content-Length', () => send(agent, 'POST', '/api/auth/login', { body: Buffer.alloc(200 * 1024, 'x'), headers: json }), 413, 'payload_too_large'],
      ['413 while reading a chunked body', () => send(agent, 'POST', '/api/auth/login', { body: Buffer.alloc(200 * 1024, 'x'), headers: json, chunked: true }), 413, 'payload_too_large'],
      ['415 for an encoding nobody asked for', () => send(agent, 'POST', '/api/sync/push', { body: Buffer.alloc(512 * 1024, 'x'), headers: { ...json, 'Content-Encoding': 'br', Authorization: `Bearer ${token}` } }), 415, 'unsupported_encoding'],
      ['401 before an upload', () => send(agent, 'PUT', `/api/blobs/${'a'.repeat(64)}`, { body: Buffer.alloc(512 * 1024, 1), headers: { 'Content-Type': 'image/jpeg' }, chunked: true }), 401, 'unauthorized'],
    ];
    try {
      const first = await send(agent, 'GET', '/api/health');
      expect([first.status, first.headers.connection]).toEqual([200, 'keep-alive']);
      for (const [label, refuse, status, code] of refusals) {
        const refused = await refuse();
        expect([refused.status, JSON.parse(refused.text).error.code, refused.headers.connection], label).toEqual([status, code, 'close']);
        const next = await send(agent, 'GET', '/api/health');
        expect([next.status, next.headers.connection], `after ${label}`).toEqual([200, 'keep-alive']);
      }
      // A request whose body was read keeps its connection.
      const read = await send(agent, 'POST', '/api/auth/login', { body: Buffer.from('{"email":"koord@example.lv","password":"nepareizi"}'), headers: json });
      expect([read.status, read.headers.connection]).toEqual([401, 'keep-alive']);
    } finally {
      agent.destroy();
    }
  });
});
