// The organisation's settings: one synced record (`settings`, id from the
// organisation's), written by coordinators (the server refuses anyone else,
// docs/protocol.md, Records), read by every device offline.
import { settingsId, type ConsentText, type EditableFields } from '../../protocol';
import { withNewConsentText } from '../domain/consent';
import { RETENTION_MONTHS } from '../domain/retention';
import type { TalkaDatabase } from './database';
import type { Notebook, StoredRecord } from './notebook';

export type OrganisationSettings = EditableFields<'settings'>;

/** What an organisation that never saved its settings works with. */
export const DEFAULT_SETTINGS: OrganisationSettings = { retentionMonths: RETENTION_MONTHS.default, consentTexts: [] };

/** The settings this device holds: the organisation's own record, or (before anyone signed in) any it has; null before any synced. */
export async function loadSettings(db: TalkaDatabase, organisationId: string | null): Promise<StoredRecord<'settings'> | null> {
  const own = organisationId ? await db.settings.get(settingsId(organisationId)) : undefined;
  const found = own ?? (await db.settings.toArray()).find((record) => !record.deleted);
  return found && !found.deleted ? found : null;
}

/** Writes some settings as a synced edit, creating the record with the defaults on first use; one transaction. */
async function writeSettings<T>(notebook: Notebook, organisationId: string, change: (existing: StoredRecord<'settings'> | undefined) => { patch: Partial<OrganisationSettings>; result: T }): Promise<T> {
  const { db } = notebook;
  const id = settingsId(organisationId);
  return db.transaction('rw', [db.settings, db.outbox, db.meta], async () => {
    const existing = await db.settings.get(id);
    const { patch, result } = change(existing);
    if (existing) await notebook.update('settings', id, { ...patch, ...(existing.deleted ? { deleted: false } : {}) });
    else await notebook.create('settings', { ...DEFAULT_SETTINGS, ...patch }, id);
    return result;
  });
}

export async function saveSettings(notebook: Notebook, organisationId: string, patch: Partial<OrganisationSettings>): Promise<void> {
  await writeSettings(notebook, organisationId, () => ({ patch, result: undefined }));
}

/** The consent texts the organisation has worded (empty: the shipped one is in force). */
export async function loadConsentTexts(db: TalkaDatabase, organisationId: string | null): Promise<ConsentText[]> {
  return (await loadSettings(db, organisationId))?.consentTexts ?? [];
}

/** Adds a new wording of the consent text as the next version, never rewriting the earlier ones; returns its version. */
export async function addConsentText(notebook: Notebook, organisationId: string, wording: { lv: string; en: string; from: string }): Promise<string> {
  return writeSettings(notebook, organisationId, (existing) => {
    const consentTexts = withNewConsentText(existing?.consentTexts, wording);
    return { patch: { consentTexts }, result: consentTexts.at(-1)!.version };
  });
}
