import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type EditableFields, type PullResponse, type PushRequest, type PushResponse } from '../../protocol';
import { Notebook, TalkaDatabase, applyPullPage, countRejectedChanges, loadCursor, saveDeviceLabel, watchOutbox } from '../db';
import { ManualTimers, MemoryServer } from '../../testing/memory-server';
import { backoffDelay } from './backoff';
import { SyncEngine, type SyncEngineOptions } from './engine';
import { ApiError } from '../net/api-error';
import type { Transport } from './transport';

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const newId = () => uuidv7(Date.now(), randomBytes);

const community: EditableFields<'communities'> = {
  name: 'Ērgļu kopiena', municipality: 'LV-056', parish: 'Ērgļi', description: '', maturity: 'active', contacts: [],
};
const need = (communityId: string, title: string): EditableFields<'needs'> => ({
  communityId, workshopId: null, title, description: '', category: 'mobility', status: 'raised', owner: '',
});

interface Device {
  db: TalkaDatabase;
  notebook: Notebook;
  engine: SyncEngine;
  timers: ManualTimers;
}

const devices: Device[] = [];

function makeDevice(deviceId: string, transport: Transport, now: () => number = () => Date.now(), extra: Partial<SyncEngineOptions> = {}): Device {
  const db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  const notebook = new Notebook({ db, deviceId, now });
  const timers = new ManualTimers();
  const engine = new SyncEngine({
    db, transport, deviceId, newId, timers, now, random: () => 0.5, authors: () => new Set([deviceId]), ...extra,
  });
  const device = { db, notebook, engine, timers };
  devices.push(device);
  return device;
}

afterEach(async () => {
  for (const device of devices.splice(0)) {
    device.engine.stop();
    device.db.close();
    await device.db.delete();
  }
});

let server: MemoryServer;
beforeEach(() => {
  server = new MemoryServer();
});

