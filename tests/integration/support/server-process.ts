// The real server as its own process (`node --import tsx server/main.ts`, what
// `npm start` runs), on a free loopback port, on SQLite in a data folder or on
// a PostgreSQL database of its own; tests can SIGKILL it and start it again on
// the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../e2e/support/server';

const root = new URL('../../..', import.meta.url).pathname;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop: () => Promise<void>;
}

/** Where the server keeps its data: a folder (SQLite) and, for PostgreSQL, a database made for this test. */
export interface ServerData {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  env: Record<string, string>;
  /** Deletes the data folder (and the PostgreSQL database). */
  remove: () => Promise<void>;
}

export async function makeServerData(kind: 'sqlite' | 'postgres', postgresUrl?: string): Promise<ServerData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'talka-proc-'));
  mkdirSync(join(dataDir, 'static'));
  const env: Record<string, string> = { DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'static') };
  if (kind === 'sqlite') {
    return { kind, dataDir, env, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  if (!postgresUrl) throw new Error('PostgreSQL needs a URL');
  const database = `talka_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
  return {
    kind, dataDir, env,
    remove: async () => {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startServerProcess(data: ServerData, port?: number): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(listenOn), ...data.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${listenOn}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url, child, output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** The one-time setup token the server prints on an empty database. */
export async function setupToken(server: ServerProcess): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const match = /\/setup#([A-Za-z0-9_-]+)/.exec(server.output());
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No setup link in:\n${server.output()}`);
}
