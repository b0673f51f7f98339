// Login, logout, me, token lifetime, and the limits on failed sign-ins and setup link guesses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { meResponseSchema, sessionResponseSchema } from '../../protocol/auth';
import { createApp } from '../../server/app';
import { hashToken } from '../../server/auth/tokens';
import { setupLinkIfEmpty } from '../../server/setup-link';
import { KyselyStore } from '../../server/store/kysely-store';
import { backends } from './support/backends';
import {
  addUserDirectly, call, createOrganisation, errorCode, startServer, TEST_PASSWORD_COST, type TestOrganisation, type TestServer,
} from './support/harness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(backends())('auth on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  beforeEach(async () => {
    server = await startServer(backend, { trustProxy: true });
    org = await createOrganisation(server, 'Vidzemes centrs', 'koord@example.lv');
    await addUserDirectly(server, org.orgId, { email: 'anna@example.lv', name: 'Anna Ozola', role: 'facilitator', password: 'anna-parole' });
  });
  afterEach(async () => {
    await server.close();
  });

  const loginAs = (email: string, password: string, address = '10.0.0.1') =>
    call(server, 'POST', '/api/auth/login', { json: { email, password }, headers: { 'X-Forwarded-For': address } });

  it('login gives a token, the user and the organisation; me answers with the same; emails are case-blind', async () => {
    const reply = await loginAs('  ANNA@example.LV', 'anna-parole');
    expect(reply.status).toBe(200);
    const session = v.parse(sessionResponseSchema, reply.body);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.user).toMatchObject({ email: 'anna@example.lv', name: 'Anna Ozola', role: 'facilitator' });
    expect(session.organisation).toEqual({ id: org.orgId, name: 'Vidzemes centrs' });
    const me = await call(server, 'GET', '/api/auth/me', { token: session.token });
    expect(v.parse(meResponseSchema, me.body)).toEqual({ user: session.user, organisation: session.organisation });
  });

  it('stores only the SHA-256 of a token', async () => {
    const session = v.parse(sessionResponseSchema, (await loginAs('anna@example.lv', 'anna-parole')).body);
    expect((await server.store.findSession(hashToken(session.token)))?.user.email).toBe('anna@example.lv');
    expect(await server.store.findSession(session.token)).toBeUndefined();
  });

  it('401 invalid_credentials for a wrong password or an unknown email, with the same answer', async () => {
    const wrong = await loginAs('anna@example.lv', 'nepareizi');
    const unknown = await loginAs('nav@example.lv', 'nepareizi');
    expect([wrong.status, errorCode(wrong)]).toEqual([401, 'invalid_credentials']);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('400 for a login body that is not one', async () => {
    for (const body of ['{', JSON.stringify({ email: 'anna@example.lv' }), JSON.stringify({ email: 5, password: 'x' })]) {
      const reply = await call(server, 'POST', '/api/auth/login', { body, headers: { 'Content-Type': 'application/json' } });
      expect(reply.status).toBe(400);
      expect(['bad_json', 'bad_request']).toContain(errorCode(reply));
    }
  });

  it('logout revokes the token; other sessions of the user stay', async () => {
    const first = v.parse(sessionResponseSchema, (await loginAs('anna@example.lv', 'anna-parole')).body);
    const second = v.parse(sessionResponseSchema, (await loginAs('anna@example.lv', 'anna-parole')).body);
    expect((await call(server, 'POST', '/api/auth/logout', { token: first.token })).body).toEqual({ ok: true });
    const after = await call(server, 'GET', '/api/auth/me', { token: first.token });
    expect([after.status, errorCode(after)]).toEqual([401, 'invalid_token']);
    expect((await call(server, 'GET', '/api/auth/me', { token: second.token })).status).toBe(200);
  });

  it('401 for a missing or malformed token', async () => {
    expect(errorCode(await call(server, 'GET', '/api/auth/me'))).toBe('unauthorized');
    expect(errorCode(await call(server, 'GET', '/api/auth/me', { headers: { Authorization: 'Basic abc' } }))).toBe('unauthorized');
    const unknown = await call(server, 'GET', '/api/auth/me', { token: 'x'.repeat(43) });
    expect([unknown.status, errorCode(unknown)]).toEqual([401, 'invalid_token']);
  });

  it('a token lives 180 days from its last use', async () => {
    const session = v.parse(sessionResponseSchema, (await loginAs('anna@example.lv', 'anna-parole')).body);
    server.time.now += 170 * DAY;
    expect((await call(server, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);
    server.time.now += 170 * DAY; // 340 days after login, 170 after last use
    expect((await call(server, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);
    server.time.now += 181 * DAY;
    const expired = await call(server, 'GET', '/api/auth/me', { token: session.token });
    expect([expired.status, errorCode(expired)]).toEqual([401, 'invalid_token']);
  });

  it('a deactivated user cannot sign in, and their tokens stop working', async () => {
    const session = v.parse(sessionResponseSchema, (await loginAs('anna@example.lv', 'anna-parole')).body);
    const deactivated = await call(server, 'POST', `/api/users/${session.user.id}/deactivate`, { token: org.coordinator.token });
    expect(deactivated.status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    const refused = await loginAs('anna@example.lv', 'anna-parole');
    expect([refused.status, errorCode(refused)]).toEqual([403, 'account_disabled']);
  });

  // Before: 10 failures for one email from anywhere locked that email out everywhere for 15 minutes,
  // so a stranger who knew a coordinator's email could keep them from signing in.
  it('failures for an account from other addresses never lock its owner out', async () => {
    for (let i = 0; i < 30; i++) expect((await loginAs('anna@example.lv', `wrong-${i}`, `10.1.0.${i}`)).status).toBe(401);
    // The guesser's own address waits; the owner's does not.
    const guesser = await loginAs('anna@example.lv', 'wrong-again', '10.1.0.1');
    expect([guesser.status, errorCode(guesser), guesser.headers.get('Retry-After')]).toEqual([429, 'too_many_attempts', '1']);
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.9.9.9')).status).toBe(200);
  });

  it('each failure of an account from an address doubles that pair\'s wait (1 s, 2 s, 4 s … 15 min), the right password included', async () => {
    const waits: number[] = [];
    for (let failures = 1; failures <= 12; failures++) {
      expect((await loginAs('anna@example.lv', `wrong-${failures}`)).status).toBe(401);
      const early = await loginAs('anna@example.lv', 'anna-parole');
      expect([early.status, errorCode(early)]).toEqual([429, 'too_many_attempts']);
      const wait = Number(early.headers.get('Retry-After'));
      waits.push(wait);
      server.time.now += wait * 1000 - 1;
      expect((await loginAs('anna@example.lv', 'anna-parole')).status, `after ${failures}`).toBe(429);
      server.time.now += 1;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // Other accounts from the same address, and this account from elsewhere, are not slowed.
    expect((await loginAs('koord@example.lv', 'coordinator-pass')).status).toBe(200);
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.0.0.2')).status).toBe(200);
    // A success clears the pair: the next failure waits 1 s again.
    expect((await loginAs('anna@example.lv', 'anna-parole')).status).toBe(200);
    expect(await server.store.findLoginAttempt('anna@example.lv', '10.0.0.1')).toBeUndefined();
    expect((await loginAs('anna@example.lv', 'wrong')).status).toBe(401);
    expect((await loginAs('anna@example.lv', 'anna-parole')).headers.get('Retry-After')).toBe('1');
  });

  it('one address may fail 100 times in 15 minutes over every account, then waits (Retry-After); other addresses go on', async () => {
    // A workshop signing in behind one address: successes do not count.
    for (let i = 0; i < 30; i++) expect((await loginAs(i % 2 ? 'anna@example.lv' : 'koord@example.lv', i % 2 ? 'anna-parole' : 'coordinator-pass', '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < 100; i++) expect((await loginAs(`guess${i}@example.lv`, 'wrong', '10.2.0.1')).status).toBe(401);
    const ceiling = await loginAs('anna@example.lv', 'anna-parole', '10.2.0.1');
    expect([ceiling.status, errorCode(ceiling), ceiling.headers.get('Retry-After')]).toEqual([429, 'too_many_attempts', '900']);
    // The refused try is not held against the account.
    expect(await server.store.findLoginAttempt('anna@example.lv', '10.2.0.1')).toBeUndefined();
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.2.0.2')).status).toBe(200);
    server.time.now += 15 * 60 * 1000;
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.2.0.1')).status).toBe(200);
  }, 30_000); // 130 sign-ins, each a few writes

  it('the counts live in the database: another server process on it makes the same pair wait', async () => {
    expect((await loginAs('anna@example.lv', 'wrong')).status).toBe(401);
    // A second app over the same database: its own memory, the same counts.
    const other = createApp({ store: new KyselyStore(server.store.db, server.store.kind), config: server.config, now: () => server.time.now, passwordCost: TEST_PASSWORD_COST });
    const reply = await other.request('/api/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.0.0.1' }, body: JSON.stringify({ email: 'anna@example.lv', password: 'anna-parole' }),
    });
    expect([reply.status, reply.headers.get('Retry-After')]).toEqual([429, '1']);
  });

  it('tablets signing in together as one account from one address all get in', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, () => loginAs('anna@example.lv', 'anna-parole')));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('once a pair has failed, tries sent at the same moment get one password check between them', async () => {
    expect((await loginAs('anna@example.lv', 'wrong')).status).toBe(401);
    server.time.now += 1000;
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => loginAs('anna@example.lv', `wrong-${i}`)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([401, 429, 429, 429, 429, 429]);
    expect(await server.store.findLoginAttempt('anna@example.lv', '10.0.0.1')).toMatchObject({ failures: 2 });
  });

  it('behind a proxy, the address is the last X-Forwarded-For entry (the one the proxy added), so a made-up one does not escape the wait', async () => {
    expect((await loginAs('anna@example.lv', 'wrong', '203.0.113.9, 10.0.0.1')).status).toBe(401);
    expect((await loginAs('anna@example.lv', 'anna-parole', '198.51.100.7, 10.0.0.1')).status).toBe(429);
  });

  it('a pair quiet for a day is forgotten, and its row pruned', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await loginAs('anna@example.lv', `wrong-${i}`)).status).toBe(401);
      server.time.now += 60 * 1000;
    }
    expect(await server.store.findLoginAttempt('anna@example.lv', '10.0.0.1')).toMatchObject({ failures: 5 });
    server.time.now += 24 * 60 * 60 * 1000;
    expect((await loginAs('koord@example.lv', 'wrong', '10.3.0.1')).status).toBe(401);
    expect(await server.store.findLoginAttempt('anna@example.lv', '10.0.0.1')).toBeUndefined();
    expect(await server.store.findLoginAttempt('koord@example.lv', '10.3.0.1')).toMatchObject({ failures: 1 });
  });
});

describe.each(backends())('setup link guesses on $name', (backend) => {
  it('are slowed down like sign-ins, per address', async () => {
    const server = await startServer(backend, { trustProxy: true });
    try {
      const link = await setupLinkIfEmpty(server.store, server.config, server.time.now);
      const form = (token: string) => ({ token, organisation: 'Latgales centrs', name: 'Ilze Kalniņa', email: 'ilze@example.lv', password: 'pirmā-parole' });
      const setup = (token: string, address: string) => call(server, 'POST', '/api/setup', { json: form(token), headers: { 'X-Forwarded-For': address } });
      expect(errorCode(await setup('A'.repeat(43), '10.5.0.1'))).toBe('invalid_setup_token');
      const again = await setup('B'.repeat(43), '10.5.0.1');
      expect([again.status, again.headers.get('Retry-After')]).toEqual([429, '1']);
      expect(errorCode(await setup('C'.repeat(43), '10.5.0.2'))).toBe('invalid_setup_token');
      server.time.now += 1000;
      expect((await setup(link!.slice(link!.indexOf('#') + 1), '10.5.0.1')).status).toBe(201);
      expect(await server.store.findLoginAttempt('setup link', '10.5.0.1')).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
