import { describe, expect, it } from 'vitest';
import { PATCH_SCHEMAS } from '../../protocol';
import * as v from 'valibot';
import { ERASED_NAME, erasurePatch, participantDataDocument, type ParticipantData } from './export-participant';

describe('erasurePatch', () => {
  it('replaces every personal field and withdraws consent, and is a valid synced edit', () => {
    const patch = erasurePatch('coordinator-1', 1_800_000_000_000);
    expect(patch).toEqual({
      name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true,
      erasedAt: 1_800_000_000_000, erasedBy: 'coordinator-1',
    });
    expect(v.safeParse(PATCH_SCHEMAS.participants, patch).success).toBe(true);
  });
});

describe('participantDataDocument', () => {
  const data: ParticipantData = {
    participant: {
      id: 'p1', communityId: 'c1', name: 'Jānis Bērziņš', household: 'Kalnāji', phone: '+371 26 000 001', email: 'janis@example.lv',
      role: 'resident', consentData: true, consentPhotos: false, consentDate: '2026-11-23', erased: false,
      createdAt: Date.UTC(2026, 10, 23, 16), updatedAt: Date.UTC(2026, 10, 23, 17),
    },
    community: { id: 'c1', name: 'Raunas kopiena' },
    attendance: [
      { workshopId: 'w2', title: 'Forums', date: '2026-12-01', place: 'Skola', checkedInAt: Date.UTC(2026, 11, 1, 16) },
      { workshopId: 'w1', title: 'Darbnīca', date: '2026-11-23', place: 'Tautas nams', checkedInAt: Date.UTC(2026, 10, 23, 16) },
    ],
    votes: [{ needId: 'n1', need: 'Apgaismojums', workshopId: 'w1', workshop: 'Darbnīca', date: '2026-11-23', castAt: Date.UTC(2026, 10, 23, 18) }],
  };

  it('holds the record, consent, attendance by date and votes, with ISO times', () => {
    const document = JSON.parse(participantDataDocument(data, Date.UTC(2026, 11, 2), 'Vidzemes kopienu centrs'));
    expect(document).toEqual({
      exportedAt: '2026-12-02T00:00:00.000Z',
      organisation: 'Vidzemes kopienu centrs',
      participant: {
        id: 'p1', name: 'Jānis Bērziņš', household: 'Kalnāji', phone: '+371 26 000 001', email: 'janis@example.lv', role: 'resident',
        community: 'Raunas kopiena', consent: { data: true, photos: false, date: '2026-11-23' }, erased: false,
        createdAt: '2026-11-23T16:00:00.000Z', updatedAt: '2026-11-23T17:00:00.000Z',
      },
      attendance: [
        { workshop: 'Darbnīca', date: '2026-11-23', place: 'Tautas nams', checkedInAt: '2026-11-23T16:00:00.000Z' },
        { workshop: 'Forums', date: '2026-12-01', place: 'Skola', checkedInAt: '2026-12-01T16:00:00.000Z' },
      ],
      votes: [{ need: 'Apgaismojums', workshop: 'Darbnīca', date: '2026-11-23', castAt: '2026-11-23T18:00:00.000Z' }],
    });
  });
});
