// What every route shares: the Hono environment type and the app's dependencies.
import type { HttpBindings } from '@hono/node-server';
import type { ServerConfig } from '../config';
import type { LoginLimiter } from '../auth/rate-limit';
import type { ServerClock } from '../sync/server-clock';
import type { PushCommitter } from '../sync/group-commit';
import type { OrganisationRow, Store, UserRow } from '../store/store';
import type { BlobStore } from '../blobs/blob-store';
import type { ServerMetrics } from './metrics';

/** The signed-in caller, set by requireSession. */
export interface Session {
  user: UserRow;
  organisation: OrganisationRow;
  tokenHash: string;
}

export interface AppEnv {
  // Absent under app.request() in tests; present under @hono/node-server.
  Bindings: Partial<HttpBindings>;
  Variables: { session: Session; requestId: string };
}

export interface AppDeps {
  store: Store;
  config: ServerConfig;
  now: () => number;
  clock: ServerClock;
  committer: PushCommitter;
  blobs: BlobStore;
  metrics: ServerMetrics;
  /** Failed sign-ins (and setup link guesses) per account and client address. */
  logins: LoginLimiter;
  /** log2 of scrypt's N for new password hashes. */
  passwordCost: number;
  /** Verified against when a login names no user, so timing does not tell. */
  dummyPasswordHash: Promise<string>;
}
