// Valid records for tests, tools and benchmarks: one builder per record kind
// returns the fields a person edits, filled with plain Latvian defaults, and
// takes overrides for what the caller is about. A test that asserts a value
// passes it as an override, so the value it checks stands in the test itself.
import type { EditableFields, RecordTypes, TableName } from '../protocol';

type Overrides<T extends TableName> = Partial<EditableFields<T>>;

/** A fixed evening, so records made from the defaults are the same on every run. */
export const FIXTURE_DAY = '2026-03-14';
export const FIXTURE_TIME = Date.UTC(2026, 2, 14, 16, 0);

export function communityFields(overrides: Overrides<'communities'> = {}): EditableFields<'communities'> {
  return {
    name: 'Kalnciema kopiena', municipality: 'LV-041', parish: 'Kalnciems', description: '', maturity: 'emerging', contacts: [],
    ...overrides,
  };
}

export function workshopFields(communityId: string, overrides: Overrides<'workshops'> = {}): EditableFields<'workshops'> {
  return {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: FIXTURE_DAY, startTime: '18:00', endTime: '20:00',
    place: 'Tautas nams', programme: '', facilitators: '', agenda: '', notes: '', status: 'planned', dotsPerPerson: 3,
    ...overrides,
  };
}

export function participantFields(communityId: string | null, overrides: Overrides<'participants'> = {}): EditableFields<'participants'> {
  return {
    communityId, name: 'Jānis Bērziņš', household: '', phone: '', email: '', role: 'resident',
    consentData: true, consentPhotos: false, consentDate: FIXTURE_DAY, erased: false,
    ...overrides,
  };
}

export function attendanceFields(
  at: { communityId: string; workshopId: string; participantId: string },
  overrides: Overrides<'attendance'> = {},
): EditableFields<'attendance'> {
  return { ...at, checkedInAt: FIXTURE_TIME, ...overrides };
}

export function needFields(communityId: string, overrides: Overrides<'needs'> = {}): EditableFields<'needs'> {
  return {
    communityId, workshopId: null, title: 'Apgaismojums pie skolas', description: '', category: 'safety', status: 'raised', owner: '',
    ...overrides,
  };
}

/** An anonymous dot unless `participantId` is given. */
export function voteFields(
  at: { communityId: string; workshopId: string; needId: string },
  overrides: Overrides<'votes'> = {},
): EditableFields<'votes'> {
  return { ...at, participantId: null, castAt: FIXTURE_TIME, ...overrides };
}

export function resourceFields(communityId: string, overrides: Overrides<'resources'> = {}): EditableFields<'resources'> {
  return {
    communityId, kind: 'place', name: 'Tautas nams', description: '', contact: '', availability: '', needIds: [],
    ...overrides,
  };
}

export function actionFields(communityId: string, overrides: Overrides<'actions'> = {}): EditableFields<'actions'> {
  return {
    communityId, needId: null, what: 'Uzstādīt laternas', who: '', due: '', budgetCents: 0, status: 'planned',
    ...overrides,
  };
}

export function swotFields(communityId: string, overrides: Overrides<'swot'> = {}): EditableFields<'swot'> {
  return { communityId, workshopId: null, quadrant: 'strengths', text: 'Aktīvi kaimiņi', ...overrides };
}

/** A photo's record, on the record it shows; the image bytes (and so `sha256` and `size`) are the caller's when they matter. */
export function photoFields(
  parent: { communityId: string | null; table: EditableFields<'photos'>['parentTable']; id: string },
  overrides: Overrides<'photos'> = {},
): EditableFields<'photos'> {
  return {
    communityId: parent.communityId, parentTable: parent.table, parentId: parent.id, caption: '',
    sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 1024, width: 640, height: 480,
    ...overrides,
  };
}

/** A person's tie to a community besides their home one. */
export function tieFields(participantId: string, communityId: string): EditableFields<'ties'> {
  return { participantId, communityId };
}

/** A user's assignment to a community (or, with `workshopId`, to one event of the organisation). */
export function assignmentFields(userId: string, target: { communityId: string } | { workshopId: string }): EditableFields<'assignments'> {
  return 'communityId' in target ? { userId, communityId: target.communityId, workshopId: null } : { userId, communityId: null, workshopId: target.workshopId };
}

/** A dated note on an action's progress. */
export function actionNoteFields(communityId: string, actionId: string, overrides: Overrides<'actionNotes'> = {}): EditableFields<'actionNotes'> {
  return { communityId, actionId, date: FIXTURE_DAY, note: 'Laternas pasūtītas', ...overrides };
}

