// The server figure of `npm run bench`: 50 simulated tablets in 10
// organisations sync with the real server on SQLite as the app does (push a
// batch of 20, gzipped, then pull to the end), as fast as the replies come,
// for a fixed time (scripts/load.ts, which also checks afterwards that no
// acknowledged change was lost). Throughput and p99 push latency, per run.
import { runLoad, type LoadReport } from '../load';
import { stat, type BenchContext, type Figure } from './types';

export const LOAD_DEVICES = 50;
const SECONDS = 15;
const BATCH = 20;

export async function measureServerLoad(ctx: BenchContext): Promise<Figure[]> {
  const reports: LoadReport[] = [];
  for (let run = 1; run <= ctx.runs; run++) {
    ctx.log(`server load: run ${run}/${ctx.runs} (${LOAD_DEVICES} devices, ${SECONDS} s)`);
    const report = await runLoad({ devices: LOAD_DEVICES, seconds: SECONDS, batch: BATCH, rate: 0, pullEvery: 1, organisations: 10, gzip: true });
    if (report.errors > 0 || report.lost > 0 || report.unexpected > 0 || report.duplicates > 0) {
      throw new Error(`Server load run ${run}: ${report.errors} errors, ${report.lost} lost, ${report.unexpected} unexpected, ${report.duplicates} duplicates: ${[...report.errorSamples, ...report.lostSamples].slice(0, 3).join('; ')}`);
    }
    ctx.log(`  ${report.mutationsPerSecond} mutations/s, push p99 ${report.pushLatencyMs.p99} ms`);
    reports.push(report);
  }
  const how = `${LOAD_DEVICES} devices in 10 organisations, pushes of ${BATCH} then a pull, as fast as replies come, ${SECONDS} s a run; nothing lost`;
  return [
    {
      id: 'server-mutations-per-s', label: `Server on SQLite, ${LOAD_DEVICES} concurrent devices: mutations applied per second`, unit: 'mutations/s',
      stat: stat(reports.map((report) => report.mutationsPerSecond)), bar: { kind: 'min', value: 2000, text: '≥ 2,000 mutations/s' }, note: how,
      detail: { pulls: reports.map((report) => report.pulls), pullLatencyMs: reports.map((report) => report.pullLatencyMs) },
    },
    {
      id: 'server-push-p99-ms', label: `Server on SQLite, ${LOAD_DEVICES} concurrent devices: push latency, p99`, unit: 'ms',
      stat: stat(reports.map((report) => report.pushLatencyMs.p99)), bar: { kind: 'max', value: 500, text: '< 500 ms' },
      note: `p50 ${stat(reports.map((report) => report.pushLatencyMs.p50)).median} ms`,
    },
  ];
}
