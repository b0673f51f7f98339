// What the programme report (protocol/programme-report.ts) counts, read from the device's own
// database in one read transaction, so the report works offline over whatever the device holds.
// The regional summary (src/domain/regional-summary.ts) reads what the enrolled communities gathered.
import type { ProgrammeReportInput, RecordTypes } from '../../protocol';
import type { RegionalSummaryInput } from '../domain/regional-summary';
import type { Stored, TalkaDatabase } from './database';

type Rows<T extends keyof RecordTypes> = Stored<RecordTypes[T]>[];

/** The report's input as whole records: the report reads its fields, the report screen the names beside them. */
export interface ProgrammeReportRecords extends ProgrammeReportInput {
  programmes: Rows<'programmes'>;
  enrolments: Rows<'enrolments'>;
  communities: Rows<'communities'>;
  workshops: Rows<'workshops'>;
  participants: Rows<'participants'>;
  attendance: Rows<'attendance'>;
  needs: Rows<'needs'>;
  actions: Rows<'actions'>;
  spending: Rows<'spending'>;
}

/** Every record the programme report reads, as the device holds it (deleted rows included: the report skips them). */
export async function loadProgrammeReportInput(db: TalkaDatabase): Promise<ProgrammeReportRecords> {
  const tables = [db.programmes, db.enrolments, db.communities, db.workshops, db.participants, db.attendance, db.needs, db.actions, db.spending];
  return db.transaction('r', tables, async () => {
    const [programmes, enrolments, communities, workshops, participants, attendance, needs, actions, spending] = await Promise.all([
      db.programmes.toArray(), db.enrolments.toArray(), db.communities.toArray(), db.workshops.toArray(), db.participants.toArray(),
      db.attendance.toArray(), db.needs.toArray(), db.actions.toArray(), db.spending.toArray(),
    ]);
    return { programmes, enrolments, communities, workshops, participants, attendance, needs, actions, spending };
  });
}

/** The regional summary's records, with the programmes (for the title) beside them. */
export interface RegionalSummaryRecords extends RegionalSummaryInput {
  programmes: Rows<'programmes'>;
}

export async function loadRegionalSummaryInput(db: TalkaDatabase): Promise<RegionalSummaryRecords> {
  const tables = [db.programmes, db.enrolments, db.communities, db.needs, db.votes, db.resources, db.swot];
  return db.transaction('r', tables, async () => {
    const [programmes, enrolments, communities, needs, votes, resources, swot] = await Promise.all([
      db.programmes.toArray(), db.enrolments.toArray(), db.communities.toArray(), db.needs.toArray(), db.votes.toArray(),
      db.resources.toArray(), db.swot.toArray(),
    ]);
    return { programmes, enrolments, communities, needs, votes, resources, swot };
  });
}
