// The real app (createApp) served over HTTP by @hono/node-server on a free
// loopback port, over a fresh store of one backend, with the real clock, and
// an organisation whose coordinator signs in through the API. For tests that
// need real sockets between the sync engine and the server (fault injection).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import * as v from 'valibot';
import { sessionResponseSchema, type SessionResponse } from '../../../protocol/auth';
import { createApp } from '../../../server/app';
import { hashPassword } from '../../../server/auth/password';
import type { ServerConfig } from '../../../server/config';
import type { KyselyStore } from '../../../server/store/kysely-store';
import type { Backend } from './backends';
import { TEST_PASSWORD_COST } from './harness';

export interface LiveServer {
  url: string;
  store: KyselyStore;
  close: () => Promise<void>;
}

export async function startLiveServer(backend: Backend, now: () => number = () => Date.now()): Promise<LiveServer> {
  const opened = await backend.open();
  const blobDir = join(opened.dir, 'blobs');
  const staticDir = join(opened.dir, 'static');
  mkdirSync(blobDir, { recursive: true });
  mkdirSync(staticDir, { recursive: true });
  const config: ServerConfig = {
    host: '127.0.0.1', port: 0, dataDir: opened.dir, blobDir, databaseUrl: undefined, staticDir, publicUrl: undefined, trustProxy: 0,
    databasePoolSize: 5, appliedMutationRetentionDays: 90, blobStore: 'files', s3: undefined, metricsToken: undefined,
  };
  const app = createApp({ store: opened.store, config, now, passwordCost: TEST_PASSWORD_COST });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store: opened.store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await opened.cleanup();
    },
  };
}

/** An organisation with a coordinator (written to the store), signed in through POST /api/auth/login. */
export async function createLiveOrganisation(live: LiveServer, name: string, email: string, password = 'coordinator-pass'): Promise<SessionResponse> {
  const orgId = randomUUID();
  const now = Date.now();
  await live.store.createOrganisation({ id: orgId, name, createdAt: now });
  const created = await live.store.createUser({
    id: randomUUID(), orgId, email, name: `${name} coordinator`, role: 'coordinator',
    passwordHash: await hashPassword(password, TEST_PASSWORD_COST), active: true, createdAt: now,
  });
  if (!created) throw new Error(`email ${email} taken`);
  return signIn(live.url, email, password);
}

export async function signIn(url: string, email: string, password: string): Promise<SessionResponse> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return v.parse(sessionResponseSchema, await response.json());
}
