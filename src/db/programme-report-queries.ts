// What the programme report (protocol/programme-report.ts) counts, read from the device's own
// database in one read transaction, so the report works offline over whatever the device holds.
import type { ProgrammeReportInput } from '../../protocol';
import type { TalkaDatabase } from './database';

/** Every record the programme report reads, as the device holds it (deleted rows included: the report skips them). */
export async function loadProgrammeReportInput(db: TalkaDatabase): Promise<ProgrammeReportInput> {
  const tables = [db.programmes, db.enrolments, db.communities, db.workshops, db.participants, db.attendance, db.needs, db.actions, db.spending];
  return db.transaction('r', tables, async () => {
    const [programmes, enrolments, communities, workshops, participants, attendance, needs, actions, spending] = await Promise.all([
      db.programmes.toArray(), db.enrolments.toArray(), db.communities.toArray(), db.workshops.toArray(), db.participants.toArray(),
      db.attendance.toArray(), db.needs.toArray(), db.actions.toArray(), db.spending.toArray(),
    ]);
    return { programmes, enrolments, communities, workshops, participants, attendance, needs, actions, spending };
  });
}
