// A Talka server for one test: the app over a fresh store, a controllable
// clock, and helpers that speak the API through app.request() (no port).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { sessionResponseSchema, type Role, type SessionResponse } from '../../../protocol/auth';
import { PROTOCOL_VERSION, errorBodySchema, pullResponseSchema, pushResponseSchema, type Mutation, type PullResponse, type PushResponse } from '../../../protocol/messages';
import { createApp } from '../../../server/app';
import type { LoginLimits } from '../../../server/auth/rate-limit';
import { hashPassword } from '../../../server/auth/password';
import type { BlobStore } from '../../../server/blobs/blob-store';
import { openBlobStore } from '../../../server/blobs/open-blob-store';
import type { S3Settings, ServerConfig } from '../../../server/config';
import type { Logger } from '../../../server/http/request-log';
import type { KyselyStore } from '../../../server/store/kysely-store';
import type { Backend } from './backends';

export const TEST_PASSWORD_COST = 10;
export const START_TIME = Date.UTC(2025, 4, 1, 9, 0, 0);

export interface TestServer {
  app: ReturnType<typeof createApp>;
  store: KyselyStore;
  config: ServerConfig;
  dir: string;
  /** Where the app keeps photos. */
  blobs: BlobStore;
  /** The server's wall clock; tests move it. */
  time: { now: number };
  close: () => Promise<void>;
}

export interface ServerOptions {
  staticDir?: string;
  /** Proxy hops whose X-Forwarded-For is believed; true is one. */
  trustProxy?: boolean | number;
  loginLimits?: LoginLimits;
  /** Photos in this bucket instead of files under the test's folder. */
  s3?: S3Settings;
  metricsToken?: string;
  logger?: Logger;
}

export async function startServer(backend: Backend, options: ServerOptions = {}): Promise<TestServer> {
  const opened = await backend.open();
  const blobDir = join(opened.dir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const staticDir = options.staticDir ?? join(opened.dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 8080,
    dataDir: opened.dir,
    blobDir,
    databaseUrl: undefined,
    staticDir,
    publicUrl: undefined,
    trustProxy: Number(options.trustProxy ?? 0),
    databasePoolSize: 5,
    appliedMutationRetentionDays: 90,
    blobStore: options.s3 ? 's3' : 'files',
    s3: options.s3,
    metricsToken: options.metricsToken,
  };
  const blobs = openBlobStore(config);
  const time = { now: START_TIME };
  const app = createApp({
    store: opened.store,
    config,
    now: () => time.now,
    passwordCost: TEST_PASSWORD_COST,
    blobs,
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { app, store: opened.store, config, dir: opened.dir, blobs, time, close: opened.cleanup };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A pull as today's app sends it: with `protocol=<PROTOCOL_VERSION>` unless the test names a protocol itself. */
export function withProtocol(path: string): string {
  if (!path.startsWith('/api/sync/pull') || /[?&]protocol=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}protocol=${PROTOCOL_VERSION}`;
}

export async function call(
  server: TestServer,
  method: string,
  path: string,
  options: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await server.app.request(withProtocol(path), { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The error code of an error reply (and checks its shape). */
export function errorCode(reply: Reply): string {
  return v.parse(errorBodySchema, reply.body).error.code;
}

export function errorMessage(reply: Reply): string {
  return v.parse(errorBodySchema, reply.body).error.message;
}

export interface TestOrganisation {
  orgId: string;
  name: string;
  coordinator: SessionResponse;
}

/** Creates an organisation with a coordinator straight in the store and signs them in. */
export async function createOrganisation(server: TestServer, name: string, email = `${name.toLowerCase().replace(/\W+/g, '')}@example.lv`): Promise<TestOrganisation> {
  const orgId = randomUUID();
  await server.store.createOrganisation({ id: orgId, name, createdAt: server.time.now });
  await addUserDirectly(server, orgId, { email, name: `${name} coordinator`, role: 'coordinator', password: 'coordinator-pass' });
  const coordinator = await login(server, email, 'coordinator-pass');
  return { orgId, name, coordinator };
}

export async function addUserDirectly(
  server: TestServer,
  orgId: string,
  user: { email: string; name: string; role: Role; password: string },
): Promise<string> {
  const id = randomUUID();
  const created = await server.store.createUser({
    id, orgId, email: user.email, name: user.name, role: user.role,
    passwordHash: await hashPassword(user.password, TEST_PASSWORD_COST), active: true, createdAt: server.time.now,
  });
  if (!created) throw new Error(`email ${user.email} taken`);
  return id;
}

export async function login(server: TestServer, email: string, password: string): Promise<SessionResponse> {
  const reply = await call(server, 'POST', '/api/auth/login', { json: { email, password } });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
  return v.parse(sessionResponseSchema, reply.body);
}

export async function push(server: TestServer, token: string, deviceId: string, mutations: unknown[]): Promise<PushResponse> {
  const reply = await call(server, 'POST', '/api/sync/push', { token, json: { protocol: 1, deviceId, mutations } });
  if (reply.status !== 200) throw new Error(`push failed: ${reply.status} ${reply.text}`);
  return v.parse(pushResponseSchema, reply.body);
}

export async function pull(server: TestServer, token: string, since?: string, limit?: number): Promise<PullResponse> {
  const query = new URLSearchParams();
  if (since !== undefined) query.set('since', since);
  if (limit !== undefined) query.set('limit', String(limit));
  const reply = await call(server, 'GET', `/api/sync/pull?${query}`, { token });
  if (reply.status !== 200) throw new Error(`pull failed: ${reply.status} ${reply.text}`);
  return v.parse(pullResponseSchema, reply.body);
}

/** Pulls every page from `since` to the end. */
export async function pullAll(server: TestServer, token: string, since?: string): Promise<{ changes: PullResponse['changes']; cursor: string }> {
  const changes: PullResponse['changes'] = [];
  let cursor = since;
  for (;;) {
    const page = await pull(server, token, cursor);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

export type { Mutation };
