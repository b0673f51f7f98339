// Everything a server's GET /api/sync/pull gives a token, over real HTTP,
// page by page, each page parsed with the protocol's schema. Used by the
// integration tests against a live server and by the end-to-end journeys.
import * as v from 'valibot';
import { PROTOCOL_VERSION, pullResponseSchema, type Change } from '../../protocol';

/** From the start (or the cursor `from`) to the end. */
export async function pullEverything(url: string, token: string, limit = 5000, from = ''): Promise<Change[]> {
  const changes: Change[] = [];
  let since = from;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), protocol: String(PROTOCOL_VERSION) });
    if (since) query.set('since', since);
    const response = await fetch(`${url}/api/sync/pull?${query}`, { headers: { Authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    const page = v.parse(pullResponseSchema, await response.json());
    changes.push(...page.changes);
    since = page.cursor;
    if (!page.hasMore) return changes;
  }
}
