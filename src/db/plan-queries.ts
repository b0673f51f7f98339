// Reads of the SWOT board and the action plan.
import { sortActions } from '../domain/action-plan';
import type { TalkaDatabase } from './database';
import type { StoredRecord } from './notebook';
import { listInCommunity } from './queries';

export async function listSwotItems(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'swot'>[]> {
  return listInCommunity(db, 'swot', communityId);
}

export async function listActions(db: TalkaDatabase, communityId: string): Promise<StoredRecord<'actions'>[]> {
  return sortActions(await listInCommunity(db, 'actions', communityId));
}

/** The community's needs an action can serve, by title. */
export async function listNeedChoices(db: TalkaDatabase, communityId: string): Promise<{ id: string; title: string }[]> {
  const needs = await listInCommunity(db, 'needs', communityId);
  return needs
    .map((need) => ({ id: need.id, title: need.title }))
    .sort((a, b) => a.title.localeCompare(b.title, 'lv'));
}
