// One organisation can never see or change another's data, on every route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { userListResponseSchema } from '../../protocol/auth';
import { communityFields, needFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { call, createOrganisation, errorCode, pullAll, startServer, type TestOrganisation, type TestServer } from './support/harness';


/** Pulled records but the organisation's members (the server writes one per user). */
function ownRecords<T extends { table: string }>(changes: readonly T[]): T[] {
  return changes.filter((c) => c.table !== 'members');
}

describe.each(backends())('organisation isolation on $name', (backend) => {
  let server: TestServer;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let tabletA: TestDevice;
  let communityA: string;
  let needA: string;
  let aMutationIds: string[];

  beforeEach(async () => {
    server = await startServer(backend);
    orgA = await createOrganisation(server, 'Organizācija A', 'a@example.lv');
    orgB = await createOrganisation(server, 'Organizācija B', 'b@example.lv');
    tabletA = new TestDevice('tablet-a', () => server.time.now, orgA.coordinator.token);
    communityA = tabletA.create('communities', communityFields({ name: 'A kopiena' }));
    needA = tabletA.create('needs', needFields(communityA, { title: 'A noslēpums' }));
    aMutationIds = tabletA.outbox.map((mutation) => mutation.id);
    await tabletA.sync(server);
  });
  afterEach(async () => {
    await server.close();
  });

  it('B pulls none of A\'s records', async () => {
    const { changes } = await pullAll(server, orgB.coordinator.token);
    expect(changes.filter((c) => c.table !== 'members').map((c) => c.recordId)).toEqual([]);
    expect(changes.filter((c) => c.table === 'members').map((c) => c.recordId)).toEqual([orgB.coordinator.user.id]);
    expect(ownRecords((await pullAll(server, orgA.coordinator.token)).changes)).toHaveLength(2);
  });

  it('B cannot overwrite A\'s record by a guessed id: rejected forbidden, the record untouched', async () => {
    const tabletB = new TestDevice('tablet-b', () => server.time.now + 1000, orgB.coordinator.token);
    const communityB = tabletB.create('communities', communityFields({ name: 'B kopiena' }));
    tabletB.create('needs', needFields(communityB, { title: 'Pārrakstīts' }), needA); // a whole record under A's id
    tabletB.update('needs', needA, { title: 'Pārrakstīts' });
    tabletB.create('communities', communityFields({ name: 'Pārrakstīta' }), communityA);
    const reply = await tabletB.sync(server);
    expect(reply.acked).toHaveLength(1); // B's own community
    expect(reply.rejected.map((r) => r.code)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const { changes } = await pullAll(server, orgA.coordinator.token);
    expect(changes.find((c) => c.recordId === needA)?.fields.title).toBe('A noslēpums');
    expect(changes.find((c) => c.recordId === communityA)?.fields.name).toBe('A kopiena');
    expect(changes.filter((c) => c.table === 'conflicts')).toEqual([]);
  });

  it('B cannot file records under A\'s community', async () => {
    const tabletB = new TestDevice('tablet-b', () => server.time.now, orgB.coordinator.token);
    tabletB.create('needs', needFields(communityA, { title: 'Iezagusies' }));
    const reply = await tabletB.sync(server);
    expect(reply.rejected.map((r) => r.code)).toEqual(['unknown_community']);
    expect(ownRecords((await pullAll(server, orgA.coordinator.token)).changes)).toHaveLength(2);
  });

  it('B cannot pass off a mutation under A\'s mutation id (not acked as a replay)', async () => {
    const tabletB = new TestDevice('tablet-b', () => server.time.now, orgB.coordinator.token);
    const communityB = tabletB.create('communities', communityFields({ name: 'B kopiena' }));
    tabletB.outbox[0] = { ...tabletB.outbox[0]!, id: aMutationIds[0]! };
    const reply = await tabletB.sync(server);
    expect(reply.acked).toEqual([]);
    expect(reply.rejected).toEqual([{ id: aMutationIds[0], code: 'forbidden', message: expect.any(String) }]);
    expect((await pullAll(server, orgB.coordinator.token)).changes.map((c) => c.recordId)).not.toContain(communityB);
  });

  it('B\'s coordinator cannot list or manage A\'s users', async () => {
    const list = v.parse(userListResponseSchema, (await call(server, 'GET', '/api/users', { token: orgB.coordinator.token })).body);
    expect(list.users.map((u) => u.email)).toEqual(['b@example.lv']);
    const aUser = orgA.coordinator.user.id;
    for (const path of [`/api/users/${aUser}/deactivate`, `/api/users/${aUser}/activate`]) {
      const reply = await call(server, 'POST', path, { token: orgB.coordinator.token });
      expect([reply.status, errorCode(reply)]).toEqual([404, 'not_found']);
    }
    const reset = await call(server, 'POST', `/api/users/${aUser}/password`, { token: orgB.coordinator.token, json: { password: 'pārņemts-123' } });
    expect(reset.status).toBe(404);
    expect((await call(server, 'GET', '/api/auth/me', { token: orgA.coordinator.token })).status).toBe(200);
  });

  it('B cannot fetch A\'s blob by its hash (404), even though the bytes are stored', async () => {
    const bytes = new TextEncoder().encode('A fotogrāfija');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await call(server, 'PUT', `/api/blobs/${sha}`, { token: orgA.coordinator.token, body: bytes, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);
    const get = await call(server, 'GET', `/api/blobs/${sha}`, { token: orgB.coordinator.token });
    expect([get.status, errorCode(get)]).toEqual([404, 'not_found']);
    expect((await call(server, 'HEAD', `/api/blobs/${sha}`, { token: orgB.coordinator.token })).status).toBe(404);
    expect((await call(server, 'GET', `/api/blobs/${sha}`, { token: orgA.coordinator.token })).text).toBe('A fotogrāfija');
  });
});
