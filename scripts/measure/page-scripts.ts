// Code that runs inside the app's page, as plain JavaScript text: tsx would
// otherwise wrap named functions in its `__name` helper, which the page does
// not have. Everything here talks to IndexedDB directly (the app's own code is
// left as it is: no debug hooks in src/).
import * as v from 'valibot';

/** Shared helpers, spliced into each script below. */
const HELPERS = String.raw`
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const finished = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
  const preciseNow = () => performance.timeOrigin + performance.now();
  const utf8 = (value) => new TextEncoder().encode(JSON.stringify(value)).length;
`;

/** What injectNeedsScript reports back from the page (checked: it crosses from the browser). */
export const injectResultSchema = v.object({
  deviceId: v.string(),
  userId: v.string(),
  communityId: v.string(),
  count: v.number(),
  /** Mean UTF-8 JSON size of what a person typed or chose: communityId, workshopId, title, description, category, status, owner. */
  contentBytes: v.number(),
  /** Mean size of the record as stored in IndexedDB (fields, id and the per-field clocks). */
  storedBytes: v.number(),
  /** Mean size of one outbox entry as the engine sends it (fields, base, hlc, ids). */
  mutationBytes: v.number(),
  firstHlc: v.string(),
  lastHlc: v.string(),
  /** The last record written: pushed last, so the last one a fresh device receives. */
  lastId: v.string(),
  ms: v.number(),
});
export type InjectResult = v.InferOutput<typeof injectResultSchema>;

/**
 * Writes `count` needs of the one community on the device, each with one
 * outbox entry, exactly as Notebook.create('needs', …) stores them: fields in
 * the schema's order, createdBy and author the signed-in user, every field
 * clocked with the device's next HLC, base all null, ids UUIDv7, the device
 * clock in meta moved to the last HLC. 1,000 records a transaction.
 */
/** What the measured needs say: the same lists for Talka's records and PouchDB's documents (scripts/bench/pouchdb/docs.ts). */
export const NEED_CONTENT = {
  titles: [
    'Ielu apgaismojums pie skolas', 'Sporta laukums jauniešiem', 'Autobuss uz novada centru vakarā',
    'Bibliotēka sestdienās', 'Gājēju pāreja pie veikala', 'Kopienas dārzs',
    'Senioru pulciņš ziemā', 'Ceļa remonts uz Kalnājiem',
  ],
  descriptions: [
    'Vakaros ceļš līdz pieturai ir tumšs.',
    'Vecais laukums ir aizaudzis.',
    'Pēdējais reiss ir 17:10, darbā esošie netiek mājās.',
    'Strādājošie var tikt tikai brīvdienās.',
    'Mašīnas brauc ātri, pāreja nav iezīmēta.',
  ],
  categories: ['infrastructure', 'safety', 'social_care', 'environment', 'culture', 'youth', 'seniors', 'mobility', 'information', 'economy', 'other'],
  owners: ['Ilze Kalniņa', 'Māris Liepa', 'Dace Priede', 'Jānis Bērziņš', ''],
} as const;

export function injectNeedsScript(count: number): string {
  return String.raw`(async () => {
  ${HELPERS}
  const started = preciseNow();
  const count = ${JSON.stringify(count)};
  const kv = await request(indexedDB.open('keyval-store'));
  const keyval = kv.transaction('keyval').objectStore('keyval');
  const deviceId = await request(keyval.get('talka:device-id'));
  const session = await request(keyval.get('talka:session'));
  kv.close();
  if (typeof deviceId !== 'string' || !session || !session.user) throw new Error('No device id or session on this device');
  const userId = session.user.id;

  const db = await request(indexedDB.open('talka'));
  const communities = await request(db.transaction('communities').objectStore('communities').getAll());
  if (communities.length !== 1) throw new Error('Expected one community on the device, found ' + communities.length);
  const communityId = communities[0].id;
  const saved = await request(db.transaction('meta').objectStore('meta').get('clock'));
  const parsed = /^(\d{13}):(\d{4}):/.exec(saved && typeof saved.value === 'string' ? saved.value : '');
  let wall = parsed ? Number(parsed[1]) : 0;
  let counter = parsed ? Number(parsed[2]) : 0;
  const tick = (now) => {
    const next = Math.max(wall, Math.floor(now));
    counter = next === wall ? counter + 1 : 0;
    wall = next;
    if (counter > 9999) { wall = wall + 1; counter = 0; }
    return String(wall).padStart(13, '0') + ':' + String(counter).padStart(4, '0') + ':' + deviceId;
  };
  const HEX = '0123456789abcdef';
  const uuidv7 = (now) => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    let ms = Math.max(0, Math.floor(now));
    for (let i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = '';
    for (const x of b) h += HEX[x >> 4] + HEX[x & 15];
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20, 32);
  };

  const { titles, descriptions, categories, owners } = ${JSON.stringify(NEED_CONTENT)};

  let contentBytes = 0, storedBytes = 0, mutationBytes = 0, firstHlc = '', lastHlc = '', lastId = '';
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const tx = db.transaction(['needs', 'outbox', 'meta'], 'readwrite');
    const needs = tx.objectStore('needs');
    const outbox = tx.objectStore('outbox');
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const now = Date.now();
      const id = uuidv7(now);
      const content = {
        communityId, workshopId: null,
        title: titles[i % titles.length] + ' (' + (i + 1) + ')',
        description: descriptions[i % descriptions.length],
        category: categories[i % categories.length],
        status: 'raised',
        owner: owners[i % owners.length],
      };
      // Notebook.validateNew: the schema's order, common fields first, id left out.
      const fields = {
        createdAt: now, updatedAt: now, createdBy: userId, deleted: false,
        communityId: content.communityId, workshopId: content.workshopId, title: content.title,
        description: content.description, category: content.category, status: content.status, owner: content.owner,
      };
      const hlc = tick(now);
      const clocks = {};
      const base = {};
      for (const field of Object.keys(fields)) { base[field] = null; clocks[field] = hlc; }
      const row = { ...fields, id, clocks };
      const entry = { id: uuidv7(now), table: 'needs', recordId: id, op: 'put', fields, base, hlc, author: userId };
      needs.put(row);
      outbox.add(entry);
      if (!firstHlc) firstHlc = hlc;
      lastHlc = hlc;
      lastId = id;
      contentBytes += utf8(content);
      storedBytes += utf8(row);
      const { author: _author, ...mutation } = entry;
      mutationBytes += utf8(mutation);
    }
    tx.objectStore('meta').put({ key: 'clock', value: lastHlc });
    await finished(tx);
  }
  db.close();
  return {
    deviceId, userId, communityId, count,
    contentBytes: contentBytes / count, storedBytes: storedBytes / count, mutationBytes: mutationBytes / count,
    firstHlc, lastHlc, lastId, ms: preciseNow() - started,
  };
})()`;
}

