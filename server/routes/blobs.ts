// PUT / GET / HEAD /api/blobs/<sha256>: photos, content-addressed, owned per organisation.
import { Hono, type Context } from 'hono';
import { MAX_BLOB_BYTES, SHA256_PATTERN, type BlobPutResponse } from '../../protocol/auth';
import { sha256Hex } from '../blobs/blob-files';
import { requireSession } from '../auth/session';
import { Refusal } from '../errors';
import { readBodyBytes } from '../http/body';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody } from '../http/limits';
import type { OrganisationRow, Store, UserRow } from '../store/store';
import { parseStoredRecord } from '../sync/record-state';
import { reachOf, VisibilityJudge, type RecordSource } from '../sync/visibility';

const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/webp', 'image/png']);

function hashParam(c: Context<AppEnv>): string {
  const sha256 = c.req.param('sha256') ?? '';
  if (!SHA256_PATTERN.test(sha256)) throw new Refusal(400, 'bad_hash', 'The path must end in the SHA-256 of the blob, 64 lowercase hex digits');
  return sha256;
}

/**
 * Whether the caller may read an image: a coordinator any of the organisation's; anyone else only one
 * that a photo they see shows (visibility.ts) — the same 404 as for no image at all otherwise.
 */
async function mayRead(store: Store, session: { user: UserRow; organisation: OrganisationRow }, sha256: string): Promise<boolean> {
  if (session.user.role === 'coordinator') return true;
  const orgId = session.organisation.id;
  const source: RecordSource = { byIds: (ids) => store.findRecords(orgId, ids), byRef: (table, refs) => store.findRecordsByRef(orgId, table, refs) };
  const photos = (await store.findRecordsByRef(orgId, 'photos', [sha256])).map(parseStoredRecord).filter((photo) => photo.values.deleted !== true);
  if (photos.length === 0) return false;
  const judge = new VisibilityJudge(await reachOf(session.user, source), source);
  return (await judge.visibleIds(photos)).size > 0;
}

export function blobRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireSession(deps), limitBody(MAX_BLOB_BYTES));

  app.put('/:sha256', async (c) => {
    const sha256 = hashParam(c);
    const bytes = await readBodyBytes(c);
    if (bytes.byteLength === 0) throw new Refusal(400, 'empty_blob', 'The request body is empty');
    if (sha256Hex(bytes) !== sha256) throw new Refusal(400, 'hash_mismatch', 'The body does not have the SHA-256 named in the path');
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const orgId = c.get('session').organisation.id;
    const known = await deps.store.findBlobOwner(orgId, sha256);
    const stored = await deps.blobs.write(sha256, bytes);
    // Stored again, or again the organisation's: either restarts the grace period before an unreferenced photo is collected.
    await deps.store.addBlobOwner({
      orgId, sha256, size: bytes.byteLength, mime: IMAGE_TYPES.has(type) ? type : 'application/octet-stream', createdAt: deps.now(),
    });
    if (stored) deps.metrics.blobStored();
    const body: BlobPutResponse = { sha256, size: bytes.byteLength };
    return c.json(body, known ? 200 : 201);
  });

  // Hono answers HEAD with the GET handler; the body is skipped for HEAD.
  app.get('/:sha256', async (c) => {
    const sha256 = hashParam(c);
    const session = c.get('session');
    const owner = await deps.store.findBlobOwner(session.organisation.id, sha256);
    const size = owner && (await mayRead(deps.store, session, sha256)) ? await deps.blobs.size(sha256) : null;
    if (!owner || size === null) throw new Refusal(404, 'not_found', 'No such blob');
    const headers = {
      'Content-Type': owner.mime,
      'Content-Length': String(size),
      // Content-addressed: a hash never names other bytes.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
    };
    if (c.req.header('If-None-Match') === `"${sha256}"`) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(await deps.blobs.read(sha256), 200, headers);
  });

  return app;
}
