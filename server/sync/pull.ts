// GET /api/sync/pull, the algorithm (docs/protocol.md, Pull): whole current records of the
// caller's organisation in server order, deleted ones included.
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, PROTOCOL_VERSION } from '../../protocol/messages';
import type { Role } from '../../protocol/auth';
import { PULL_SHAPES, toColumns, type PullShape } from '../../protocol/pull-columns';
import { Refusal } from '../errors';
import type { ChangeRow, Store } from '../store/store';
import { decodeCursor, encodeCursor } from './cursor';
import { parseStoredRecord } from './record-state';
import { reachOf, reachToken, VisibilityJudge, type RecordSource } from './visibility';

export interface PullQuery {
  since: string | undefined;
  limit: string | undefined;
  /** The sync protocol the app speaks: a pull of an older one is refused with upgrade_required. */
  protocol: string | undefined;
}

export interface PullCaller {
  user: { id: string; role: Role };
  organisation: { id: string };
}

/** How many pages of the change log one pull reads at most to fill a page of what the caller sees. */
const SCANS_PER_PULL = 4;

/** `shape`: "rows" (protocol 1's reply, the default) or "columns" (protocol/pull-columns.ts). */
export function parseShape(text: string | undefined): PullShape {
  if (text === undefined || text === '') return 'rows';
  const shape = PULL_SHAPES.find((known) => known === text);
  if (!shape) throw new Refusal(400, 'bad_shape', `shape must be one of ${PULL_SHAPES.join(', ')}`);
  return shape;
}

export interface PullPage {
  changes: ChangeRow[];
  cursor: string;
  hasMore: boolean;
  /** What the caller reaches (visibility.ts reachToken): when it changes, the device pulls everything again. */
  scope: string;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_PULL_LIMIT;
  const limit = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(limit >= 1 && limit <= MAX_PULL_LIMIT)) {
    throw new Refusal(400, 'bad_limit', `limit must be a whole number from 1 to ${MAX_PULL_LIMIT}`);
  }
  return limit;
}

/**
 *  1. read the limit (1…5000, default 1000) and the cursor (absent: from the start);
 *  2. a cursor from another database instance, or ahead of the organisation's head
 *     (a server restored from an older backup), answers 409 cursor_reset: the
 *     device re-pushes and pulls from the start instead of silently diverging;
 *  0. an app of an older protocol is told to update (its pushes are still applied);
 *  3. read one record more than asked, to know whether more follow, keeping what the caller may see
 *     (visibility.ts): a facilitator's page may take a few reads of the log to fill;
 *  4. the new cursor is the last seq read (a server seq, never a client clock). Seqs
 *     are the organisation's own and become visible in order, whichever server committed
 *     them (pushes hold the organisation's head until they commit), so nothing below the
 *     cursor can appear later.
 */
export async function readPull(store: Store, caller: PullCaller, query: PullQuery): Promise<PullPage> {
  const orgId = caller.organisation.id;
  // 0.
  if (query.protocol !== String(PROTOCOL_VERSION)) {
    throw new Refusal(409, 'upgrade_required', `This server speaks sync protocol ${PROTOCOL_VERSION}: update the app (its unsent changes are kept and still accepted)`);
  }
  // 1.
  const limit = parseLimit(query.limit);
  const since = query.since ? decodeCursor(query.since) : null;
  if (query.since && !since) throw new Refusal(400, 'bad_cursor', 'since is not a cursor this server gave out');
  // 2.
  const head = await store.readHead(orgId);
  if (since && (since.instanceId !== head.instanceId || since.seq > head.seq)) {
    throw new Refusal(409, 'cursor_reset', 'This server does not know your position (restored or replaced database): push everything again and pull from the start');
  }
  // 3.
  const source: RecordSource = { byIds: (ids) => store.findRecords(orgId, ids), byRef: (table, refs) => store.findRecordsByRef(orgId, table, refs) };
  const reach = await reachOf(caller.user, source);
  const judge = new VisibilityJudge(reach, source);
  const changes: ChangeRow[] = [];
  let afterSeq = since?.seq ?? 0;
  let hasMore = false;
  for (let scan = 0; scan < (reach.all ? 1 : SCANS_PER_PULL) && changes.length < limit; scan++) {
    const rows = await store.readChanges(orgId, afterSeq, limit - changes.length + 1);
    hasMore = rows.length > limit - changes.length;
    const page = hasMore ? rows.slice(0, limit - changes.length) : rows;
    if (reach.all) {
      changes.push(...page);
    } else {
      const visible = await judge.visibleIds(page.map((row) => parseStoredRecord({ ...row, orgId, refId: null, updatedAt: 0 })));
      changes.push(...page.filter((row) => visible.has(row.id)));
    }
    afterSeq = page.at(-1)?.seq ?? afterSeq;
    if (!hasMore) break;
  }
  // 4.
  return { changes, cursor: encodeCursor({ instanceId: head.instanceId, seq: afterSeq }), hasMore, scope: reachToken(reach) };
}

/**
 * The pull reply as JSON text. Stored fields and clocks are JSON the server
 * wrote itself, so they are spliced in as they are rather than parsed and
 * serialised again (a page is up to 5,000 records).
 */
export function renderPullBody(page: PullPage): string {
  const changes = page.changes.map(
    (row) => `{"table":${JSON.stringify(row.table)},"recordId":${JSON.stringify(row.id)},"fields":${row.fields},"clocks":${row.clocks},"seq":${row.seq}}`,
  );
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore},"scope":${JSON.stringify(page.scope)}}`;
}

/**
 * The pull reply in column layout. Fields and clocks are JSON the server
 * wrote itself (parsed here to lay them out by column).
 */
export function renderPullColumns(page: PullPage): string {
  const tables = toColumns(page.changes.map((row) => ({
    table: row.table, recordId: row.id, fields: parseObject(row.fields), clocks: parseClocks(row.clocks),
  })));
  return JSON.stringify({ tables, cursor: page.cursor, hasMore: page.hasMore, scope: page.scope });
}

function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('A stored record is not an object');
  return { ...value };
}

function parseClocks(json: string): Record<string, string> {
  const clocks: Record<string, string> = {};
  for (const [field, clock] of Object.entries(parseObject(json))) {
    if (typeof clock !== 'string') throw new Error('A stored clock is not a string');
    clocks[field] = clock;
  }
  return clocks;
}
