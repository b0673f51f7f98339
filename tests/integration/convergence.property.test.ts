// Convergence, property-based (docs/quality-bars.md, Reliability): 2–5 simulated devices,
// each the app's real database (fake-indexeddb), notebook and sync engine,
// make random offline edits, deletes, undeletes, check-ins and votes, and
// sync in random orders with the real server app (SQLite, in process) over a
// network that loses, duplicates, delays and 5xx's requests. After everyone
// syncs to the end: every device equals the server; every value anyone typed
// is current, kept in `conflicts`, or was knowingly replaced; vote and
// attendance rows are the union of what was cast, each deleted flag decided
// by its last writer.
//
//   CONVERGENCE_RUNS=1000 npx vitest run --project node tests/integration/convergence.property.test.ts
//   CONVERGENCE_SEED=… CONVERGENCE_PATH=… (from a failure report) replays one case.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeStep, scenarioArb, type Scenario } from './support/sim-commands';
import { SimWorld } from './support/sim-world';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 200);
const SEED = process.env.CONVERGENCE_SEED === undefined ? undefined : Number(process.env.CONVERGENCE_SEED);
const PATH = process.env.CONVERGENCE_PATH;
const MAX_STEPS = 30;
const totals: Record<string, number> = {};

async function converges(scenario: Scenario): Promise<void> {
  const world = new SimWorld();
  try {
    await world.setUp(scenario.devices);
    await world.morning();
    for (const step of scenario.steps) {
      world.advance(step.advanceMs);
      await world.run(step.command);
    }
    world.advance(1_000);
    const violations = [...(await world.syncToTheEnd()), ...(await world.check())];
    for (const [key, value] of Object.entries(world.stats)) totals[key] = (totals[key] ?? 0) + value;
    if (violations.length > 0) {
      const steps = scenario.steps.map((step, i) => `  ${i}. ${describeStep(step)}`).join('\n');
      const devices = scenario.devices.map((d, i) => `  tablet${i}: user ${d.user}, skew ${d.skewMs} ms, push batch ${d.pushBatchSize}, pull limit ${d.pullLimit}${d.startsOffline ? ', starts offline' : ''}`).join('\n');
      throw new Error(`${violations.length} violation(s):\n  ${violations.slice(0, 25).join('\n  ')}\ndevices:\n${devices}\nsteps:\n${steps}`);
    }
  } finally {
    await world.tearDown();
  }
}

describe('convergence (property-based)', () => {
  it(`random offline work on 2–5 devices over a faulty network converges (${PATH ? 'replay' : `${RUNS} runs`})`, async () => {
    const started = Date.now();
    const details = await fc.check(fc.asyncProperty(scenarioArb(MAX_STEPS), converges), {
      numRuns: RUNS,
      ...(SEED !== undefined ? { seed: SEED } : {}),
      ...(PATH !== undefined ? { path: PATH, endOnFailure: true } : {}),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (details.failed) {
      const replay = `CONVERGENCE_SEED=${details.seed} CONVERGENCE_PATH=${details.counterexamplePath ?? ''}`
        + ' npx vitest run --project node tests/integration/convergence.property.test.ts';
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${fc.defaultReportMessage(details) ?? 'failed'}\n\n${error}\n\nReplay this case with:\n  ${replay}\n`);
    }
    console.info(`convergence: ${details.numRuns} runs passed in ${seconds} s (seed ${details.seed}); totals ${JSON.stringify(totals)}`);
    expect(details.numRuns).toBe(PATH ? details.numRuns : RUNS);
  }, Math.max(120_000, RUNS * 2_000));
});
