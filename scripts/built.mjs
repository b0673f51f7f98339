// What `npm start` and `npm run admin` run is compiled ahead of time: the app
// into dist/ (vite), the server into build/server/ (esbuild). A build missing
// or older than its sources is made again here, which needs the dev
// dependencies; a production install (npm ci --omit=dev) gets the build made
// beforehand and sources that are not newer. Progress goes to stderr, so a
// tool printing JSON on stdout (the bench) stays parseable.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export const SERVER_ENTRY = join(root, 'build/server/main.js');
export const ADMIN_ENTRY = join(root, 'build/server/admin.js');

const APP = {
  name: 'the app',
  output: join(root, 'dist/index.html'),
  sources: ['src', 'protocol', 'public', 'index.html', 'vite.config.ts', 'package.json'],
};
const SERVER = {
  name: 'the server',
  output: SERVER_ENTRY,
  sources: ['server', 'protocol', 'package.json', 'tsconfig.server.json', 'tsconfig.base.json'],
};

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** Missing, or older than a source that is there (a container holds the build without its sources). */
function needsBuild({ output, sources }) {
  if (!existsSync(output)) return true;
  const present = sources.map((path) => join(root, path)).filter(existsSync);
  return present.length > 0 && Math.max(...present.map(newestChange)) > statSync(output).mtimeMs;
}

function cannotBuild(target) {
  console.error(
    `The build of ${target.name} is missing or older than its sources, and this install has no build tools ` +
      '(a production install leaves the dev dependencies out). Build with every dependency installed: ' +
      '`npm ci && npm run build`, then `npm prune --omit=dev` if you like.',
  );
  process.exit(1);
}

async function buildApp() {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) cannotBuild(APP);
  console.error('Building the app…');
  // A production build whoever asks: a test runner's NODE_ENV=test would otherwise bring Preact's debug JSX along.
  const build = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  // Stopped while building: the build stops too, rather than running on unowned.
  const forward = (signal) => build.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  const [code, signal] = await once(build, 'exit');
  for (const name of ['SIGINT', 'SIGTERM']) process.off(name, forward);
  if (signal) process.exit(1);
  if (code !== 0) process.exit(code ?? 1);
}

async function buildServer() {
  if (!existsSync(join(root, 'node_modules/esbuild'))) cannotBuild(SERVER);
  console.error('Building the server…');
  const { buildServer: build } = await import('./build-server.mjs');
  try {
    await build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** An older Node than .nvmrc names fails deep inside better-sqlite3 or Vite; say so plainly instead. */
function checkNode() {
  const file = join(root, '.nvmrc');
  if (!existsSync(file)) return; // an image or an install made without the sources
  const wanted = readFileSync(file, 'utf8').trim().replace(/^v/, '');
  if (Number(process.versions.node.split('.')[0]) >= Number(wanted.split('.')[0])) return;
  console.error(
    `Talka runs on Node.js ${wanted} (.nvmrc); this is ${process.version}. Run the command through ` +
      '`node scripts/with-node.mjs …` (e.g. `node scripts/with-node.mjs npm start`), which fetches that Node from the npm registry the first time.',
  );
  process.exit(1);
}

/** Builds what is missing or stale: the server always, the app when `app` is set. */
export async function ensureBuilt({ app }) {
  checkNode();
  if (app && needsBuild(APP)) await buildApp();
  if (needsBuild(SERVER)) await buildServer();
}
