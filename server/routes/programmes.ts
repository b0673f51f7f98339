// /api/programmes: a coordinator's reports of the organisation's programmes (docs/protocol.md, Programme report).
// GET /:programmeId/report?from=YYYY-MM-DD&to=YYYY-MM-DD answers what programmeReport computes over
// the organisation's records, the same function the device runs. The reply lists people: never
// cached (no-store) and never logged.
import { Hono } from 'hono';
import * as v from 'valibot';
import { isRequestErrorCode } from '../../protocol/errors';
import { programmeReport } from '../../protocol/programme-report';
import { programmeReportQuerySchema, reportResponse } from '../../protocol/programme-report-wire';
import { requireCoordinator, requireSession } from '../auth/session';
import { Refusal } from '../errors';
import type { AppDeps, AppEnv } from '../http/env';
import { jsonReply } from '../http/json-reply';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';
import { loadProgrammeReportInput } from '../reports/programme-report-input';

const MESSAGES: Record<string, string> = {
  bad_id: 'The programme id is not a record id',
  bad_date: 'from and to must be days of the calendar, YYYY-MM-DD',
  bad_range: 'from must not be after to',
};

export function programmeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(SMALL_BODY_BYTES), requireSession(deps), requireCoordinator);

  app.get('/:programmeId/report', async (c) => {
    const parsed = v.safeParse(programmeReportQuerySchema, {
      programmeId: c.req.param('programmeId'),
      from: c.req.query('from'),
      to: c.req.query('to'),
    });
    if (!parsed.success) {
      const code = parsed.issues[0].message;
      throw new Refusal(400, isRequestErrorCode(code) ? code : 'bad_request', MESSAGES[code] ?? 'Not a report query');
    }
    const query = parsed.output;
    const input = await loadProgrammeReportInput(deps.store, c.get('session').organisation.id);
    const report = programmeReport(input, query);
    if (!report) throw new Refusal(404, 'not_found', 'No such programme in your organisation');
    c.header('Cache-Control', 'no-store');
    return jsonReply(c, reportResponse(report));
  });

  return app;
}
