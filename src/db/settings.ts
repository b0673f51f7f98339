// The organisation's settings: one synced record (`settings`, id from the
// organisation's), written by coordinators, read by every device offline.
import { settingsId, type EditableFields } from '../../protocol';
import { RETENTION_MONTHS } from '../domain/retention';
import type { TalkaDatabase } from './database';
import type { Notebook, StoredRecord } from './notebook';

export type OrganisationSettings = EditableFields<'settings'>;

/** What an organisation that never saved its settings works with. */
export const DEFAULT_SETTINGS: OrganisationSettings = { retentionMonths: RETENTION_MONTHS.default, consentTexts: [] };

/** The organisation's settings record, or undefined before anyone saved one (or before it synced here). */
export async function loadSettings(db: TalkaDatabase, organisationId: string): Promise<StoredRecord<'settings'> | undefined> {
  const settings = await db.settings.get(settingsId(organisationId));
  return settings && !settings.deleted ? settings : undefined;
}

/** Saves some settings as a synced edit, creating the record with the defaults on first use. */
export async function saveSettings(notebook: Notebook, organisationId: string, patch: Partial<OrganisationSettings>): Promise<void> {
  const id = settingsId(organisationId);
  const { db } = notebook;
  await db.transaction('rw', [db.settings, db.outbox, db.meta], async () => {
    const existing = await db.settings.get(id);
    if (existing) await notebook.update('settings', id, patch);
    else await notebook.create('settings', { ...DEFAULT_SETTINGS, ...patch }, id);
  });
}