describe('SyncEngine', () => {
  it('a token that expired while offline keeps everything on the device and reports unauthorized; the next session sends it', async () => {
    const real = server.transport();
    let expired = true;
    const refusing: Transport = {
      push: (request, since) => (expired ? Promise.reject(new ApiError(401, 'unauthorized', 'Sign in again')) : real.push(request, since)),
      pull: (cursor, limit) => (expired ? Promise.reject(new ApiError(401, 'unauthorized', 'Sign in again')) : real.pull(cursor, limit)),
    };
    const a = makeDevice('tabletA', refusing);
    const communityId = await a.notebook.create('communities', community);
    await a.engine.run();
    expect(a.engine.getStatus().lastFailure).toBe('unauthorized');
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.db.communities.get(communityId))?.name).toBe('Ērgļu kopiena');

    expired = false; // signed in again
    await a.engine.syncNow();
    expect(a.engine.getStatus().lastFailure).toBeNull();
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('pushes the outbox, empties it, and another device pulls the same records', async () => {
    const a = makeDevice('tabletA', server.transport());
    const b = makeDevice('tabletB', server.transport());
    const communityId = await a.notebook.create('communities', community);
    await a.notebook.create('needs', need(communityId, 'Ceļa apgaismojums'));
    await a.engine.run();
    expect(await a.db.outbox.count()).toBe(0);
    await b.engine.run();
    expect((await b.db.communities.get(communityId))?.name).toBe('Ērgļu kopiena');
    expect(await b.db.needs.where('communityId').equals(communityId).count()).toBe(1);
    expect(a.engine.getStatus()).toMatchObject({ lastFailure: null });
    expect(a.engine.getStatus().lastSyncAt).not.toBeNull();
  });

  it('two tablets checking people in and adding needs offline end with the union, no duplicates', async () => {
    const a = makeDevice('tabletA', server.transport());
    const b = makeDevice('tabletB', server.transport());
    const communityId = await a.notebook.create('communities', community);
    const workshopId = await a.notebook.create('workshops', {
      communityId, title: 'Darbnīca', kind: 'workshop', date: '2026-11-20', startTime: '', endTime: '', place: '',
      programme: '', facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    });
    const participantId = await a.notebook.create('participants', {
      communityId, name: 'Jānis Bērziņš', household: '', phone: '', email: '', role: 'resident',
      consentData: true, consentPhotos: false, consentDate: '2026-11-20', erased: false,
    });
    await a.engine.run();
    await b.engine.run();
    const workshop = { id: workshopId, communityId };
    // Both offline: both check the same person in, each adds a need.
    await a.notebook.checkIn(workshop, participantId);
    await b.notebook.checkIn(workshop, participantId);
    await a.notebook.create('needs', need(communityId, 'Soliņi'));
    await b.notebook.create('needs', need(communityId, 'Bibliotēka'));
    await a.engine.run();
    await b.engine.run();
    await a.engine.run();
    for (const device of [a, b]) {
      expect(await device.db.attendance.where('workshopId').equals(workshopId).count()).toBe(1);
      const titles = (await device.db.needs.toArray()).map((n) => n.title).sort();
      expect(titles).toEqual(['Bibliotēka', 'Soliņi']);
    }
    expect(server.table('conflicts')).toEqual([]);
  });

  it('a push whose response is lost after the server committed is replayed and applied once', async () => {
    let dropNext = true;
    const transport: Transport = {
      push: async (request) => {
        const response = server.push(structuredClone(request));
        if (dropNext) {
          dropNext = false;
          throw new ApiError(0, 'network', 'connection reset after commit');
        }
        return response;
      },
      pull: async (cursor, limit) => server.pull(cursor, limit),
    };
    const a = makeDevice('tabletA', transport);
    const communityId = await a.notebook.create('communities', community);
    await a.engine.run();
    expect(a.engine.getStatus().lastFailure).toBe('network');
    expect(await a.db.outbox.count()).toBe(1);
    await a.engine.run();
    expect(await a.db.outbox.count()).toBe(0);
    expect(server.table('communities').map((c) => c.id)).toEqual([communityId]);
    expect(server.applied.size).toBe(1);
  });

  it('a refused change is kept and shown, and does not block the ones behind it', async () => {
    const a = makeDevice('tabletA', server.transport());
    const communityId = await a.notebook.create('communities', community);
    // A change the server will refuse, queued between two good ones.
    await a.db.outbox.add({ id: newId(), table: 'needs', recordId: newId(), op: 'put', fields: { bad: 1 }, base: {}, hlc: '0000000000001:0000:tabletA', author: 'tabletA' });
    await a.notebook.create('needs', need(communityId, 'Tilts'));
    await a.engine.run();
    const left = await a.db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]!.rejection).toEqual({ code: 'invalid_fields', message: 'bad: unknown field' });
    expect(server.table('needs')).toHaveLength(1);
    expect(await countRejectedChanges(a.db)).toBe(1);
    // The next sync does not send it again.
    const pushes = server.pushes;
    await a.engine.run();
    expect(server.pushes).toBe(pushes);
  });

  it('a pull never overwrites a field this device changed and has not sent', async () => {
    const a = makeDevice('tabletA', server.transport());
    const b = makeDevice('tabletB', server.transport());
    const communityId = await a.notebook.create('communities', community);
    await a.engine.run();
    await b.engine.run();
    await b.notebook.update('communities', communityId, { description: 'from B' });
    await b.engine.run();
    await a.notebook.update('communities', communityId, { description: 'typed on A, unsent' });
    // Pull only (as when the push is still to come): B's newer server value arrives.
    const page = server.pull(await loadCursor(a.db), 1000);
    expect(page.changes.some((change) => change.fields.description === 'from B')).toBe(true);
    await applyPullPage(a.db, 'tabletA', page.changes, page.cursor, Date.now());
    expect((await a.db.communities.get(communityId))?.description).toBe('typed on A, unsent');
    // Once sent, the later clock wins everywhere and the loser is kept as a conflict.
    await a.engine.run();
    await b.engine.run();
    expect((await b.db.communities.get(communityId))?.description).toBe('typed on A, unsent');
    const conflicts = await b.db.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ field: 'description', loserValue: 'from B', winnerValue: 'typed on A, unsent' });
  });

  it('pulls page by page until the server has no more', async () => {
    const a = makeDevice('tabletA', server.transport());
    const communityId = await a.notebook.create('communities', community);
    for (let i = 0; i < 25; i++) await a.notebook.create('needs', need(communityId, `Vajadzība ${i}`));
    await a.engine.run();
    const pulls: (string | null)[] = [];
    const counting: Transport = {
      push: async (r) => server.push(r),
      pull: async (cursor, limit) => {
        pulls.push(cursor);
        return server.pull(cursor, limit);
      },
    };
    const b = makeDevice('tabletB', counting);
    const engine = new SyncEngine({ db: b.db, transport: counting, deviceId: 'tabletB', newId, timers: new ManualTimers(), authors: () => new Set(['tabletB']), pullLimit: 10 });
    await engine.run();
    engine.stop();
    expect(pulls).toHaveLength(3);
    expect(await b.db.needs.count()).toBe(25);
  });

  it('retries after failures with growing, jittered delays and resets after success', async () => {
    let online = false;
    const flaky: Transport = {
      push: async (r) => { if (!online) throw new ApiError(0, 'network', 'offline'); return server.push(r); },
      pull: async (c, l) => { if (!online) throw new ApiError(503, 'http_error', '503'); return server.pull(c, l); },
    };
    const a = makeDevice('tabletA', flaky);
    await a.notebook.create('communities', community);
    await a.engine.start();
    expect(a.timers.delays()).toEqual([backoffDelay(1, () => 0.5)]);
    await a.engine.run();
    expect(a.timers.delays()).toEqual([backoffDelay(2, () => 0.5)]);
    expect(backoffDelay(2, () => 0.5)).toBeGreaterThan(backoffDelay(1, () => 0.5));
    online = true;
    await a.engine.run();
    expect(await a.db.outbox.count()).toBe(0);
    expect(a.timers.delays()).toEqual([2 * 60_000]);
  });

  it('schedules a sync a few seconds after a local write', async () => {
    const a = makeDevice('tabletA', server.transport());
    await a.engine.start();
    a.timers.pending.clear();
    await a.notebook.create('communities', community);
    await expect.poll(() => a.timers.delays()).toContain(3_000);
    a.timers.fireAll();
    await expect.poll(async () => a.db.outbox.count()).toBe(0);
  });

  it('never sends changes made by another user', async () => {
    const a = makeDevice('tabletA', server.transport());
    const other = new Notebook({ db: a.db, deviceId: 'tabletA', author: () => 'user-2' });
    await other.create('communities', community);
    await a.engine.run();
    expect(await a.db.outbox.count()).toBe(1);
    expect(server.records.size).toBe(0);
  });

  it('when the server lost history (cursor ahead), the device sends everything again and re-pulls', async () => {
    const a = makeDevice('tabletA', server.transport());
    const communityId = await a.notebook.create('communities', community);
    await a.notebook.create('needs', need(communityId, 'Skola'));
    await a.engine.run();
    // The server is restored from an empty backup.
    const restored = new MemoryServer();
    let reset = true;
    const transport: Transport = {
      push: async (r) => restored.push(structuredClone(r)),
      pull: async (cursor, limit): Promise<PullResponse> => {
        if (reset && cursor !== null && Number(cursor) > restored.seq) {
          reset = false;
          throw new ApiError(409, 'cursor_reset', 'cursor ahead of server');
        }
        return restored.pull(cursor, limit);
      },
    };
    const engine = new SyncEngine({ db: a.db, transport, deviceId: 'tabletA', newId, timers: new ManualTimers(), authors: () => new Set(['tabletA']) });
    await engine.run();
    engine.stop();
    expect(restored.table('communities').map((c) => c.name)).toEqual(['Ērgļu kopiena']);
    expect(restored.table('needs').map((n) => n.title)).toEqual(['Skola']);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('names the device by its label in each push once people have given it one', async () => {
    const labels: (string | undefined)[] = [];
    const transport: Transport = {
      push: async (request) => {
        labels.push(request.deviceLabel);
        return server.push(structuredClone(request));
      },
      pull: async (cursor, limit) => server.pull(cursor, limit),
    };
    const a = makeDevice('tabletA', transport);
    const communityId = await a.notebook.create('communities', community);
    await a.engine.run();
    await saveDeviceLabel(a.db, '  Planšete 2 ');
    await a.notebook.create('needs', need(communityId, 'Skola'));
    await a.engine.run();
    expect(labels).toEqual([undefined, 'Planšete 2']);
  });

  it('splits a batch the server finds too large', async () => {
    const sizes: number[] = [];
    const transport: Transport = {
      push: async (request: PushRequest): Promise<PushResponse> => {
        sizes.push(request.mutations.length);
        if (request.mutations.length > 2) throw new ApiError(413, 'payload_too_large', '413');
        return server.push(request);
      },
      pull: async (c, l) => server.pull(c, l),
    };
    const a = makeDevice('tabletA', transport);
    const communityId = await a.notebook.create('communities', community);
    for (let i = 0; i < 4; i++) await a.notebook.create('needs', need(communityId, `N${i}`));
    await a.engine.run();
    expect(await a.db.outbox.count()).toBe(0);
    expect(sizes[0]).toBe(5);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(2);
  });
});

