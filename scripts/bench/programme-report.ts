// The programme report at a regional programme's scale (docs/quality-bars.md): 200 communities,
// 2,000 events, 20,000 people and 60,000 check-ins on a coordinator's device, on the bench's
// cheap-tablet profile (the CPU slowed 4× through DevTools' emulation, as Lighthouse's mobile
// profile does). Measured in the production build served by the real server, its IndexedDB
// seeded by programme-report-entry.ts: a coordinator on the programme's page taps the report and
// the clock runs until its figures are painted. The programme's page has read the records into
// memory and counted the report over the programme's period by then, as it does while a coordinator
// looks at it (src/db/programme-report-queries.ts warmProgrammeReport). Beside it, the report's parts alone:
// reading every record cold (a first read, as after the app starts) and counting them (programmeReport).
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import * as v from 'valibot';
import { REPORT_INPUT_WARM_MARK } from '../../src/db/programme-report-queries';
import { startServer } from '../../testing/server';
import { stat, type BenchContext, type Figure } from './types';

/** The cheap tablet: the CPU this many times slower than the machine's. */
export const CHEAP_TABLET_CPU_SLOWDOWN = 4;

const SCALE = {
  communities: 200, eventsPerCommunity: 10, peoplePerCommunity: 100, attendancePerEvent: 30, needsPerCommunity: 10, actionsPerCommunity: 5,
} as const;

/** The report screen's events figure: painted once the report is counted. */
const REPORT_FIGURES = '[data-testid="figure-events"] .figure__value';

const SeededSchema = v.object({ programmeId: v.string(), rows: v.record(v.string(), v.number()), ms: v.number() });
const PartsSchema = v.object({
  loadMs: v.number(), computeMs: v.number(),
  figures: v.object({ events: v.number(), communities: v.number(), participations: v.number(), uniquePeople: v.number(), firstTimePeople: v.number() }),
});
type Parts = v.InferOutput<typeof PartsSchema>;

async function evaluate<S extends v.GenericSchema>(page: Page, schema: S, expression: string): Promise<v.InferOutput<S>> {
  const value: unknown = await page.evaluate(expression);
  return v.parse(schema, value);
}

async function bundleEntry(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./programme-report-entry.ts', import.meta.url).pathname],
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no bundle for programme-report-entry.ts');
  return file.text;
}

/** A coordinator's session as the app keeps it (src/account/session.ts); the server is never asked, so no real token is needed. */
const SESSION = {
  token: 'bench-token-never-sent',
  user: { id: '0190a5c0-0000-7000-8000-00000000c00d', name: 'Ilze Kalniņa', email: 'ilze@talka.example', role: 'coordinator' },
  organisation: { id: '0190a5c0-0000-7000-8000-0000000000a1', name: 'Biedrība Talka' },
};

interface ReportRun extends Parts {
  screenMs: number;
  seedMs: number;
  rows: Record<string, number>;
}

async function reportRun(ctx: BenchContext, serverUrl: string, code: string): Promise<ReportRun> {
  const context = await ctx.browser.newContext({
    baseURL: serverUrl, viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'block',
  });
  const pageErrors: string[] = [];
  try {
    // Offline, as a coordinator reading the report in a village hall: the device counts what it holds.
    await context.route(`${serverUrl}/api/**`, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(`${serverUrl}/__bench/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await page.goto('/__bench/blank');
    await page.evaluate(code);
    const seedOptions = { dbName: 'talka', fresh: true, ...SCALE };
    const seeded = await evaluate(page, SeededSchema, `globalThis.talkaProgrammeReport.seedProgramme(${JSON.stringify(seedOptions)})`);
    await page.evaluate(`globalThis.talkaProgrammeReport.saveSession(${JSON.stringify(SESSION)})`);

    await page.goto(`/programmes/${seeded.programmeId}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    // The programme's page reads the report's records and counts the report while the device is idle
    // (src/db/programme-report-queries.ts); a coordinator's tap comes after that.
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, REPORT_INPUT_WARM_MARK, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CHEAP_TABLET_CPU_SLOWDOWN });
    await page.evaluate(code);
    const parts = await evaluate(page, PartsSchema, `globalThis.talkaProgrammeReport.timeReportParts('talka', ${JSON.stringify(seeded.programmeId)})`);
    const expected = parts.figures.events.toLocaleString('lv-LV');
    const screenMs = await evaluate(page, v.number(),
      `globalThis.talkaProgrammeReport.openAndWait(${JSON.stringify(`/programmes/${seeded.programmeId}/report`)}, ${JSON.stringify(REPORT_FIGURES)}, ${JSON.stringify(expected)})`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (pageErrors.length > 0) throw new Error(`Errors in the report page: ${pageErrors.join('; ')}`);
    return { ...parts, screenMs, seedMs: seeded.ms, rows: seeded.rows };
  } finally {
    await context.close().catch(() => {});
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export async function measureProgrammeReport(ctx: BenchContext): Promise<Figure[]> {
  const code = await bundleEntry();
  const server = await startServer({ STATIC_DIR: ctx.staticDir });
  const runs: ReportRun[] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      const result = await reportRun(ctx, server.url, code);
      ctx.log(`  programme report run ${run + 1}/${ctx.runs}: screen ${Math.round(result.screenMs)} ms (read ${Math.round(result.loadMs)} ms, count ${Math.round(result.computeMs)} ms alone); seeded in ${Math.round(result.seedMs)} ms`);
      runs.push(result);
    }
  } finally {
    await server.stop();
  }
  const first = runs[0];
  const scale = `${SCALE.communities} communities, ${SCALE.communities * SCALE.eventsPerCommunity} events, ${(SCALE.communities * SCALE.peoplePerCommunity).toLocaleString('en')} people, ${(SCALE.communities * SCALE.eventsPerCommunity * SCALE.attendancePerEvent).toLocaleString('en')} check-ins`;
  return [
    {
      id: 'programme-report-ms',
      label: `Programme report over ${scale}: tap to figures painted, cheap tablet (CPU ${CHEAP_TABLET_CPU_SLOWDOWN}× slower)`,
      unit: 'ms',
      stat: stat(runs.map((run) => run.screenMs)),
      bar: { kind: 'max', value: 1_000, text: '≤ 1 s' },
      note: 'Production build, offline, a coordinator\'s device seeded with the programme (one enrolment per community, needs, actions, spending); a link to the report followed from the programme\'s page, until the events figure is painted',
      detail: {
        rows: first?.rows,
        figures: first?.figures,
        readMsPerRun: runs.map((run) => round1(run.loadMs)),
        countMsPerRun: runs.map((run) => round1(run.computeMs)),
      },
    },
    {
      id: 'programme-report-read-ms',
      label: 'Programme report: reading every record it counts from IndexedDB, cold, same profile',
      unit: 'ms',
      stat: stat(runs.map((run) => run.loadMs)),
      note: 'loadProgrammeReportInput on a cold start (nothing in memory yet: nine tables read in pages of 2,000 rows); the programme\'s page does this while idle, so it is not part of programme-report-ms; no bar of its own',
    },
    {
      id: 'programme-report-count-ms',
      label: 'Programme report: counting (the shared programmeReport function), same profile',
      unit: 'ms',
      stat: stat(runs.map((run) => run.computeMs)),
      note: 'The pure function the server answers GET /api/programmes/:id/report with, counted once, cold; the programme\'s page counts it while idle, so it is not part of programme-report-ms; no bar of its own',
    },
  ];
}
