// Reads of the coordinator's overview: every record the figures need, deleted
// ones included (src/domain/overview.ts leaves them out, and what hangs below them).
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';

export interface OverviewRecords {
  communities: StoredRecord<'communities'>[];
  workshops: StoredRecord<'workshops'>[];
  participants: StoredRecord<'participants'>[];
  attendance: StoredRecord<'attendance'>[];
  needs: StoredRecord<'needs'>[];
  votes: StoredRecord<'votes'>[];
  resources: StoredRecord<'resources'>[];
  actions: StoredRecord<'actions'>[];
  programmes: StoredRecord<'programmes'>[];
  enrolments: StoredRecord<'enrolments'>[];
}

/** Everything the overview counts, read in one transaction so the figures agree with each other. */
export async function loadOverviewRecords(db: TalkaDatabase): Promise<OverviewRecords> {
  const tables = [db.communities, db.workshops, db.participants, db.attendance, db.needs, db.votes, db.resources, db.actions, db.programmes, db.enrolments];
  return db.transaction('r', tables, async () => {
    const [communities, workshops, participants, attendance, needs, votes, resources, actions, programmes, enrolments] = await Promise.all([
      db.communities.toArray(), db.workshops.toArray(), db.participants.toArray(), db.attendance.toArray(),
      db.needs.toArray(), db.votes.toArray(), db.resources.toArray(), db.actions.toArray(), db.programmes.toArray(), db.enrolments.toArray(),
    ]);
    return { communities, workshops, participants, attendance, needs, votes, resources, actions, programmes, enrolments };
  });
}
