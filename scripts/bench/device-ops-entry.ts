// Runs in Chromium, bundled by device-ops.ts (an IIFE that sets
// globalThis.talkaDeviceOps). Three jobs:
// - seed a TalkaDatabase with a community the size of a real one (5,000
//   people with Latvian names, 2,000 needs, workshops, attendance), every row
//   as Notebook stores it (fields checked by the record schema, a clock per
//   field, id UUIDv7), in bulk so a run starts in a second rather than a minute;
// - time the app's own Notebook commands one after another on it;
// - probe the check-in screen: how long from a key going down in the search
//   field to the first frame painted after the results were redrawn.
// Nothing here is used by the app.
import {
  NEED_CATEGORIES, PARTICIPANT_ROLES, attendanceId,
} from '../../protocol';
import { TalkaDatabase } from '../../src/db/database';
import { Notebook } from '../../src/db/notebook';
import { NEED_DESCRIPTIONS, NEED_TITLES, Seeder, makePerson, prng, storeRows } from './seed-rows';

export interface SeedOptions {
  /** IndexedDB name: 'talka' is the app's own. */
  dbName: string;
  participants: number;
  needs: number;
  /** Past workshops, each with attendance rows for some of the people. */
  workshops: number;
  attendancePerWorkshop: number;
  /** People already checked in to today's workshop (the check-in screen lists them beside the search). */
  checkedInToday: number;
  /** The newest needs also waiting in the outbox, as on a device offline since the last workshop. */
  pendingOutbox: number;
  /** Delete the database first. */
  fresh: boolean;
}

export interface Seeded {
  deviceId: string;
  author: string;
  communityId: string;
  /** The workshop to check people in to (planned, today). */
  workshopId: string;
  participantIds: string[];
  ms: number;
}

export async function seed(options: SeedOptions): Promise<Seeded> {
  const started = performance.now();
  const random = prng(20261123);
  const deviceId = 'benchDevice01';
  const author = '0190a5c0-0000-7000-8000-00000000a11c';
  const seeder = new Seeder(deviceId, author);
  // A year of use, oldest first, so ids and clocks grow as they would have.
  const t0 = Date.now() - 365 * 24 * 3600 * 1000;
  const total = options.participants + options.needs + options.workshops * (options.attendancePerWorkshop + 1) + 2;
  let step = 0;
  const at = () => t0 + Math.floor((step++ / total) * 364 * 24 * 3600 * 1000);

  const communityId = seeder.add('communities', {
    name: 'Lazdonas kopiena', municipality: 'LV-094', parish: 'Lazdona', description: 'Lauku kopiena Madonas novadā.',
    maturity: 'active', contacts: [{ name: 'Dace Priede', phone: '+371 29 123 456', email: 'dace@kopienas.example', role: 'koordinatore' }],
  }, at());
  const participantIds: string[] = [];
  for (let i = 0; i < options.participants; i++) {
    const person = makePerson(random);
    participantIds.push(seeder.add('participants', {
      communityId, ...person, role: PARTICIPANT_ROLES[i % 9 < 6 ? 0 : i % PARTICIPANT_ROLES.length]!,
      consentData: random() < 0.9, consentPhotos: random() < 0.6, consentDate: '2025-05-14', erased: false,
    }, at()));
  }
  const workshopIds: string[] = [];
  for (let w = 0; w < options.workshops; w++) {
    const held = new Date(t0 + (w + 1) * 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const workshopId = seeder.add('workshops', {
      communityId, title: `Apkaimes darbnīca ${w + 1}`, kind: 'workshop', date: held, startTime: '18:00', endTime: '20:00',
      place: 'Tautas nams', programme: 'Drošas kopienas', facilitators: 'Ilze Kalniņa', agenda: '', notes: '', status: 'held', dotsPerPerson: 3,
    }, at());
    workshopIds.push(workshopId);
    const seen = new Set<string>();
    for (let a = 0; a < options.attendancePerWorkshop; a++) {
      const participantId = participantIds[Math.floor(random() * participantIds.length)]!;
      if (seen.has(participantId)) continue;
      seen.add(participantId);
      const checkedInAt = at();
      seeder.add('attendance', { communityId, workshopId, participantId, checkedInAt }, checkedInAt, attendanceId(workshopId, participantId));
    }
  }
  for (let i = 0; i < options.needs; i++) {
    seeder.add('needs', {
      communityId, workshopId: workshopIds.length > 0 ? workshopIds[i % workshopIds.length]! : null,
      title: `${NEED_TITLES[i % NEED_TITLES.length]!} (${i + 1})`, description: NEED_DESCRIPTIONS[i % NEED_DESCRIPTIONS.length]!,
      category: NEED_CATEGORIES[i % NEED_CATEGORIES.length]!, status: 'raised', owner: i % 3 === 0 ? 'Ilze Kalniņa' : '',
    }, at(), undefined, i >= options.needs - options.pendingOutbox);
  }
  const today = new Date().toISOString().slice(0, 10);
  const workshopId = seeder.add('workshops', {
    communityId, title: 'Kopienas forums', kind: 'forum', date: today, startTime: '18:00', endTime: '20:30',
    place: 'Tautas nams', programme: 'KOPA', facilitators: 'Ilze Kalniņa', agenda: '', notes: '', status: 'planned', dotsPerPerson: 3,
  }, Date.now());
  for (let i = 0; i < options.checkedInToday; i++) {
    const participantId = participantIds[(i * 7919) % participantIds.length]!;
    const checkedInAt = Date.now() - (options.checkedInToday - i) * 20_000;
    seeder.add('attendance', { communityId, workshopId, participantId, checkedInAt }, checkedInAt, attendanceId(workshopId, participantId), true);
  }

  await storeRows(seeder, options.dbName, options.fresh);
  return { deviceId, author, communityId, workshopId, participantIds, ms: performance.now() - started };
}

// ── Saving records with the app's Notebook ────────────────────────────────

export type SaveKind = 'createNeed' | 'typeNeedTitle' | 'createParticipant' | 'checkIn';

export interface SaveRun {
  /** Every timed command, in order: what it was and how long from call to resolved promise (committed). */
  ops: { kind: SaveKind; ms: number }[];
  seedMs: number;
  /** Rows in the database when the run started. */
  rowsAtStart: { participants: number; needs: number; attendance: number; outbox: number };
  /**
   * Medians of raw IndexedDB on the same database, for where a save's time goes: a readwrite transaction
   * that puts one small row, until `complete`, with strict and with relaxed durability (the cost of the
   * commit itself), and one readonly get (a request's round trip).
   */
  floor: { strictPutMs: number; relaxedPutMs: number; getMs: number };
}

async function rawFloor(db: IDBDatabase, times: number): Promise<SaveRun['floor']> {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const put = async (durability: 'strict' | 'relaxed') => {
    const ms: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('meta', 'readwrite', { durability });
        tx.objectStore('meta').put({ key: 'bench-floor', value: i });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      ms.push(performance.now() - started);
    }
    return median(ms);
  };
  const get = async () => {
    const ms: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const request = db.transaction('meta', 'readonly').objectStore('meta').get('clock');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
      ms.push(performance.now() - started);
    }
    return median(ms);
  };
  return { strictPutMs: await put('strict'), relaxedPutMs: await put('relaxed'), getMs: await get() };
}

