// The bench's own packages (Lighthouse, chrome-launcher, PouchDB and
// express-pouchdb, axe-core) live in scripts/bench/package.json with their own
// lock file, so a production install never fetches them. The sections that
// need them install them here on first use (`npm ci --prefix scripts/bench`),
// and again when the lock file changes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = new URL('.', import.meta.url).pathname;
/** The lock file's hash as of the last install, beside the packages it installed. */
const STAMP = join(benchDir, 'node_modules', '.talka-lock-sha256');

export function ensureBenchDependencies(log: (line: string) => void): void {
  const lock = createHash('sha256').update(readFileSync(join(benchDir, 'package-lock.json'))).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lock) return;
  log('Installing the bench\'s own packages into scripts/bench/node_modules (first run: about a minute)…');
  // npm's own output goes to stderr: stdout may be carrying --json.
  const install = spawnSync('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: ['ignore', process.stderr, process.stderr] });
  if (install.status !== 0) throw new Error(`npm ci --prefix ${benchDir} failed (exit ${install.status ?? install.signal})`);
  writeFileSync(STAMP, lock);
}
