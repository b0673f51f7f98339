// `npx tsx scripts/bench/lighthouse-alone.ts [--runs N] [--dist dir] [--json]`: the
// Lighthouse section of the bench on its own, for iterating on the app. Builds
// nothing: run `npx vite build` first. Starts the server and Chromium itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBuiltApp } from './lighthouse';
import { meetsBar, type Figure } from './types';

const root = new URL('../..', import.meta.url).pathname;

function format(figure: Figure): string {
  const { median, min, max } = figure.stat;
  const verdict = meetsBar(figure) === null ? '' : meetsBar(figure) ? '  ok' : '  MISSED';
  const lines = [`${figure.label}: ${median} (${min}–${max}) ${figure.unit}${figure.bar ? `, bar ${figure.bar.text}` : ''}${verdict}`];
  if (figure.note) lines.push(`  ${figure.note}`);
  const failing = figure.detail?.failing;
  if (Array.isArray(failing)) {
    for (const audit of failing) lines.push(`  - ${JSON.stringify(audit)}`);
  }
  const metrics = figure.detail?.metrics;
  if (metrics) lines.push(`  metrics (medians): ${JSON.stringify(metrics)}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false }, dist: { type: 'string', default: join(root, 'dist') } },
  });
  const runs = Number.parseInt(values.runs, 10);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${values.runs}`);
  if (!existsSync(join(values.dist, 'index.html'))) throw new Error(`No ${values.dist}/index.html: run \`npx vite build\` first.`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const figures = await measureBuiltApp(values.dist, runs, log);
  if (values.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else process.stdout.write(`${figures.map(format).join('\n\n')}\n`);
  if (figures.some((figure) => meetsBar(figure) === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
