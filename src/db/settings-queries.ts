// The organisation's settings record (one per organisation, id from settingsId): read by every
// device, written by coordinators (the server refuses anyone else, docs/protocol.md, Records).
import { settingsId, type ConsentText } from '../../protocol';
import { withNewConsentText } from '../domain/consent';
import { RETENTION_MONTHS } from '../domain/retention';
import type { TalkaDatabase } from './database';
import type { Notebook, StoredRecord } from './notebook';

/** The settings this device holds: the organisation's own record, or (before anyone signed in) any it has. */
export async function loadSettings(db: TalkaDatabase, organisationId: string | null): Promise<StoredRecord<'settings'> | null> {
  const own = organisationId ? await db.settings.get(settingsId(organisationId)) : undefined;
  const found = own ?? (await db.settings.toArray()).find((record) => !record.deleted);
  return found && !found.deleted ? found : null;
}

/** The consent texts the organisation has worded (empty: the shipped one is in force). */
export async function loadConsentTexts(db: TalkaDatabase, organisationId: string | null): Promise<ConsentText[]> {
  return (await loadSettings(db, organisationId))?.consentTexts ?? [];
}

/**
 * Adds a new wording of the consent text as the next version, never rewriting the earlier ones; makes the
 * settings record when the organisation has none yet. One transaction, through the notebook.
 */
export async function addConsentText(notebook: Notebook, organisationId: string, wording: { lv: string; en: string; from: string }): Promise<string> {
  const { db } = notebook;
  const id = settingsId(organisationId);
  return db.transaction('rw', [db.settings, db.outbox, db.meta], async () => {
    const existing = await db.settings.get(id);
    const consentTexts = withNewConsentText(existing?.consentTexts, wording);
    if (existing) await notebook.update('settings', id, { consentTexts, ...(existing.deleted ? { deleted: false } : {}) });
    else await notebook.create('settings', { retentionMonths: RETENTION_MONTHS.default, consentTexts }, id);
    return consentTexts.at(-1)!.version;
  });
}
