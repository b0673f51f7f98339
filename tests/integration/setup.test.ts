// The first start: a one-time setup link creates the organisation and its first coordinator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { sessionResponseSchema, setupStatusResponseSchema } from '../../protocol/auth';
import { setupLinkIfEmpty } from '../../server/setup-link';
import { backends } from './support/backends';
import { call, errorCode, login, startServer, type TestServer } from './support/harness';

const HOUR = 60 * 60 * 1000;

describe.each(backends())('setup on $name', (backend) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer(backend);
  });
  afterEach(async () => {
    await server.close();
  });

  const form = (token: string) => ({ token, organisation: 'Latgales kopienu centrs', name: 'Ilze Kalniņa', email: 'Ilze@Example.lv ', password: 'pirmā-parole' });
  const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1);

  it('the link printed on an empty database creates the organisation and its coordinator, once', async () => {
    const status = await call(server, 'GET', '/api/setup/status');
    expect(v.parse(setupStatusResponseSchema, status.body)).toEqual({ needed: true });

    const link = await setupLinkIfEmpty(server.store, server.config, server.time.now);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/setup#[A-Za-z0-9_-]{43}$/);

    const created = await call(server, 'POST', '/api/setup', { json: form(tokenOf(link!)) });
    expect(created.status).toBe(201);
    const session = v.parse(sessionResponseSchema, created.body);
    expect(session.user).toMatchObject({ name: 'Ilze Kalniņa', email: 'ilze@example.lv', role: 'coordinator' });
    expect(session.organisation.name).toBe('Latgales kopienu centrs');
    expect((await call(server, 'GET', '/api/auth/me', { token: session.token })).status).toBe(200);
    expect((await login(server, 'ilze@example.lv', 'pirmā-parole')).user.id).toBe(session.user.id);

    expect((await call(server, 'GET', '/api/setup/status')).body).toEqual({ needed: false });
    const again = await call(server, 'POST', '/api/setup', { json: form(tokenOf(link!)) });
    expect([again.status, errorCode(again)]).toEqual([409, 'already_set_up']);
    expect(await setupLinkIfEmpty(server.store, server.config, server.time.now)).toBeNull();
  });

  it('refuses a wrong token and one older than 24 hours', async () => {
    const link = await setupLinkIfEmpty(server.store, server.config, server.time.now);
    const wrong = await call(server, 'POST', '/api/setup', { json: form('A'.repeat(43)) });
    expect([wrong.status, errorCode(wrong)]).toEqual([403, 'invalid_setup_token']);
    server.time.now += 24 * HOUR + 1;
    const late = await call(server, 'POST', '/api/setup', { json: form(tokenOf(link!)) });
    expect([late.status, errorCode(late)]).toEqual([403, 'invalid_setup_token']);
    expect((await call(server, 'GET', '/api/setup/status')).body).toEqual({ needed: true });
  });

  it('checks the form: bad email, short password, unknown fields', async () => {
    const link = await setupLinkIfEmpty(server.store, server.config, server.time.now);
    const token = tokenOf(link!);
    for (const body of [{ ...form(token), email: 'nav-epasts' }, { ...form(token), password: 'īsa' }, { ...form(token), admin: true }]) {
      const reply = await call(server, 'POST', '/api/setup', { json: body });
      expect([reply.status, errorCode(reply)]).toEqual([400, 'bad_request']);
    }
    // The token was not used up by the bad forms.
    expect((await call(server, 'POST', '/api/setup', { json: form(token) })).status).toBe(201);
  });
});
