// Fixtures for the check-in and workshop screen tests.
import type { TestServices } from '../test-support';

export { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';

/** A community with a workshop and the given people, as a facilitator would have it before the evening. */
export async function seedWorkshop({ notebook }: TestServices, names: readonly string[]) {
  const communityId = await notebook.create('communities', {
    name: 'Raunas kopiena', municipality: 'LV-094', parish: 'Rauna', description: '', maturity: 'emerging', contacts: [],
  });
  const workshopId = await notebook.create('workshops', {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: '2026-11-23', startTime: '18:00', endTime: '20:00',
    place: 'Tautas nams', programme: 'Drošas kopienas', facilitators: 'Ilze', agenda: '', notes: '', status: 'planned', dotsPerPerson: 3,
  });
  const participantIds: string[] = [];
  for (const name of names) {
    participantIds.push(await notebook.create('participants', {
      communityId, name, household: '', phone: '', email: '', role: 'resident',
      consentData: true, consentPhotos: false, consentDate: '2026-11-23', erased: false,
    }));
  }
  return { communityId, workshopId, participantIds };
}
