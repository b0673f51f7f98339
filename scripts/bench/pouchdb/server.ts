// Starts the PouchDB comparison's server (scripts/bench/pouchdb/server-main.ts)
// as a child process on a free loopback port with a fresh LevelDB folder, the
// way testing/server.ts starts Talka's, and stops it (folder removed).
// Used by scripts/bench/pouchdb/index.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { freePort } from '../../../testing/server';
import { ensureBenchDependencies } from '../dependencies';

export interface PouchServer {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = new URL('../../..', import.meta.url).pathname;
const WELCOME = v.object({ 'express-pouchdb': v.literal('Welcome!'), 'pouchdb-adapters': v.array(v.string()) });

export async function startPouchServer(log: (line: string) => void): Promise<PouchServer> {
  ensureBenchDependencies(log);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'talka-pouchdb-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/pouchdb/server-main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The PouchDB server exited early:\n${output}`);
    }
    let welcome: v.InferOutput<typeof WELCOME> | null = null;
    try {
      const parsed = v.safeParse(WELCOME, await (await fetch(url)).json());
      if (parsed.success) welcome = parsed.output;
    } catch {
      // not listening yet
    }
    if (welcome) {
      if (welcome['pouchdb-adapters'].includes('leveldb')) return { url, dataDir, output: () => output, stop };
      await stop();
      throw new Error(`The PouchDB server has no LevelDB adapter: ${JSON.stringify(welcome)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The PouchDB server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
