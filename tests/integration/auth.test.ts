// Login, logout, me, token lifetime and the login rate limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { meResponseSchema, sessionResponseSchema } from '../../protocol/auth';
import { hashToken } from '../../server/auth/tokens';
import { backends } from './support/backends';
import { addUserDirectly, call, createOrganisation, errorCode, startServer, type TestOrganisation, type TestServer } from './support/harness';

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

  it('10 failures for one email within 15 minutes lock that email (429), whatever the address', async () => {
    for (let i = 0; i < 10; i++) expect((await loginAs('anna@example.lv', `wrong-${i}`, `10.1.0.${i}`)).status).toBe(401);
    const locked = await loginAs('anna@example.lv', 'anna-parole', '10.9.9.9');
    expect([locked.status, errorCode(locked)]).toEqual([429, 'too_many_attempts']);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Other emails are not affected.
    expect((await loginAs('koord@example.lv', 'coordinator-pass', '10.9.9.9')).status).toBe(200);
    server.time.now += 15 * 60 * 1000 + 1;
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.9.9.9')).status).toBe(200);
  });

  it('30 failures from one address lock that address (429) for every email', async () => {
    for (let i = 0; i < 30; i++) expect((await loginAs(`guess${i}@example.lv`, 'wrong', '10.2.0.1')).status).toBe(401);
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.2.0.1')).status).toBe(429);
    expect((await loginAs('anna@example.lv', 'anna-parole', '10.2.0.2')).status).toBe(200);
  });
});
