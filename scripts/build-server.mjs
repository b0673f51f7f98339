// `npm run build:server`: compiles server/main.ts and server/admin.ts (with
// protocol/) into ESM JavaScript under build/server/ that plain `node` runs.
// Packages stay imports of node_modules; each must be a runtime dependency,
// since a production install leaves the devDependencies out.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
export const SERVER_OUT_DIR = 'build/server';

/** The package a bare import names: `pg`, `@hono/node-server` (not its subpath). */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export async function buildServer() {
  const { dependencies = {} } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts', 'server/admin.ts'],
    outdir: SERVER_OUT_DIR,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    tsconfig: 'tsconfig.server.json',
  });
  const builtins = new Set(builtinModules);
  const missing = new Set();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const { path, external } of input.imports) {
      if (!external || path.startsWith('node:') || builtins.has(path)) continue;
      if (!(packageOf(path) in dependencies)) missing.add(packageOf(path));
    }
  }
  if (missing.size > 0) {
    throw new Error(`The server imports ${[...missing].join(', ')}, not among package.json's dependencies (a production install leaves devDependencies out)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServer().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