/**
 * Seeds `options`, opens the database as the app does (TalkaDatabase, strict
 * durability), then runs `rounds` rounds of: a need created, its title typed
 * on in three more saves, a walk-in participant created, an existing
 * participant checked in. Each command is awaited before the next starts.
 * The first `warmup` rounds are not timed (the app's first save also opens
 * the stores; later ones are what a facilitator waits for).
 */
export async function measureSaves(options: SeedOptions & { rounds: number; warmup: number }): Promise<SaveRun> {
  const seeded = await seed(options);
  const db = new TalkaDatabase(options.dbName);
  await db.open();
  const rowsAtStart = {
    participants: await db.participants.count(), needs: await db.needs.count(),
    attendance: await db.attendance.count(), outbox: await db.outbox.count(),
  };
  const notebook = new Notebook({ db, deviceId: seeded.deviceId, author: () => seeded.author });
  const workshop = { id: seeded.workshopId, communityId: seeded.communityId };
  const random = prng(7);
  const ops: SaveRun['ops'] = [];
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const timed = round >= options.warmup;
    const time = async (kind: SaveKind, command: () => Promise<unknown>) => {
      const started = performance.now();
      await command();
      const ms = performance.now() - started;
      if (timed) ops.push({ kind, ms });
    };
    const title = NEED_TITLES[round % NEED_TITLES.length]!;
    let needId = '';
    await time('createNeed', async () => {
      needId = await notebook.create('needs', {
        communityId: seeded.communityId, workshopId: seeded.workshopId, title: title.slice(0, 6), description: '',
        category: NEED_CATEGORIES[round % NEED_CATEGORIES.length]!, status: 'raised', owner: '',
      });
    });
    for (const length of [12, 20, title.length]) {
      await time('typeNeedTitle', () => notebook.update('needs', needId, { title: title.slice(0, length) }));
    }
    const person = makePerson(random);
    await time('createParticipant', () => notebook.create('participants', {
      communityId: seeded.communityId, ...person, role: 'resident', consentData: true, consentPhotos: false,
      consentDate: new Date().toISOString().slice(0, 10), erased: false,
    }));
    // Someone not checked in yet, so the command writes (checking in twice writes nothing).
    let pick = round * 97;
    while (await db.attendance.get(attendanceId(workshop.id, seeded.participantIds[pick % seeded.participantIds.length]!))) pick++;
    const participantId = seeded.participantIds[pick % seeded.participantIds.length]!;
    await time('checkIn', () => notebook.checkIn(workshop, participantId));
  }
  const floor = await rawFloor(db.backendDB(), 60);
  db.close();
  return { ops, seedMs: seeded.ms, rowsAtStart, floor };
}

// ── Probing keystrokes on the check-in screen ─────────────────────────────