/** What the page's watcher reports (READ_WATCH_SCRIPT). */
export const watchStateSchema = v.object({
  t0: v.nullable(v.number()),
  /** When the goal was first seen (outbox empty, or the last record stored). */
  reachedAt: v.nullable(v.number()),
  /** When, after that, the sync bar's button was enabled again: the sync run has ended. */
  idleAt: v.nullable(v.number()),
  /** [time, probe value] each time the value changed. */
  samples: v.array(v.tuple([v.number(), v.union([v.number(), v.string()])])),
  polls: v.number(),
  error: v.nullable(v.string()),
});
export type WatchState = v.InferOutput<typeof watchStateSchema>;

/** Row counts by store (countStoresScript). */
export const storeCountsSchema = v.record(v.string(), v.number());

export type WatchGoal =
  /** The outbox holds nothing; the value sampled is its first key (seq), so each settled batch shows as a change. */
  | { kind: 'outbox-empty' }
  /** The record with this id is in the store (the last one the server will send). */
  | { kind: 'record-stored'; store: string; id: string };

/**
 * Starts watching for the goal every `intervalMs` with raw IndexedDB (its own
 * connection, read-only transactions that touch one key, so the watcher
 * does not slow what it watches: a count() walks the whole store), into
 * `window.__talkaMeasure`. Nothing is reached before `t0` is set by the click.
 */
export function startWatchScript(goal: WatchGoal, intervalMs = 20): string {
  return String.raw`(async () => {
  ${HELPERS}
  const goal = ${JSON.stringify(goal)};
  const m = { t0: null, reachedAt: null, idleAt: null, samples: [], polls: 0, error: null };
  window.__talkaMeasure = m;
  const db = await request(indexedDB.open('talka'));
  let last;
  const probe = async () => {
    if (goal.kind === 'outbox-empty') {
      const keys = await request(db.transaction('outbox').objectStore('outbox').getAllKeys(null, 1));
      return keys.length === 0 ? 0 : keys[0];
    }
    const key = await request(db.transaction(goal.store).objectStore(goal.store).getKey(goal.id));
    return key === undefined ? 0 : 1;
  };
  const reached = (value) => (goal.kind === 'outbox-empty' ? value === 0 : value === 1);
  const poll = async () => {
    try {
      const value = await probe();
      const at = preciseNow();
      m.polls++;
      if (value !== last) { m.samples.push([at, value]); last = value; }
      if (m.t0 !== null && m.reachedAt === null && reached(value)) m.reachedAt = at;
      if (m.reachedAt !== null && m.idleAt === null) {
        const button = document.querySelector('button.sync-bar__button');
        if (button && !button.disabled) m.idleAt = preciseNow();
      }
      if (m.idleAt === null) setTimeout(poll, ${JSON.stringify(intervalMs)});
      else db.close();
    } catch (error) {
      m.error = String(error);
      db.close();
    }
  };
  void poll();
  return true;
})()`;
}

/** Records `t0` and clicks the element, in the same task. */
export function clickAndStartClockScript(selector: string): string {
  return String.raw`(() => {
  const element = document.querySelector(${JSON.stringify(selector)});
  if (!element) throw new Error('Nothing matches ' + ${JSON.stringify(selector)});
  if (element.disabled) throw new Error('Disabled: ' + ${JSON.stringify(selector)});
  window.__talkaMeasure.t0 = performance.timeOrigin + performance.now();
  element.click();
  return window.__talkaMeasure.t0;
})()`;
}

export const READ_WATCH_SCRIPT = '(() => window.__talkaMeasure)()';

/** Counts of a few stores, for checks after a run. */
export function countStoresScript(stores: readonly string[]): string {
  return String.raw`(async () => {
  ${HELPERS}
  const db = await request(indexedDB.open('talka'));
  const out = {};
  for (const store of ${JSON.stringify(stores)}) out[store] = await request(db.transaction(store).objectStore(store).count());
  db.close();
  return out;
})()`;
}
