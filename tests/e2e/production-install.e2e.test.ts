// README's production path in a copy of the repository: the app and the server
// built with every dependency installed, then `npm prune --omit=dev` leaves
// the runtime packages only. `npm start` serves the app and answers health,
// `npm run admin` works, and SIGTERM or SIGINT to npm stops the server with
// exit 0 and leaves no process behind and nothing on the port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../scripts/built.mjs';
import { freePort, statusOf } from '../../testing/server';

const root = new URL('../..', import.meta.url).pathname;
// (Not typescript: valibot names it an optional peer, so npm keeps it.)
const DEV_ONLY = ['vite', 'vitest', 'tsx', 'esbuild', 'playwright-core', 'happy-dom'];
// npm and the scripts it runs find this node first (the one running the tests).
const PATH = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;

function runNpm(cwd: string, args: string[]): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH } });
}

/** Processes whose working folder is inside `dir`. */
function processesIn(dir: string): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('a production install (npm prune --omit=dev) run with npm start', () => {
  let copy: string;
  beforeAll(async () => {
    await ensureBuilt({ app: true });
    // Beside the repository, on its file system, so node_modules can be hard-linked rather than copied.
    mkdirSync(join(root, '.tmp'), { recursive: true });
    copy = mkdtempSync(join(root, '.tmp', 'production-'));
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0');
    for (const file of files.filter((name) => name && existsSync(join(root, name)))) {
      cpSync(join(root, file), join(copy, file));
    }
    // Copied after the sources, so newer than they are, as a build made after a checkout is.
    for (const built of ['dist', 'build']) cpSync(join(root, built), join(copy, built), { recursive: true });
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')]);
    runNpm(copy, ['prune', '--omit=dev', '--no-audit', '--no-fund']);
  }, 110_000);
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('holds the runtime dependencies only', () => {
    for (const name of DEV_ONLY) expect(existsSync(join(copy, 'node_modules', name)), name).toBe(false);
    for (const name of ['better-sqlite3', 'hono', 'kysely', 'pg']) expect(existsSync(join(copy, 'node_modules', name)), name).toBe(true);
  });

  async function npmStart(): Promise<{ npm: ChildProcess; url: string; port: number; output: () => string }> {
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: copy,
      env: { ...process.env, PATH, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(copy, 'data'), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    npm.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const url = `http://127.0.0.1:${port}`;
    for (const started = Date.now(); (await statusOf(`${url}/api/health`)) !== 200; ) {
      if (npm.exitCode !== null || Date.now() - started > 30_000) throw new Error(`npm start did not answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { npm, url, port, output: () => output };
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves the app and stops cleanly on ${signal} to npm`, async () => {
      const { npm, url, port, output } = await npmStart();
      expect(await statusOf(`${url}/`)).toBe(200);
      expect(await statusOf(`${url}/api/ready`)).toBe(200);
      expect(output()).not.toContain('Building');
      expect(runNpm(copy, ['run', '-s', 'admin', '--', 'list-users'])).toBe('No organisations yet.\n');

      const exited = once(npm, 'exit');
      npm.kill(signal);
      const [code] = await exited;
      expect(code, output()).toBe(0);
      expect(output()).toContain('Stopped');
      expect(await portIsFree(port)).toBe(true);
      expect(processesIn(copy)).toEqual([]);
    }, 60_000);
  }
});
