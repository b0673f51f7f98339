// Wrong clocks (docs/protocol.md, Clocks: "the server clamps a clock more than a day ahead of
// its own time"): three tablets built from the app's own parts (TalkaDatabase
// on fake-indexeddb, Notebook, SyncEngine with HttpTransport over app.request),
// one a year fast, one a year slow, one right. The fast one's edits are
// stamped no later than the server's time, so a later normal edit beats them;
// the slow one's edits still beat what it has seen (its clock moves past every
// clock it pulls); and all three end with the server's data.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hlcDeviceId, hlcWall, MAX_CLOCK_SKEW_MS } from '../../protocol';
import { HttpTransport } from '../../src/sync/http-transport';
import { communityFields, needFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { makeEngineDevice, type EngineDevice } from './support/engine-device';
import { createOrganisation, pullAll, startServer, type TestOrganisation, type TestServer } from './support/harness';

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;

describe.each(backends())('devices with wrong clocks on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  const devices: EngineDevice[] = [];

  beforeEach(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Pulksteņu biedrība');
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.close();
    await server.close();
  });

  function tablet(deviceId: string, skewMs: number): EngineDevice {
    const transport = new HttpTransport({
      baseUrl: 'http://talka.test',
      token: () => org.coordinator.token,
      fetch: (input, init) => Promise.resolve(server.app.request(String(input), init)),
    });
    const device = makeEngineDevice({ deviceId, transport, userId: org.coordinator.user.id, now: () => server.time.now + skewMs });
    devices.push(device);
    return device;
  }

  async function syncAll(...tablets: EngineDevice[]): Promise<void> {
    for (const device of tablets) expect(await device.syncUntilDone(1)).toBe(1);
  }

  async function serverRecords() {
    const { changes } = await pullAll(server, org.coordinator.token);
    return new Map(changes.map((change) => [change.recordId, { table: change.table, values: change.fields, clocks: change.clocks }]));
  }

  async function expectConverged(...tablets: EngineDevice[]): Promise<void> {
    await syncAll(...tablets);
    const held = await serverRecords();
    for (const device of tablets) expect(await device.records(), device.deviceId).toEqual(held);
  }

  it('a tablet a year ahead does not win every edit forever; a year behind still wins what it edits after seeing; all converge', async () => {
    const normal = tablet('tablet-normal', 0);
    const fast = tablet('tablet-fast', YEAR);
    const slow = tablet('tablet-slow', -YEAR);

    const communityId = await normal.notebook.create('communities', communityFields());
    const needId = await normal.notebook.create('needs', needFields(communityId, { title: 'Apgaismojums' }));
    await expectConverged(normal, fast, slow);

    // The fast tablet retitles the need: its clock, a year ahead, is clamped to the server's time.
    await fast.notebook.update('needs', needId, { title: 'No nākotnes', status: 'prioritised' });
    const sentClock = (await fast.db.outbox.toArray())[0]!.hlc;
    expect(hlcWall(sentClock)).toBeGreaterThan(server.time.now + YEAR - DAY);
    await syncAll(fast);
    let held = (await serverRecords()).get(needId)!;
    expect(held.values.title).toBe('No nākotnes');
    expect(hlcWall(held.clocks.title!)).toBeLessThanOrEqual(server.time.now + MAX_CLOCK_SKEW_MS);
    expect(hlcDeviceId(held.clocks.title!)).toBe('tablet-fast');
    // The fast tablet itself now holds the clamped clock, not its own.
    expect((await fast.records()).get(needId)!.clocks.title).toBe(held.clocks.title);

    // Past the clamp window in server time, a normal edit made after it wins — no conflict, nothing lost.
    server.time.now += DAY + 60_000;
    await syncAll(normal);
    await normal.notebook.update('needs', needId, { title: 'Vēlāk, pareizi' });
    await syncAll(normal);
    held = (await serverRecords()).get(needId)!;
    expect(held.values.title).toBe('Vēlāk, pareizi');
    expect(held.values.status).toBe('prioritised');

    // And again: the fast tablet edits, then the normal one later; the later one wins each time.
    server.time.now += 2 * DAY;
    await syncAll(fast);
    await fast.notebook.update('needs', needId, { status: 'in_progress' });
    await syncAll(fast);
    server.time.now += 2 * DAY;
    await syncAll(normal);
    await normal.notebook.update('needs', needId, { status: 'solved' });
    await syncAll(normal);
    expect((await serverRecords()).get(needId)!.values.status).toBe('solved');

    // The slow tablet, a year behind, has pulled all of it: its next edit is later than everything it saw, so it wins.
    await syncAll(slow);
    await slow.notebook.update('needs', needId, { title: 'No pagātnes, bet pēdējais' });
    await slow.notebook.create('needs', needFields(communityId, { title: 'Jauna no lēnās planšetes' }));
    await syncAll(slow);
    held = (await serverRecords()).get(needId)!;
    expect(held.values.title).toBe('No pagātnes, bet pēdējais');

    await expectConverged(normal, fast, slow);
    await expectConverged(normal, fast, slow);
    const records = await serverRecords();
    expect([...records.values()].filter((r) => r.table === 'conflicts')).toEqual([]);
    expect([...records.values()].filter((r) => r.table === 'needs').map((r) => r.values.title).sort()).toEqual(['Jauna no lēnās planšetes', 'No pagātnes, bet pēdējais']);
  });

  it('concurrent edits by a fast and a normal tablet: the one made later in server time wins, the other is kept as a conflict', async () => {
    const normal = tablet('tablet-normal', 0);
    const fast = tablet('tablet-fast', YEAR);
    const communityId = await normal.notebook.create('communities', communityFields());
    const needId = await normal.notebook.create('needs', needFields(communityId, { title: 'Sākums' }));
    await expectConverged(normal, fast);

    // The fast tablet edits and syncs; two days later the normal one, which has not pulled since, edits the same title.
    server.time.now += 60_000;
    await fast.notebook.update('needs', needId, { title: 'Ātrās planšetes' });
    await syncAll(fast);
    server.time.now += 2 * DAY;
    await normal.notebook.update('needs', needId, { title: 'Parastās planšetes' });
    await syncAll(normal);

    await expectConverged(normal, fast);
    const records = [...(await serverRecords()).values()];
    const held = records.find((r) => r.table === 'needs')!;
    // Without the clamp the fast tablet's clock (a year ahead) would have won.
    expect(held.values.title).toBe('Parastās planšetes');
    const conflicts = records.filter((r) => r.table === 'conflicts');
    expect(conflicts.map((c) => [c.values.winnerValue, c.values.loserValue])).toEqual([['Parastās planšetes', 'Ātrās planšetes']]);
  });
});
