// Reads of carrying out the plan: progress notes and spending of actions, self-assessment rounds,
// mentors' visits, the support-measures directory and the organisation's settings.
import { sortRounds } from '../domain/assessment';
import { alive } from '../domain/live-records';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';
import { listInCommunity } from './queries';

const byDayThenMade = (a: { date: string; createdAt: number }, b: { date: string; createdAt: number }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt;

export async function listActionNotes(db: TalkaDatabase, actionId: string): Promise<StoredRecord<'actionNotes'>[]> {
  return alive(await db.actionNotes.where('actionId').equals(actionId).toArray()).sort(byDayThenMade);
}

export async function listSpending(db: TalkaDatabase, actionId: string): Promise<StoredRecord<'spending'>[]> {
  return alive(await db.spending.where('actionId').equals(actionId).toArray()).sort(byDayThenMade);
}

export async function listSpendingInCommunity(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'spending'>[]> {
  return listInCommunity(db, 'spending', communityId);
}

/** Every spending line the device holds (the coordinator's overview and the exports). */
export async function listAllSpending(db: TalkaDatabase): Promise<StoredRecord<'spending'>[]> {
  return alive(await db.spending.toArray());
}

/** A community's self-assessment rounds, oldest first. */
export async function listRounds(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'assessmentRounds'>[]> {
  return sortRounds(await listInCommunity(db, 'assessmentRounds', communityId));
}

/** A community's visits, the latest first. */
export async function listVisits(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'visits'>[]> {
  return (await listInCommunity(db, 'visits', communityId)).sort((a, b) => byDayThenMade(b, a));
}

/** Every visit the device holds: the home screen's due steps. */
export async function listAllVisits(db: TalkaDatabase): Promise<StoredRecord<'visits'>[]> {
  return alive(await db.visits.toArray());
}

/** The support-measures directory, expired ones too (past actions keep their link). */
export async function listMeasures(db: TalkaDatabase): Promise<StoredRecord<'measures'>[]> {
  return alive(await db.measures.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'lv'));
}

