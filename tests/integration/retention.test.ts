// Applied mutation ids are kept for the retention period (90 days by default,
// APPLIED_MUTATION_RETENTION_DAYS) and then pruned (server/sync/retention.ts).
// These tests pin what a push gets for a replay older than that, and that a
// device away longer than that loses nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneAppliedMutations } from '../../server/sync/retention';
import { communityFields, needFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { createOrganisation, pullAll, push, startServer, type TestOrganisation, type TestServer } from './support/harness';

const DAY = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 90;

describe.each(backends())('applied mutation retention on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;

  beforeEach(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Latgales biedrība');
  });
  afterEach(async () => {
    await server.close();
  });

  const device = (name: string) => new TestDevice(name, () => server.time.now, org.coordinator.token);
  const conflictsOf = async () => (await pullAll(server, org.coordinator.token)).changes.filter((change) => change.table === 'conflicts');

  it('prunes ids older than the retention period and keeps younger ones', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    await tablet.sync(server);
    server.time.now += 30 * DAY;
    tablet.create('needs', needFields(communityId));
    await tablet.sync(server);
    server.time.now += (RETENTION_DAYS - 30) * DAY + 1;
    expect(await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS)).toBe(1);
    expect(await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS)).toBe(0);
    server.time.now += 30 * DAY;
    expect(await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS)).toBe(1);
  });

  it('a replay older than the retention period is acknowledged and, where the server holds its value at its clock, changes nothing', async () => {
    const tablet = device('tablet-a');
    const communityId = tablet.create('communities', communityFields());
    tablet.create('needs', needFields(communityId));
    const sent = [...tablet.outbox];
    await tablet.sync(server);
    const head = await server.store.readHead(org.orgId);
    const before = await pullAll(server, org.coordinator.token);

    server.time.now += (RETENTION_DAYS + 1) * DAY;
    expect(await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS)).toBe(2);
    const replay = await push(server, org.coordinator.token, tablet.deviceId, sent);
    expect(replay.acked).toEqual(sent.map((mutation) => mutation.id));
    expect(replay.rejected).toEqual([]);
    expect(await server.store.readHead(org.orgId)).toEqual(head);
    expect((await pullAll(server, org.coordinator.token, before.cursor)).changes).toEqual([]);
    expect(await conflictsOf()).toEqual([]);
  });

  it('a replay older than the retention period whose field another device has since replaced loses by clock and is kept as a conflict, as an unsent change would be', async () => {
    const a = device('tablet-a');
    const b = device('tablet-b');
    const communityId = a.create('communities', communityFields());
    const needId = a.create('needs', needFields(communityId, { title: 'Pirmais nosaukums' }));
    const sent = [...a.outbox];
    await a.sync(server);
    await b.sync(server);
    server.time.now += DAY;
    b.update('needs', needId, { title: 'Otrais nosaukums' });
    await b.sync(server);

    server.time.now += (RETENTION_DAYS + 1) * DAY;
    await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS);
    const replay = await push(server, org.coordinator.token, a.deviceId, sent);
    expect(replay.acked).toEqual(sent.map((mutation) => mutation.id));
    const need = (await pullAll(server, org.coordinator.token)).changes.find((change) => change.recordId === needId);
    expect(need?.fields.title).toBe('Otrais nosaukums');
    const conflicts = await conflictsOf();
    expect(conflicts.map((conflict) => [conflict.fields.field, conflict.fields.winnerValue, conflict.fields.loserValue]))
      .toEqual([['title', 'Otrais nosaukums', 'Pirmais nosaukums']]);
  });

  it('a device offline longer than the retention period still has its unsent changes applied', async () => {
    const a = device('tablet-a');
    const communityId = a.create('communities', communityFields());
    const needId = a.create('needs', needFields(communityId));
    await a.sync(server);
    a.update('needs', needId, { status: 'prioritised' });
    server.time.now += (RETENTION_DAYS + 30) * DAY;
    await pruneAppliedMutations(server.store, server.time.now, RETENTION_DAYS);
    await a.sync(server);
    const need = (await pullAll(server, org.coordinator.token)).changes.find((change) => change.recordId === needId);
    expect(need?.fields.status).toBe('prioritised');
  });
});
