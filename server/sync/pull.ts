// GET /api/sync/pull, the algorithm (docs/protocol.md, Pull): whole current records of the
// caller's organisation in server order, deleted ones included.
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../../protocol/messages';
import { PULL_SHAPES, toColumns, type PullShape } from '../../protocol/pull-columns';
import { Refusal } from '../errors';
import type { ChangeRow, Store } from '../store/store';
import { decodeCursor, encodeCursor } from './cursor';

export interface PullQuery {
  since: string | undefined;
  limit: string | undefined;
}

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
 *  3. read one page more than asked, to know whether more follow;
 *  4. the new cursor is the last seq returned (a server seq, never a client clock). Seqs
 *     are the organisation's own and become visible in order, whichever server committed
 *     them (pushes hold the organisation's head until they commit), so nothing below the
 *     cursor can appear later.
 */
export async function readPull(store: Store, orgId: string, query: PullQuery): Promise<PullPage> {
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
  const afterSeq = since?.seq ?? 0;
  const rows = await store.readChanges(orgId, afterSeq, limit + 1);
  const hasMore = rows.length > limit;
  const changes = hasMore ? rows.slice(0, limit) : rows;
  // 4.
  const lastSeq = changes.at(-1)?.seq ?? afterSeq;
  return { changes, cursor: encodeCursor({ instanceId: head.instanceId, seq: lastSeq }), hasMore };
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
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore}}`;
}

/**
 * The pull reply in column layout. Fields and clocks are JSON the server
 * wrote itself (parsed here to lay them out by column).
 */
export function renderPullColumns(page: PullPage): string {
  const tables = toColumns(page.changes.map((row) => ({
    table: row.table, recordId: row.id, fields: parseObject(row.fields), clocks: parseClocks(row.clocks),
  })));
  return JSON.stringify({ tables, cursor: page.cursor, hasMore: page.hasMore });
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
