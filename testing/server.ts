// The real server as its own process, from its TypeScript sources or compiled
// as `npm start` runs it, on a free loopback port, on SQLite in a data folder
// of its own or on a PostgreSQL database made for it. End-to-end tests,
// integration tests that kill the server, and the benchmarks all start it
// from here.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt, SERVER_ENTRY } from '../scripts/built.mjs';

const root = new URL('..', import.meta.url).pathname;
const SETUP_LINK = /https?:\/\/\S+\/setup#([A-Za-z0-9_-]+)/;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL database of its own on the server at `postgresUrl`, dropped by `drop`. */
export async function freshPostgresDatabase(postgresUrl: string, prefix = 'talka'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

/** Where the server keeps its data: a folder (SQLite, photos) and, for PostgreSQL, a database made for it. */
export interface ServerData {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  env: Record<string, string>;
  /** Deletes the data folder (and the PostgreSQL database). */
  remove: () => Promise<void>;
}

export interface ServerDataOptions {
  /** The built app to serve; an empty folder (the API alone) when left out. */
  staticDir?: string;
  postgresUrl?: string;
}

export async function makeServerData(kind: 'sqlite' | 'postgres', options: ServerDataOptions = {}): Promise<ServerData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talka-server-'));
  let staticDir = options.staticDir;
  if (!staticDir) {
    staticDir = join(dataDir, 'static');
    mkdirSync(staticDir);
  }
  const env: Record<string, string> = { DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: '' };
  const removeFolder = async () => rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') return { kind, dataDir, env, remove: removeFolder };
  if (!options.postgresUrl) throw new Error('PostgreSQL needs a URL');
  const database = await freshPostgresDatabase(options.postgresUrl);
  env.DATABASE_URL = database.url;
  return {
    kind, dataDir, env,
    remove: async () => {
      await database.drop();
      await removeFolder();
    },
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr. */
  output: () => string;
  /** The setup link the server prints on an empty database, once it is printed (throws after `timeoutMs`). */
  setupLink: (timeoutMs?: number) => Promise<string>;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  port?: number;
  /** Arguments to the server's node (the load benchmark passes --cpu-prof and the like). */
  nodeArgs?: readonly string[];
  /** More environment on top of the data's. */
  env?: Record<string, string>;
  /** Runs the compiled server (build/server, built first when stale), as `npm start` does, instead of the TypeScript sources. */
  compiled?: boolean;
  /** Serves HTTPS with this certificate and key (PEM files); the certificate is also the one trusted when asking for health. */
  tls?: { certFile: string; keyFile: string };
}

/** The status of GET `url`, or null when nothing answers. */
export function statusOf(url: string, ca?: Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const onResponse = (response: IncomingMessage) => {
      response.resume();
      resolve(response.statusCode ?? null);
    };
    const request = url.startsWith('https:') ? httpsGet(url, { ca, agent: false }, onResponse) : httpGet(url, { agent: false }, onResponse);
    request.on('error', () => resolve(null));
  });
}

const outputs: (() => string)[] = [];

/** What every server started by this process printed (the end-to-end suite audits it, tests/e2e/support/log-audit.setup.ts). */
export function serverOutputs(): string[] {
  return outputs.map((output) => output());
}

export async function startServerProcess(data: ServerData, options: StartOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  if (options.compiled) await ensureBuilt({ app: false });
  const entry = options.compiled ? [SERVER_ENTRY] : ['--import', 'tsx', 'server/main.ts'];
  const tlsEnv: Record<string, string> = options.tls ? { TLS_CERT: options.tls.certFile, TLS_KEY: options.tls.keyFile } : {};
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...data.env, ...tlsEnv, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  outputs.push(() => output);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  // A certificate that cannot be read is the server's to refuse; the test then sees it exit.
  const ca = options.tls && existsSync(options.tls.certFile) ? readFileSync(options.tls.certFile) : undefined;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!alive()) throw new Error(`Server exited early:\n${output}`);
    if ((await statusOf(`${url}/api/health`, ca)) === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url, child, output: () => output,
    setupLink: async (timeoutMs = 10_000) => {
      // An empty database prints its setup link just after the server starts listening.
      for (let waited = 0; waited < timeoutMs; waited += 50) {
        const link = SETUP_LINK.exec(output);
        if (link) return link[0];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No setup link in:\n${output}`);
    },
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The token of a setup link (`…/setup#<token>`). */
export function setupTokenOf(link: string): string {
  const token = SETUP_LINK.exec(link)?.[1];
  if (!token) throw new Error(`Not a setup link: ${link}`);
  return token;
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The one-time setup link printed on an empty database, if any. */
  setupLink: string | null;
  output: () => string;
  /** Stops the server and removes the data it was started with (unless DATA_DIR was given). */
  stop: () => Promise<void>;
}

/**
 * The server on SQLite serving the built app, as README's `npm start` runs it.
 * `env` goes on top (DATABASE_URL, DATA_DIR to keep data across restarts …).
 */
export async function startServer(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<RunningServer> {
  const data = env.DATA_DIR
    ? { kind: 'sqlite' as const, dataDir: env.DATA_DIR, env: {}, remove: async () => {} }
    : await makeServerData('sqlite', { staticDir: join(root, 'dist') });
  const server = await startServerProcess(data, { env: { STATIC_DIR: join(root, 'dist'), ...env }, nodeArgs, compiled: true });
  const link = env.DATA_DIR ? null : await server.setupLink(5_000).catch(() => null);
  return {
    url: server.url,
    dataDir: data.dataDir,
    setupLink: link,
    output: server.output,
    stop: async () => {
      await server.stop();
      await data.remove();
    },
  };
}
