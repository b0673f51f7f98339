// A personal data request: everything held about one participant as a
// readable, machine-readable JSON document, and the edit that erases them.
import { ERASED_NAME, type EditableFields, type Participant } from '../../protocol';

export { ERASED_NAME };

/** The fields an erasure writes: personal data replaced, consent withdrawn, when and by whom; the record kept for counts. */
export function erasurePatch(erasedBy: string, erasedAt: number): Pick<EditableFields<'participants'>,
  'name' | 'household' | 'phone' | 'email' | 'consentData' | 'consentPhotos' | 'consentDate' | 'erased' | 'erasedAt' | 'erasedBy'> {
  return {
    name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true, erasedAt, erasedBy,
  };
}

export interface ParticipantData {
  participant: Pick<Participant,
    'id' | 'communityId' | 'name' | 'household' | 'phone' | 'email' | 'role' | 'consentData' | 'consentPhotos' | 'consentDate' |
    'erased' | 'createdAt' | 'updatedAt'>;
  community: { id: string; name: string } | null;
  attendance: { workshopId: string; title: string; date: string; place: string; checkedInAt: number }[];
  votes: { needId: string; need: string; workshopId: string; workshop: string; date: string; castAt: number }[];
  /** Values of the record's fields kept by conflicts (concurrent edits), which may be personal too. */
  conflicts?: { field: string; winnerValue: unknown; loserValue: unknown }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The JSON a participant (or the coordinator on their behalf) receives: plain names, ISO times, nothing internal. */
export function participantDataDocument(data: ParticipantData, exportedAt: number, organisation: string): string {
  const { participant: p } = data;
  const document = {
    exportedAt: iso(exportedAt),
    organisation,
    participant: {
      id: p.id,
      name: p.name,
      household: p.household,
      phone: p.phone,
      email: p.email,
      role: p.role,
      community: data.community?.name ?? '',
      consent: { data: p.consentData, photos: p.consentPhotos, date: p.consentDate },
      erased: p.erased,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    },
    attendance: [...data.attendance]
      .sort((a, b) => a.date.localeCompare(b.date) || a.checkedInAt - b.checkedInAt)
      .map((a) => ({ workshop: a.title, date: a.date, place: a.place, checkedInAt: iso(a.checkedInAt) })),
    votes: [...data.votes]
      .sort((a, b) => a.castAt - b.castAt)
      .map((v) => ({ need: v.need, workshop: v.workshop, date: v.date, castAt: iso(v.castAt) })),
    ...(data.conflicts?.length ? { keptConflictValues: data.conflicts.map((c) => ({ field: c.field, values: [c.winnerValue, c.loserValue] })) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