/** A spending line on an action: 125,50 € for lanterns. */
export function spendingFields(communityId: string, actionId: string, overrides: Overrides<'spending'> = {}): EditableFields<'spending'> {
  return { communityId, actionId, date: FIXTURE_DAY, amountCents: 12_550, what: 'Laternas', supplier: 'SIA Gaisma', ...overrides };
}

/** A self-assessment round with one answered statement. */
export function assessmentRoundFields(communityId: string, overrides: Overrides<'assessmentRounds'> = {}): EditableFields<'assessmentRounds'> {
  return {
    communityId, date: FIXTURE_DAY, label: 'Sākumā', workshopId: null,
    answers: [{ statementId: 'lead-1', themeId: 'leadership', themeLv: 'Līderība', themeEn: 'Leadership', lv: 'Kopienai ir līderi', en: 'The community has leaders', score: 3, comment: '' }],
    ...overrides,
  };
}

/** A mentor's visit with one next step. */
export function visitFields(communityId: string, mentorId: string, overrides: Overrides<'visits'> = {}): EditableFields<'visits'> {
  return {
    communityId, date: FIXTURE_DAY, mentorId, mentorName: 'Aija Ozola', attendees: 'Ilze, Jānis', discussed: 'Plāna gaita',
    nextSteps: [{ id: 'step-1', what: 'Iesniegt pieteikumu', who: 'Ilze', due: '2026-03-28', done: false }],
    ...overrides,
  };
}

/** A support measure of the directory: a grant for infrastructure, open in every municipality. */
export function measureFields(overrides: Overrides<'measures'> = {}): EditableFields<'measures'> {
  return {
    name: 'Kopienu iniciatīvu fonds', provider: 'Lauku atbalsta dienests', kind: 'grant', minCents: 100_000, maxCents: 500_000,
    deadline: '2026-04-30', eligible: 'Biedrības un kopienas', categories: ['infrastructure'], municipalities: [], link: 'https://example.lv/fonds', contact: '',
    ...overrides,
  };
}

/** A programme: Drošas kopienas for 2026, today's grant limits (1 000 / 3 000 €), a target of 14 workshops in the range. */
export function programmeFields(overrides: Overrides<'programmes'> = {}): EditableFields<'programmes'> {
  return {
    name: 'Drošas kopienas', funder: 'Sabiedrības integrācijas fonds', organiser: 'Biedrība Talka', start: '2026-01-01', end: '2026-12-31',
    grantLimitEmergingCents: 100_000, grantLimitActiveCents: 300_000,
    targets: [{ indicator: 'events', target: 14, cumulative: false }],
    ...overrides,
  };
}

/** A community's enrolment in a programme: twelve months from the fixture day, emerging, a 800 € grant, no representatives yet. */
export function enrolmentFields(communityId: string, programmeId: string, overrides: Overrides<'enrolments'> = {}): EditableFields<'enrolments'> {
  return {
    communityId, programmeId, start: FIXTURE_DAY, end: '2027-03-13', maturity: 'emerging', representativeIds: [], mentorId: null, grantCents: 80_000,
    ...overrides,
  };
}

/** The organisation's settings: data kept 36 months after a person's last attendance, one consent text. */
export function settingsFields(overrides: Overrides<'settings'> = {}): EditableFields<'settings'> {
  return {
    retentionMonths: 36,
    consentTexts: [{
      version: '2026-1', from: '2026-01-01',
      lv: 'Piekrītu, ka biedrība glabā manu vārdu un kontaktus kopienas darba vajadzībām.',
      en: 'I agree that the association keeps my name and contacts for the community work.',
    }],
    ...overrides,
  };
}

/** The fields every record has besides its own: id, times, author and the deleted flag. */
type CommonFields = Omit<RecordTypes['communities'], keyof EditableFields<'communities'>>;
type Bookkeeping = Omit<CommonFields, 'id'>;

/**
 * What a put that creates a record carries: the bookkeeping (made and changed
 * at `at`, by `by`, not deleted) and its own fields, which may override it;
 * everything but the id, which the mutation names apart.
 */
export function newRecordFields<F extends object>(fields: F, { by = 'test-device', at = FIXTURE_TIME } = {}): Bookkeeping & F {
  return { createdAt: at, updatedAt: at, createdBy: by, deleted: false, ...fields };
}

/** A whole record as a device or the server stores it, of the kind `table` names. */
export function wholeRecord<T extends TableName>(table: T, fields: EditableFields<T>, common: Partial<CommonFields> = {}): RecordTypes[T] {
  const { id = crypto.randomUUID(), ...bookkeeping } = common;
  const record = { id, ...newRecordFields(fields), ...bookkeeping };
  // The common fields and EditableFields<T> make RecordTypes[T], but TypeScript cannot see through the generic Omit.
  return record as unknown as RecordTypes[T];
}