describe('SyncEngine pushing in batches', () => {
  /** Tablet A with an engine that sends `pushBatchSize` changes a push. */
  function deviceWithBatches(transport: Transport, pushBatchSize: number) {
    const a = makeDevice('tabletA', transport);
    const engine = new SyncEngine({
      db: a.db, transport, deviceId: 'tabletA', newId, timers: a.timers, random: () => 0.5, authors: () => new Set(['tabletA']), pushBatchSize,
    });
    return { a, engine };
  }

  it('keeps one push on the wire at a time, in outbox order, while the next batch is readied; everything arrives once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const batches: string[][] = [];
    const prepared: number[] = [];
    const transport: Transport = {
      push: async () => { throw new Error('the engine should send prepared pushes'); },
      preparePush: async (request) => {
        prepared.push(request.mutations.length);
        return async () => {
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          batches.push(request.mutations.map((mutation) => String(mutation.fields.title ?? mutation.fields.name)));
          // Answer a little later, so the next batch is readied meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          return structuredClone(server.push(structuredClone(request)));
        };
      },
      pull: async (cursor, limit) => structuredClone(server.pull(cursor, limit)),
    };
    const { a, engine } = deviceWithBatches(transport, 3);
    const communityId = await a.notebook.create('communities', community);
    for (let i = 0; i < 10; i++) await a.notebook.create('needs', need(communityId, `N${i}`));
    await engine.run();
    engine.stop();
    expect(mostInFlight).toBe(1);
    expect(batches).toEqual([['Ērgļu kopiena', 'N0', 'N1'], ['N2', 'N3', 'N4'], ['N5', 'N6', 'N7'], ['N8', 'N9']]);
    expect(prepared).toEqual([3, 3, 3, 2]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(server.table('needs')).toHaveLength(10);
    expect(engine.getStatus()).toMatchObject({ lastFailure: null });
  });

  it('a failed push leaves the rest of the outbox queued and the batches acknowledged before it settled', async () => {
    let pushes = 0;
    const transport: Transport = {
      push: async (request) => {
        if (++pushes === 2) throw new ApiError(0, 'network', 'cut');
        return structuredClone(server.push(structuredClone(request)));
      },
      pull: async (cursor, limit) => structuredClone(server.pull(cursor, limit)),
    };
    const { a, engine } = deviceWithBatches(transport, 2);
    const communityId = await a.notebook.create('communities', community);
    for (let i = 0; i < 5; i++) await a.notebook.create('needs', need(communityId, `N${i}`));
    await engine.run();
    engine.stop();
    expect(engine.getStatus().lastFailure).toBe('network');
    expect(await a.db.outbox.count()).toBe(4);
    expect(server.table('needs')).toHaveLength(1);
  });
});

describe('SyncEngine scheduling', () => {
  it('a write that lands while a sync is pulling is sent by a follow-up run, not left for the idle timer', async () => {
    const server = new MemoryServer();
    let releasePull: () => void = () => {};
    let holdPull = true;
    const transport: Transport = {
      push: async (r) => server.push(structuredClone(r)),
      pull: async (cursor, limit) => {
        if (holdPull) {
          holdPull = false;
          await new Promise<void>((resolve) => { releasePull = resolve; });
        }
        return server.pull(cursor, limit);
      },
    };
    // The counts the engine has been told of, recorded after it acted on each.
    const noticed: number[] = [];
    const a = makeDevice('tabletA', transport, undefined, {
      watchOutbox: (db, onCount) => watchOutbox(db, (count) => { onCount(count); noticed.push(count); }),
    });
    const started = a.engine.start();
    await expect.poll(() => holdPull).toBe(false);
    await a.notebook.create('communities', community);
    await expect.poll(() => noticed.at(-1)).toBe(1);
    releasePull();
    await started;
    await expect.poll(async () => a.db.outbox.count()).toBe(0);
    expect(server.table('communities')).toHaveLength(1);
  });
});
