// Push-only load benchmark for docs/quality-bars.md: "the server holds ≥ 2,000 mutations/s
// from 50 concurrent devices on SQLite, p99 push latency < 500 ms". Now a thin
// front to scripts/load.ts (`npm run load`, which also pulls and checks that
// nothing was lost): DEVICES simulated tablets of one organisation push batches
// of BATCH mutations for DURATION seconds, without pulling.
//
//   npx tsx scripts/bench/server/push-load.ts            # defaults: 50 devices, batch 20, 15 s, as fast as possible
//   RATE=2000 npx tsx scripts/bench/server/push-load.ts  # the bar: 2,000 mutations/s offered, report p99
//   DEVICES=50 BATCH=100 DURATION=20 npx tsx scripts/bench/server/push-load.ts
//   DATABASE_URL=postgres://… npx tsx scripts/bench/server/push-load.ts
//   SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' …   # profile the server
import { runLoad } from '../../load';

async function main() {
  const report = await runLoad({
    devices: Number(process.env.DEVICES ?? 50),
    batch: Number(process.env.BATCH ?? 20),
    seconds: Number(process.env.DURATION ?? 15),
    rate: Number(process.env.RATE ?? 0),
    gzip: process.env.GZIP !== '0',
    organisations: 1,
    pullEvery: 0,
    ...(process.env.DATABASE_URL ? { postgresUrl: process.env.DATABASE_URL } : {}),
  });
  console.log(JSON.stringify({
    database: report.database, devices: report.devices, batch: report.batch, gzip: report.gzip, offeredRate: report.offeredRate,
    seconds: report.seconds, pushes: report.pushes, mutations: report.mutations, mutationsPerSecond: report.mutationsPerSecond,
    latencyMs: report.pushLatencyMs, errors: report.errors, lost: report.lost,
  }));
  if (report.errors > 0 || report.lost > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
