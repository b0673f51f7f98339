// `npm run bench` runs on a fresh machine: its size section, on the build the
// e2e suite made, prints one JSON object whose figures carry their stats and
// bars. (The whole bench takes about 15 minutes and is not part of the tests;
// its figures are measurements, never asserted as timings here.)
import { spawnSync } from 'node:child_process';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

const figureSchema = v.object({
  id: v.string(),
  label: v.string(),
  unit: v.string(),
  stat: v.object({ median: v.number(), min: v.number(), max: v.number(), values: v.array(v.number()) }),
  bar: v.optional(v.object({ kind: v.picklist(['max', 'min']), value: v.number(), text: v.string() })),
  met: v.nullable(v.boolean()),
});
const reportSchema = v.object({ machine: v.string(), runs: v.number(), figures: v.array(figureSchema) });

describe('npm run bench', () => {
  it('measures the build and prints its figures as JSON: --only size --runs 2 --no-build --json', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/index.ts', '--only', 'size', '--runs', '2', '--no-build', '--json'], {
      cwd: root, encoding: 'utf8', timeout: 110_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = v.parse(reportSchema, JSON.parse(run.stdout));
    expect(report.runs).toBe(2);
    const byId = new Map(report.figures.map((figure) => [figure.id, figure]));
    const firstLoad = byId.get('first-load-kb');
    expect(firstLoad?.stat.values).toHaveLength(2);
    expect(firstLoad?.stat.median).toBeGreaterThan(10);
    expect(firstLoad?.bar).toMatchObject({ kind: 'max', value: 70 });
    expect(byId.get('precache-kb')?.bar).toMatchObject({ kind: 'max', value: 400 });
    expect(firstLoad?.met).toBe(firstLoad!.stat.median <= 70);
  });

  it('refuses an unknown section with a clear message and measures nothing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/index.ts', '--only', 'speed', '--no-build'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Sections are size, lighthouse, device, report, sync, pull50k, rural, server');
  });
});
