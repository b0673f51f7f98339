// The load script (scripts/load.ts, `npm run load`) in short, for CI: the real
// server process, simulated tablets of several organisations pushing (gzip) and
// pulling for 5 s. Asserts correctness only — no errors, nothing lost, nothing
// extra or twice; the throughput and latency bars are for the benchmark report.
import { describe, expect, it } from 'vitest';
import { runLoad } from '../../scripts/load';

const targets: [string, string | undefined][] = [['sqlite', undefined]];
if (process.env.TEST_POSTGRES_URL) targets.push(['postgres', process.env.TEST_POSTGRES_URL]);

describe.each(targets)('load on %s (short)', (name, postgresUrl) => {
  it('10 tablets in 3 organisations sync for 5 s: 0 errors, 0 lost, the server holds exactly what was sent', async () => {
    const report = await runLoad({
      devices: 10, organisations: 3, seconds: 5, batch: 20, rate: 0, pullEvery: 1, gzip: true,
      ...(postgresUrl ? { postgresUrl } : {}),
    });
    console.log(`[load ${name}] ${report.mutationsPerSecond} mutations/s, push p50 ${report.pushLatencyMs.p50} ms, p99 ${report.pushLatencyMs.p99} ms, ${report.records} records`);
    expect(report.errorSamples).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.lostSamples).toEqual([]);
    expect(report.lost).toBe(0);
    expect(report.unexpected).toBe(0);
    expect(report.duplicates).toBe(0);
    expect(report.skippedSamples).toEqual([]);
    expect(report.setupLinksPrinted).toBe(1);
    expect(report.mutations).toBeGreaterThan(0);
    expect(report.records).toBeGreaterThan(0);
  }, 60_000);
});
