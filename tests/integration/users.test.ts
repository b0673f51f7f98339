// /api/users: coordinators manage their own organisation's users; facilitators may not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { userListResponseSchema, userResponseSchema } from '../../protocol/auth';
import { backends } from './support/backends';
import { call, createOrganisation, errorCode, errorMessage, login, startServer, type TestOrganisation, type TestServer } from './support/harness';

describe.each(backends())('users on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let token: string;
  beforeEach(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Kurzemes centrs', 'koord@example.lv');
    token = org.coordinator.token;
  });
  afterEach(async () => {
    await server.close();
  });

  const addFacilitator = async (email = 'peteris@example.lv') => {
    const reply = await call(server, 'POST', '/api/users', { token, json: { email, name: 'Pēteris Liepa', role: 'facilitator', password: 'pētera-parole' } });
    expect(reply.status).toBe(201);
    return v.parse(userResponseSchema, reply.body).user;
  };

  it('a coordinator adds a facilitator, who can then sign in; the list shows both', async () => {
    const user = await addFacilitator('Peteris@Example.lv');
    expect(user).toMatchObject({ email: 'peteris@example.lv', name: 'Pēteris Liepa', role: 'facilitator', active: true });
    expect((await login(server, 'peteris@example.lv', 'pētera-parole')).user.id).toBe(user.id);
    const list = v.parse(userListResponseSchema, (await call(server, 'GET', '/api/users', { token })).body);
    expect(list.users.map((u) => u.email).sort()).toEqual(['koord@example.lv', 'peteris@example.lv']);
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt/);
  });

  it('409 email_taken for an email in use; 400 for a bad form', async () => {
    await addFacilitator();
    const taken = await call(server, 'POST', '/api/users', { token, json: { email: 'PETERIS@example.lv', name: 'Cits', role: 'facilitator', password: 'cita-parole' } });
    expect([taken.status, errorCode(taken)]).toEqual([409, 'email_taken']);
    const badRole = await call(server, 'POST', '/api/users', { token, json: { email: 'x@example.lv', name: 'X', role: 'admin', password: 'parole-123' } });
    expect([badRole.status, errorCode(badRole)]).toEqual([400, 'bad_request']);
    expect(errorMessage(badRole)).toMatch(/role/);
  });

  it('a password reset changes the password and ends the user\'s sessions', async () => {
    const user = await addFacilitator();
    const session = await login(server, 'peteris@example.lv', 'pētera-parole');
    const reset = await call(server, 'POST', `/api/users/${user.id}/password`, { token, json: { password: 'jauna-parole' } });
    expect(reset.status).toBe(200);
    expect((await call(server, 'GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    expect((await call(server, 'POST', '/api/auth/login', { json: { email: 'peteris@example.lv', password: 'pētera-parole' } })).status).toBe(401);
    server.time.now += 1000; // a failed sign-in makes the next try from that address wait a second
    expect((await login(server, 'peteris@example.lv', 'jauna-parole')).user.id).toBe(user.id);
  });

  it('deactivate and activate; a coordinator cannot deactivate themselves', async () => {
    const user = await addFacilitator();
    const off = await call(server, 'POST', `/api/users/${user.id}/deactivate`, { token });
    expect(v.parse(userResponseSchema, off.body).user.active).toBe(false);
    const on = await call(server, 'POST', `/api/users/${user.id}/activate`, { token });
    expect(v.parse(userResponseSchema, on.body).user.active).toBe(true);
    expect((await login(server, 'peteris@example.lv', 'pētera-parole')).user.id).toBe(user.id);
    const self = await call(server, 'POST', `/api/users/${org.coordinator.user.id}/deactivate`, { token });
    expect([self.status, errorCode(self)]).toEqual([409, 'cannot_deactivate_self']);
    const missing = await call(server, 'POST', '/api/users/no-such-user/activate', { token });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'not_found']);
  });

  it('403 for a facilitator on every /api/users route', async () => {
    const user = await addFacilitator();
    const facilitator = await login(server, 'peteris@example.lv', 'pētera-parole');
    const attempts = [
      call(server, 'GET', '/api/users', { token: facilitator.token }),
      call(server, 'POST', '/api/users', { token: facilitator.token, json: { email: 'x@example.lv', name: 'X', role: 'coordinator', password: 'parole-123' } }),
      call(server, 'POST', `/api/users/${user.id}/password`, { token: facilitator.token, json: { password: 'parole-123' } }),
      call(server, 'POST', `/api/users/${org.coordinator.user.id}/deactivate`, { token: facilitator.token }),
      call(server, 'POST', `/api/users/${user.id}/activate`, { token: facilitator.token }),
    ];
    for (const reply of await Promise.all(attempts)) expect([reply.status, errorCode(reply)]).toEqual([403, 'forbidden']);
    expect((await call(server, 'GET', '/api/users')).status).toBe(401);
  });
});
