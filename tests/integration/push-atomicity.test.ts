// A push is applied whole or not at all, and concurrent pushes serialise
// cleanly (docs/quality-bars.md: "the server killed mid-batch leaves no partial batch and
// the retry completes").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { KyselyStore } from '../../server/store/kysely-store';
import type { PushTransaction } from '../../server/store/store';
import { communityFields, needFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { createOrganisation, pullAll, push, type TestOrganisation, type TestServer, startServer, TEST_PASSWORD_COST } from './support/harness';

describe.each(backends())('push atomicity on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  beforeEach(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Atomāra organizācija');
  });
  afterEach(async () => {
    await server.close();
  });

  it('a push that fails half way (after its records were written) leaves nothing; the retry applies it once', async () => {
    class CrashingStore extends KyselyStore {
      crashes = 1;
      override runPush<T>(work: (tx: PushTransaction) => Promise<T>): Promise<T> {
        return super.runPush((tx) => work({
          ...tx,
          saveAppliedMutations: async (rows) => {
            if (this.crashes-- > 0) throw new Error('power cut');
            return tx.saveAppliedMutations(rows);
          },
        }));
      }
    }
    const store = new CrashingStore(server.store.db, server.store.kind);
    const app = createApp({ store, config: server.config, now: () => server.time.now, passwordCost: TEST_PASSWORD_COST });
    const tablet = new TestDevice('tablet-a', () => server.time.now, org.coordinator.token);
    const communityId = tablet.create('communities', communityFields());
    for (let i = 0; i < 5; i++) tablet.create('needs', needFields(communityId, { title: `Vajadzība ${i}` }));
    const body = JSON.stringify({ protocol: 1, deviceId: 'tablet-a', mutations: tablet.outbox });
    const headers = { Authorization: `Bearer ${org.coordinator.token}`, 'Content-Type': 'application/json' };

    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await app.request('/api/sync/push', { method: 'POST', headers, body });
    quiet.mockRestore();
    expect(failed.status).toBe(500);
    expect((await pullAll(server, org.coordinator.token)).changes.filter((c) => c.table !== 'members')).toEqual([]);
    const headBefore = await server.store.readHead();

    const retried = await app.request('/api/sync/push', { method: 'POST', headers, body });
    expect(retried.status).toBe(200);
    const { changes } = await pullAll(server, org.coordinator.token);
    expect(changes.filter((c) => c.table !== 'members')).toHaveLength(6);
    expect((await server.store.readHead()).seq).toBe(headBefore.seq + 6);
  });

  it('concurrent pushes from many devices: every mutation applied once, seqs unique, everyone converges', async () => {
    const seed = new TestDevice('seed', () => server.time.now, org.coordinator.token);
    const communityId = seed.create('communities', communityFields());
    const needIds = Array.from({ length: 5 }, (_, i) => seed.create('needs', needFields(communityId, { title: `Vajadzība ${i}` })));
    await seed.sync(server);

    const devices = Array.from({ length: 20 }, (_, i) => new TestDevice(`tablet-${i}`, () => server.time.now + i, org.coordinator.token));
    await Promise.all(devices.map((device) => device.sync(server)));
    for (const [i, device] of devices.entries()) {
      for (const needId of needIds) device.update('needs', needId, { title: `No ${device.deviceId}`, owner: `owner ${i}` });
      device.create('needs', needFields(communityId, { title: `Jauna no ${i}` }));
    }
    const batches = devices.map((device) => device.outbox);
    const replies = await Promise.all(devices.map((device, i) => push(server, org.coordinator.token, device.deviceId, batches[i]!)));
    for (const [i, reply] of replies.entries()) {
      expect(reply.rejected).toEqual([]);
      expect(reply.acked).toEqual(devices[i]!.outbox.map((m) => m.id));
    }
    for (const device of devices) device.outbox = [];
    for (const device of devices) await device.sync(server);

    const { changes } = await pullAll(server, org.coordinator.token);
    const seqs = changes.map((c) => c.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(changes.filter((c) => c.table === 'needs')).toHaveLength(5 + 20);
    // The same title everywhere: the one with the latest clock.
    for (const needId of needIds) {
      const titles = new Set(devices.map((device) => device.value(needId, 'title')));
      expect(titles.size).toBe(1);
      expect(changes.find((c) => c.recordId === needId)?.fields.title).toBe([...titles][0]);
    }
    // Replaying every push, all at once again, changes nothing.
    const head = await server.store.readHead();
    const replays = await Promise.all(devices.map((device, i) => push(server, org.coordinator.token, device.deviceId, batches[i]!)));
    expect(replays).toEqual(replies.map((reply) => ({ ...reply, cursor: expect.any(String) })));
    expect(await server.store.readHead()).toEqual(head);
  });
});
