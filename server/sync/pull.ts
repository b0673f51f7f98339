// GET /api/sync/pull, the algorithm (DESIGN §4): whole current records of the
// caller's organisation in server order, deleted ones included.
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '../../protocol/messages';
import { ApiError } from '../errors';
import type { ChangeRow, Store } from '../store/store';
import { decodeCursor, encodeCursor } from './cursor';

export interface PullQuery {
  since: string | undefined;
  limit: string | undefined;
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
    throw new ApiError(400, 'bad_limit', `limit must be a whole number from 1 to ${MAX_PULL_LIMIT}`);
  }
  return limit;
}

/**
 *  1. read the limit (1…5000, default 1000) and the cursor (absent: from the start);
 *  2. a cursor from another database instance, or ahead of this database's head
 *     (a server restored from an older backup), answers 409 cursor_reset: the
 *     device re-pushes and pulls from the start instead of silently diverging;
 *  3. read one page more than asked, to know whether more follow;
 *  4. the new cursor is the last seq returned (a server seq, never a client clock).
 */
export async function readPull(store: Store, orgId: string, query: PullQuery): Promise<PullPage> {
  // 1.
  const limit = parseLimit(query.limit);
  const since = query.since ? decodeCursor(query.since) : null;
  if (query.since && !since) throw new ApiError(400, 'bad_cursor', 'since is not a cursor this server gave out');
  // 2.
  const head = await store.readHead();
  if (since && (since.instanceId !== head.instanceId || since.seq > head.seq)) {
    throw new ApiError(409, 'cursor_reset', 'This server does not know your position (restored or replaced database): push everything again and pull from the start');
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
