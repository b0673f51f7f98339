// The record schemas load on the first write (src/db/record-checks.ts). This
// file is its own module instance, so the first write here is a cold start:
// it happens inside a caller's transaction, which must outlive the wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceId } from '../../protocol';
import { TalkaDatabase } from './database';
import { ValidationError } from './errors';
import { Notebook } from './notebook';

let db: TalkaDatabase;
beforeEach(async () => {
  db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('Notebook before the record schemas have loaded', () => {
  it('a walk-in as the very first write: both records and their outbox entries, in the one transaction', async () => {
    const notebook = new Notebook({ db, deviceId: 'tablet1' });
    const workshop = { id: crypto.randomUUID(), communityId: crypto.randomUUID() };
    const participantId = await notebook.addWalkIn(workshop, {
      communityId: workshop.communityId, name: '  Anna Ozoliņa ', household: '', phone: '', email: '', role: 'youth',
      consentData: true, consentPhotos: false, consentDate: '2026-11-20', erased: false,
    });
    // Checked and normalised by the schema that was loaded for it.
    expect(await db.participants.get(participantId)).toMatchObject({ name: 'Anna Ozoliņa' });
    expect(await db.attendance.get(attendanceId(workshop.id, participantId))).toMatchObject({ deleted: false });
    expect(await db.outbox.count()).toBe(2);
  });

  it('still refuses what the schema refuses', async () => {
    const notebook = new Notebook({ db, deviceId: 'tablet1' });
    await expect(notebook.create('communities', {
      name: ' ', municipality: 'LV-022', parish: '', description: '', maturity: 'emerging', contacts: [],
    })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.communities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