export interface Keystroke {
  key: string;
  /** The search field's value after the key. */
  value: string;
  /** keydown's timeStamp to just after the first frame painted once the input was handled: what the typist sees. */
  ms: number;
  /** Of which: the key waiting to be dispatched (timeStamp to the keydown listener). */
  inputDelay: number;
  /** keydown, keypress, beforeinput and input handled: the search run and Preact's render done. */
  script: number;
  /** Style and layout of the page with the new results (forced by the probe where the editor would force it). */
  layout: number;
  /** Then idle until the next animation frame (on a 60 Hz display 0–16.7 ms whatever the page does; includes the rest of the key's task, a few tenths of a ms). */
  waitForFrame: number;
  /** That frame: animation callbacks, style, layout, paint. */
  frame: number;
  /** The keystroke's own work, everything but the waits (script + layout + frame): what has to fit in a frame so typing never drops one. */
  work: number;
  /** Whether the results area changed before that frame (no change: the same people were already shown). */
  changed: boolean;
  /** Rows in the results list once painted, and the first one's name. */
  rows: number;
  first: string;
}

interface ProbeState {
  done: Keystroke[];
  waiters: { count: number; resolve: () => void }[];
  /** Event Timing entries of ≥ 16 ms (the browser's own keydown-to-paint measure, 8 ms granularity). */
  slowEvents: { name: string; duration: number; processing: number }[];
  stop: () => void;
}

/** The probe of this page (the bundle is evaluated once per page). */
let current: ProbeState | null = null;

/** Starts timing each key typed into the check-in search field (the page must show it). */
export function installKeystrokeProbe(): boolean {
  const input = document.querySelector<HTMLInputElement>('.checkin-find input[type="search"]');
  const area = document.querySelector('.checkin-find');
  if (!input || !area) throw new Error('No check-in search field on this page');
  const state: ProbeState = { done: [], waiters: [], slowEvents: [], stop: () => {} };
  let pending: { t0: number; dispatched: number; key: string; changed: boolean } | null = null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target === input) pending = { t0: event.timeStamp, dispatched: performance.now(), key: event.key, changed: false };
  };
  // Runs after the app's own input listener (registered first) and the microtask checkpoint after it, in
  // which Preact renders: the search and the render are done here, and the next animation frame is the one
  // that shows the new results; the message posted from it runs once that frame is painted.
  const onInput = () => {
    const key = pending;
    if (!key) return;
    const handled = performance.now();
    // Right after the input event the editor lays the page out again (for the caret), which now includes the new
    // results. That layout is forced here instead, a moment earlier, so it can be timed: the page does the same work.
    void document.documentElement.offsetHeight;
    const laidOut = performance.now();
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      const afterFrame = new MessageChannel();
      afterFrame.port1.onmessage = () => {
        const painted = performance.now();
        const list = area.querySelector('.checkin-results');
        const script = handled - key.dispatched;
        const layout = laidOut - handled;
        const frame = painted - frameStart;
        state.done.push({
          key: key.key, value: input.value, ms: painted - key.t0, inputDelay: key.dispatched - key.t0,
          script, layout, waitForFrame: frameStart - laidOut, frame, work: script + layout + frame, changed: key.changed,
          rows: list ? list.children.length : 0,
          first: list?.querySelector('.checkin-toggle__name')?.textContent ?? '',
        });
        if (pending === key) pending = null;
        for (const waiter of state.waiters.filter((w) => w.count <= state.done.length)) waiter.resolve();
        state.waiters = state.waiters.filter((w) => w.count > state.done.length);
      };
      afterFrame.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(() => { if (pending) pending.changed = true; });
  observer.observe(area, { subtree: true, childList: true, characterData: true, attributes: true });
  window.addEventListener('keydown', onKeyDown, { capture: true });
  input.addEventListener('input', onInput);
  let events: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes.includes('event')) {
    events = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!(entry instanceof PerformanceEventTiming)) continue;
        state.slowEvents.push({ name: entry.name, duration: entry.duration, processing: entry.processingEnd - entry.processingStart });
      }
    });
    // durationThreshold is in the Event Timing spec and Chromium, not yet in TypeScript's DOM types.
    const init: PerformanceObserverInit & { durationThreshold: number } = { type: 'event', durationThreshold: 16 };
    events.observe(init);
  }
  state.stop = () => {
    observer.disconnect();
    events?.disconnect();
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    input.removeEventListener('input', onInput);
  };
  current?.stop();
  current = state;
  return true;
}

function probe(): ProbeState {
  if (!current) throw new Error('No keystroke probe installed');
  return current;
}

/** Resolves once `count` keys have been measured (false after `timeoutMs`); nothing runs in the page meanwhile. */
export function waitKeystrokes(count: number, timeoutMs = 10_000): Promise<boolean> {
  const state = probe();
  if (state.done.length >= count) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    state.waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(true); } });
  });
}

export function readKeystrokeProbe(): { keystrokes: Keystroke[]; slowEvents: ProbeState['slowEvents'] } {
  const state = probe();
  state.stop();
  return { keystrokes: state.done, slowEvents: state.slowEvents };
}

export const api = { seed, measureSaves, installKeystrokeProbe, waitKeystrokes, readKeystrokeProbe };
Reflect.set(globalThis, 'talkaDeviceOps', api);
