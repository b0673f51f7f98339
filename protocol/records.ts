// One valibot schema per record kind (docs/protocol.md, Records). Each kind has its own
// fields; the common ones (id, timestamps, author, deleted flag) are shared.
// Validation messages are codes (`required`, `too_long`, …) that the app
// translates and the server reports as they are.
import * as v from 'valibot';
import {
  ACTION_STATUSES, MATURITIES, MEASURE_KINDS, NEED_CATEGORIES, NEED_STATUSES, PARTICIPANT_ROLES, PHOTO_MIMES, PHOTO_PARENTS,
  RESOURCE_KINDS, SWOT_QUADRANTS, TARGET_INDICATORS, WORKSHOP_KINDS, WORKSHOP_STATUSES,
} from './enums';
import { ROLES } from './auth';
import { UUID_PATTERN } from './ids';
import { isHlc } from './hlc';
import { kindOfSchema, ofKind, type FieldKind } from './field-kinds';
import { keysOf } from './objects';
import { isCleanText } from './text';

export const LIMITS = {
  shortText: 200,
  longText: 20_000,
  listItems: 50,
  maxBudgetCents: 100_000_000,
} as const;

const id = ofKind('id', v.pipe(v.string('invalid'), v.regex(UUID_PATTERN, 'invalid_id')));
const optionalId = ofKind('id', v.nullable(id));
/** Text as typed: checked before trimming, so a control character is refused, never trimmed away unseen. */
const text = v.pipe(v.string('invalid'), v.check(isCleanText, 'invalid_value'));
const requiredText = ofKind('shortText', v.pipe(text, v.trim(), v.minLength(1, 'required'), v.maxLength(LIMITS.shortText, 'too_long')));
const shortText = ofKind('shortText', v.pipe(text, v.maxLength(LIMITS.shortText, 'too_long')));
const longText = ofKind('longText', v.pipe(text, v.maxLength(LIMITS.longText, 'too_long')));
const timestamp = ofKind('timestamp', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(0, 'invalid')));
/** A calendar day, `YYYY-MM-DD`, or empty when not given. */
const day = ofKind('day', v.pipe(v.string('invalid'), v.regex(/^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/, 'invalid_date')));
const requiredDay = ofKind('day', v.pipe(v.string('invalid'), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_date')));
/** A time of day, `HH:MM`, or empty. */
const timeOfDay = ofKind('timeOfDay', v.pipe(v.string('invalid'), v.regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'invalid_time')));
const phone = ofKind('phone', v.pipe(text, v.maxLength(40, 'too_long'), v.regex(/^[+\d\s()-]*$/, 'invalid_phone')));
const email = ofKind('email', v.pipe(
  text,
  v.trim(),
  v.maxLength(LIMITS.shortText, 'too_long'),
  v.check((text) => text === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text), 'invalid_email'),
));
const flag = ofKind('flag', v.boolean('invalid'));
const idList = ofKind('list', v.pipe(v.array(id, 'invalid'), v.maxLength(500, 'too_many')));
const municipalityCode = ofKind('municipality', v.pipe(v.string('invalid'), v.regex(/^LV-[A-Z0-9]{3}$/, 'required')));
/** An amount in euro cents: whole, never negative. */
const cents = ofKind('cents', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(0, 'too_small'), v.maxValue(LIMITS.maxBudgetCents, 'too_large')));

const contactPerson = v.strictObject({
  name: requiredText,
  phone,
  email,
  role: shortText,
});
export type ContactPerson = v.InferOutput<typeof contactPerson>;

const author = ofKind('author', v.pipe(v.string('invalid'), v.maxLength(LIMITS.shortText, 'too_long')));

/** Fields every record has, whatever its kind. */
export const commonFields = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: author,
  deleted: flag,
  /** Who put the record in the bin (a user's id), written with `deleted: true`; absent on records never deleted. */
  deletedBy: v.optional(author),
};

export const communityFields = {
  name: requiredText,
  municipality: municipalityCode,
  parish: shortText,
  description: longText,
  maturity: v.picklist(MATURITIES, 'invalid_choice'),
  contacts: ofKind('list', v.pipe(v.array(contactPerson, 'invalid'), v.maxLength(LIMITS.listItems, 'too_many'))),
};

/**
 * An event of any kind (the table keeps its first name, `workshops`): held by one or more communities —
 * `communityId` the first, `communityIds` any others — or by the organisation itself (`communityId` null).
 */
export const workshopFields = {
  communityId: optionalId,
  communityIds: v.optional(idList),
  title: requiredText,
  kind: v.picklist(WORKSHOP_KINDS, 'invalid_choice'),
  date: requiredDay,
  startTime: timeOfDay,
  endTime: timeOfDay,
  place: shortText,
  /** The programme's name as once typed; the programme itself is `programmeId` (programmes). */
  programme: shortText,
  /** The programme the event belongs to (programmes), or absent/null when none. */
  programmeId: ofKind('id', v.optional(optionalId)),
  facilitators: shortText,
  agenda: longText,
  notes: longText,
  status: v.picklist(WORKSHOP_STATUSES, 'invalid_choice'),
  dotsPerPerson: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'too_small'), v.maxValue(20, 'too_large'))),
};

/**
 * A person of the organisation's register (the table keeps its first name, `participants`): `communityId`
 * is their home community (null when none is known); `ties` records join them to any other communities.
 */
export const participantFields = {
  communityId: optionalId,
  name: requiredText,
  household: shortText,
  phone,
  email,
  role: v.picklist(PARTICIPANT_ROLES, 'invalid_choice'),
  consentData: flag,
  consentPhotos: flag,
  consentDate: day,
  /** Who recorded the consent (a user's id) and which version of the consent text was shown (settings). */
  consentBy: v.optional(author),
  consentVersion: v.optional(shortText),
  /** Merged into another person (their id): this record stays, readable, and everything of it counts for the other. */
  mergedInto: v.optional(optionalId),
  /** Set when the participant's personal data was erased on request. */
  erased: flag,
  /** When the erasure was made and by whom (a coordinator's id): nothing of what it blanked, nor why. */
  erasedAt: v.optional(timestamp),
  erasedBy: v.optional(author),
};

export const attendanceFields = {
  /** The event's first community (null for an event of the organisation itself). */
  communityId: optionalId,
  workshopId: id,
  participantId: id,
  checkedInAt: timestamp,
};

export const needFields = {
  communityId: id,
  workshopId: optionalId,
  title: requiredText,
  description: longText,
  category: v.picklist(NEED_CATEGORIES, 'invalid_choice'),
  status: v.picklist(NEED_STATUSES, 'invalid_choice'),
  owner: shortText,
  /** The same need raised elsewhere (another workshop or tablet): the need it is grouped under; each keeps its own text. */
  sameAs: v.optional(optionalId),
};

export const voteFields = {
  communityId: optionalId,
  workshopId: id,
  needId: id,
  /** null for an anonymous dot. */
  participantId: optionalId,
  castAt: timestamp,
};

export const resourceFields = {
  communityId: id,
  kind: v.picklist(RESOURCE_KINDS, 'invalid_choice'),
  name: requiredText,
  description: longText,
  contact: shortText,
  availability: shortText,
  needIds: idList,
};

export const actionFields = {
  communityId: id,
  needId: optionalId,
  what: requiredText,
  who: shortText,
  due: day,
  budgetCents: cents,
  status: v.picklist(ACTION_STATUSES, 'invalid_choice'),
  /** The support measure (measures) that funds it, if one does. */
  measureId: ofKind('id', v.optional(optionalId)),
  /** The asset map's resources it used. */
  resourceIds: ofKind('list', v.optional(idList)),
  /** When done: what came of it (a photo may join it, photos with parentTable 'actions'). */
  resultNote: ofKind('longText', v.optional(longText)),
};

/** A dated note of how an action is going. */
export const actionNoteFields = {
  communityId: id,
  actionId: id,
  date: requiredDay,
  note: ofKind('longText', v.pipe(text, v.trim(), v.minLength(1, 'required'), v.maxLength(LIMITS.longText, 'too_long'))),
};

/** Money spent on an action: one line of the receipts (its photo: photos with parentTable 'spending'). */
export const spendingFields = {
  communityId: id,
  actionId: id,
  date: requiredDay,
  amountCents: cents,
  what: requiredText,
  supplier: shortText,
};

export const swotFields = {
  communityId: id,
  workshopId: optionalId,
  quadrant: v.picklist(SWOT_QUADRANTS, 'invalid_choice'),
  text: ofKind('longText', v.pipe(text, v.trim(), v.minLength(1, 'required'), v.maxLength(2000, 'too_long'))),
};

export const photoFields = {
  communityId: optionalId,
  parentTable: v.picklist(PHOTO_PARENTS, 'invalid_choice'),
  parentId: id,
  caption: shortText,
  sha256: ofKind('hash', v.pipe(v.string('invalid'), v.regex(/^[0-9a-f]{64}$/, 'invalid_hash'))),
  mime: v.picklist(PHOTO_MIMES, 'invalid_choice'),
  size: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'too_small'), v.maxValue(15 * 1024 * 1024, 'too_large'))),
  width: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'too_small'))),
  height: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'too_small'))),
};

const anyValue = v.unknown();
const clock = ofKind('clock', v.pipe(v.string('invalid'), v.check(isHlc, 'invalid_clock')));

/** A value that lost a concurrent edit, kept until a coordinator resolves it. Written by the server. */
export const conflictFields = {
  communityId: optionalId,
  table: shortText,
  recordId: id,
  field: shortText,
  winnerValue: anyValue,
  winnerClock: clock,
  loserValue: anyValue,
  loserClock: clock,
  resolved: flag,
  resolvedBy: author,
  /** Who made each value (a user's id) and on which device (its label, when it has one). */
  winnerBy: v.optional(author),
  winnerDevice: v.optional(shortText),
  loserBy: v.optional(author),
  loserDevice: v.optional(shortText),
};

/** A person's tie to a community besides their home one (id derived from both: two tablets make the same one). */
export const tieFields = {
  participantId: id,
  communityId: id,
};

/**
 * Which user (a facilitator or mentor) works with which community, or with one event of the organisation
 * that no community holds: what the server lets their devices pull and push. Coordinators write them.
 */
export const assignmentFields = {
  userId: author,
  communityId: optionalId,
  workshopId: optionalId,
};

/** The consent text as it was worded from a date on: past consents keep the version they were given with. */
const consentText = v.strictObject({
  version: requiredText,
  from: requiredDay,
  lv: longText,
  en: longText,
});


/** One statement of the self-assessment questionnaire, in both languages, under a theme. */
const assessmentStatement = v.strictObject({
  id: v.pipe(v.string('invalid'), v.regex(/^[a-z0-9_-]{1,40}$/, 'invalid_id')),
  themeId: v.pipe(v.string('invalid'), v.regex(/^[a-z0-9_-]{1,40}$/, 'invalid_id')),
  lv: requiredText,
  en: shortText,
});
const assessmentTheme = v.strictObject({
  id: v.pipe(v.string('invalid'), v.regex(/^[a-z0-9_-]{1,40}$/, 'invalid_id')),
  lv: requiredText,
  en: shortText,
});
/** The organisation's self-assessment questionnaire (settings.questionnaire): absent, the app's default set. */
export const questionnaireSchema = v.strictObject({
  themes: v.pipe(v.array(assessmentTheme, 'invalid'), v.maxLength(LIMITS.listItems, 'too_many')),
  statements: v.pipe(v.array(assessmentStatement, 'invalid'), v.maxLength(200, 'too_many')),
});
export type Questionnaire = v.InferOutput<typeof questionnaireSchema>;
export type AssessmentStatement = v.InferOutput<typeof assessmentStatement>;
export type AssessmentTheme = v.InferOutput<typeof assessmentTheme>;

/** A statement as it was answered: its words kept with the score, so editing the questionnaire never changes a past round. */
const assessmentAnswer = v.strictObject({
  statementId: assessmentStatement.entries.id,
  themeId: assessmentStatement.entries.themeId,
  themeLv: requiredText,
  themeEn: shortText,
  lv: requiredText,
  en: shortText,
  /** 1 … 5, or null when the statement was left unanswered. */
  score: v.nullable(v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(1, 'too_small'), v.maxValue(5, 'too_large'))),
  comment: shortText,
});
export type AssessmentAnswer = v.InferOutput<typeof assessmentAnswer>;

/** One round of a community's self-assessment (at the start, mid-way, at the end or whenever). */
export const assessmentRoundFields = {
  communityId: id,
  date: requiredDay,
  label: shortText,
  workshopId: optionalId,
  answers: ofKind('list', v.pipe(v.array(assessmentAnswer, 'invalid'), v.maxLength(200, 'too_many'))),
};

/** A next step agreed at a mentor's visit: who does what by when. */
const nextStep = v.strictObject({
  id: v.pipe(v.string('invalid'), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'invalid_id')),
  what: requiredText,
  who: shortText,
  due: day,
  done: flag,
});
export type NextStep = v.InferOutput<typeof nextStep>;

/** A mentor's visit to a community (photos with parentTable 'visits'). */
export const visitFields = {
  communityId: id,
  date: requiredDay,
  /** The mentor's user id. */
  mentorId: author,
  /** The mentor's name as it was when the visit was written: shown offline, whoever's device reads it. */
  mentorName: shortText,
  attendees: shortText,
  discussed: longText,
  nextSteps: ofKind('list', v.pipe(v.array(nextStep, 'invalid'), v.maxLength(LIMITS.listItems, 'too_many'))),
};

/** A support measure open to NGOs and communities: the organisation's directory, kept by coordinators, seen by everyone. */
export const measureFields = {
  name: requiredText,
  provider: shortText,
  kind: v.picklist(MEASURE_KINDS, 'invalid_choice'),
  minCents: cents,
  maxCents: cents,
  /** The application deadline, or empty when applications are open. */
  deadline: day,
  eligible: longText,
  /** The need categories it fits (empty: any). */
  categories: ofKind('list', v.pipe(v.array(v.picklist(NEED_CATEGORIES, 'invalid_choice'), 'invalid'), v.maxLength(NEED_CATEGORIES.length, 'too_many'))),
  /** The municipalities it covers (empty: all). */
  municipalities: ofKind('list', v.pipe(v.array(municipalityCode, 'invalid'), v.maxLength(100, 'too_many'))),
  link: ofKind('shortText', v.pipe(text, v.maxLength(LIMITS.shortText, 'too_long'), v.check((url) => url === '' || /^https?:\/\/\S+$/.test(url), 'invalid_url'))),
  contact: shortText,
};

/** One promised figure of a programme: an indicator of the programme report and the number to reach. */
const programmeTarget = v.strictObject({
  indicator: v.picklist(TARGET_INDICATORS, 'invalid_choice'),
  target: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(0, 'too_small'), v.maxValue(LIMITS.maxBudgetCents, 'too_large'))),
  /** Counted since the programme began (true) or within the report's range (false). */
  cumulative: flag,
});
export type ProgrammeTarget = v.InferOutput<typeof programmeTarget>;

/** A programme the organisation runs for a funder over a period, against targets: coordinators write it, everyone reads it. */
export const programmeFields = {
  name: requiredText,
  funder: shortText,
  /** The organisation running it, as written. */
  organiser: shortText,
  start: requiredDay,
  /** Its last day (inclusive), or empty while open-ended. */
  end: day,
  /** A community's grant limit by its maturity at entry, in euro cents. */
  grantLimitEmergingCents: cents,
  grantLimitActiveCents: cents,
  targets: ofKind('list', v.pipe(v.array(programmeTarget, 'invalid'), v.maxLength(LIMITS.listItems, 'too_many'))),
};

/** A community's time in a programme: its maturity at entry, representatives, mentor and grant. */
export const enrolmentFields = {
  communityId: id,
  programmeId: id,
  start: requiredDay,
  /** Its last day (inclusive), or empty while open-ended. */
  end: day,
  maturity: v.picklist(MATURITIES, 'invalid_choice'),
  /** The community's 2–3 representatives (people of the register). */
  representativeIds: ofKind('list', v.pipe(v.array(id, 'invalid'), v.maxLength(10, 'too_many'))),
  /** The mentor's user id, or null when none is named yet. */
  mentorId: v.nullable(author),
  grantCents: cents,
};

/** Settings that belong to the organisation (one record, its id derived from the organisation's): coordinators write them. */
export const settingsFields = {
  /** How long a person's data is kept after their last attendance, in months (0: no limit). */
  retentionMonths: ofKind('count', v.pipe(v.number('invalid'), v.integer('invalid'), v.minValue(0, 'too_small'), v.maxValue(240, 'too_large'))),
  consentTexts: ofKind('list', v.pipe(v.array(consentText, 'invalid'), v.maxLength(LIMITS.listItems, 'too_many'))),
  /** The self-assessment questionnaire; absent until a coordinator edits it (the app then offers its default set). */
  questionnaire: ofKind('list', v.optional(questionnaireSchema)),
};

/** The organisation's people who use Talka, as every device may name them: written by the server from its users. */
export const memberFields = {
  name: requiredText,
  role: v.picklist(ROLES, 'invalid_choice'),
  active: flag,
};

export const RECORD_FIELDS = {
  communities: communityFields,
  workshops: workshopFields,
  participants: participantFields,
  attendance: attendanceFields,
  needs: needFields,
  votes: voteFields,
  resources: resourceFields,
  actions: actionFields,
  swot: swotFields,
  photos: photoFields,
  conflicts: conflictFields,
  members: memberFields,
  ties: tieFields,
  assignments: assignmentFields,
  settings: settingsFields,
  actionNotes: actionNoteFields,
  spending: spendingFields,
  assessmentRounds: assessmentRoundFields,
  visits: visitFields,
  measures: measureFields,
  programmes: programmeFields,
  enrolments: enrolmentFields,
} as const;

export type TableName = keyof typeof RECORD_FIELDS;

/** The field that names a record of each table to people (a community's name, a need's title …). */
export const TITLE_FIELDS: Partial<Record<TableName, string>> = {
  communities: 'name', workshops: 'title', participants: 'name', needs: 'title', resources: 'name', actions: 'what', swot: 'text', photos: 'caption',
  spending: 'what', actionNotes: 'note', assessmentRounds: 'label', visits: 'discussed', measures: 'name',
  programmes: 'name',
};

function fieldSchema(table: TableName, field: string): object | undefined {
  const entries: Record<string, object> = { ...commonFields, ...RECORD_FIELDS[table] };
  return Object.prototype.hasOwnProperty.call(entries, field) ? entries[field] : undefined;
}

/** What kind of value a field of a table holds ('any' for a field the table does not have). */
export function fieldKind(table: TableName, field: string): FieldKind {
  const schema = fieldSchema(table, field);
  return schema ? kindOfSchema(schema) : 'any';
}

/** The closed set a 'choice' field takes its value from (one of enums.ts), or null. */
export function choicesOf(table: TableName, field: string): readonly string[] | null {
  const schema = fieldSchema(table, field);
  return schema && 'options' in schema && Array.isArray(schema.options) ? schema.options : null;
}
export const TABLES: TableName[] = keysOf(RECORD_FIELDS);
export function isTableName(name: string): name is TableName {
  return Object.prototype.hasOwnProperty.call(RECORD_FIELDS, name);
}

/** Tables of the organisation as a whole; every other record belongs to a community and carries `communityId`. */
export const ORGANISATION_TABLES: readonly TableName[] = ['communities', 'conflicts', 'members', 'assignments', 'settings', 'measures', 'programmes'];

/** Tables only a coordinator writes (the server refuses anyone else). */
export const COORDINATOR_TABLES: readonly TableName[] = ['conflicts', 'assignments', 'settings', 'measures', 'programmes', 'enrolments'];

/** Tables below a community: every record in them carries `communityId`. */
export const COMMUNITY_TABLES = TABLES.filter((table) => !ORGANISATION_TABLES.includes(table));

/** Tables only the server writes: a push that changes them is refused. */
export const SERVER_TABLES: readonly TableName[] = ['members'];

export const communitySchema = v.strictObject({ ...commonFields, ...communityFields });
export const workshopSchema = v.strictObject({ ...commonFields, ...workshopFields });
export const participantSchema = v.strictObject({ ...commonFields, ...participantFields });
export const attendanceSchema = v.strictObject({ ...commonFields, ...attendanceFields });
export const needSchema = v.strictObject({ ...commonFields, ...needFields });
export const voteSchema = v.strictObject({ ...commonFields, ...voteFields });
export const resourceSchema = v.strictObject({ ...commonFields, ...resourceFields });
export const actionSchema = v.strictObject({ ...commonFields, ...actionFields });
export const swotSchema = v.strictObject({ ...commonFields, ...swotFields });
export const photoSchema = v.strictObject({ ...commonFields, ...photoFields });
export const conflictSchema = v.strictObject({ ...commonFields, ...conflictFields });
export const memberSchema = v.strictObject({ ...commonFields, ...memberFields });
export const tieSchema = v.strictObject({ ...commonFields, ...tieFields });
export const assignmentSchema = v.strictObject({ ...commonFields, ...assignmentFields });
export const settingsSchema = v.strictObject({ ...commonFields, ...settingsFields });
export const actionNoteSchema = v.strictObject({ ...commonFields, ...actionNoteFields });
export const spendingSchema = v.strictObject({ ...commonFields, ...spendingFields });
export const assessmentRoundSchema = v.strictObject({ ...commonFields, ...assessmentRoundFields });
export const visitSchema = v.strictObject({ ...commonFields, ...visitFields });
export const measureSchema = v.strictObject({ ...commonFields, ...measureFields });
export const programmeSchema = v.strictObject({ ...commonFields, ...programmeFields });
export const enrolmentSchema = v.strictObject({ ...commonFields, ...enrolmentFields });

export const RECORD_SCHEMAS = {
  communities: communitySchema,
  workshops: workshopSchema,
  participants: participantSchema,
  attendance: attendanceSchema,
  needs: needSchema,
  votes: voteSchema,
  resources: resourceSchema,
  actions: actionSchema,
  swot: swotSchema,
  photos: photoSchema,
  conflicts: conflictSchema,
  members: memberSchema,
  ties: tieSchema,
  assignments: assignmentSchema,
  settings: settingsSchema,
  actionNotes: actionNoteSchema,
  spending: spendingSchema,
  assessmentRounds: assessmentRoundSchema,
  visits: visitSchema,
  measures: measureSchema,
  programmes: programmeSchema,
  enrolments: enrolmentSchema,
} as const;

export type Community = v.InferOutput<typeof communitySchema>;
export type Workshop = v.InferOutput<typeof workshopSchema>;
export type Participant = v.InferOutput<typeof participantSchema>;
export type Attendance = v.InferOutput<typeof attendanceSchema>;
export type Need = v.InferOutput<typeof needSchema>;
export type Vote = v.InferOutput<typeof voteSchema>;
export type Resource = v.InferOutput<typeof resourceSchema>;
export type Action = v.InferOutput<typeof actionSchema>;
export type Swot = v.InferOutput<typeof swotSchema>;
export type Photo = v.InferOutput<typeof photoSchema>;
export type Conflict = v.InferOutput<typeof conflictSchema>;
export type Member = v.InferOutput<typeof memberSchema>;
export type Tie = v.InferOutput<typeof tieSchema>;
export type Assignment = v.InferOutput<typeof assignmentSchema>;
export type Settings = v.InferOutput<typeof settingsSchema>;
export type ActionNote = v.InferOutput<typeof actionNoteSchema>;
export type Spending = v.InferOutput<typeof spendingSchema>;
export type AssessmentRound = v.InferOutput<typeof assessmentRoundSchema>;
export type Visit = v.InferOutput<typeof visitSchema>;
export type Measure = v.InferOutput<typeof measureSchema>;
export type Programme = v.InferOutput<typeof programmeSchema>;
export type Enrolment = v.InferOutput<typeof enrolmentSchema>;
export type ConsentText = v.InferOutput<typeof consentText>;

export interface RecordTypes {
  communities: Community;
  workshops: Workshop;
  participants: Participant;
  attendance: Attendance;
  needs: Need;
  votes: Vote;
  resources: Resource;
  actions: Action;
  swot: Swot;
  photos: Photo;
  conflicts: Conflict;
  members: Member;
  ties: Tie;
  assignments: Assignment;
  settings: Settings;
  actionNotes: ActionNote;
  spending: Spending;
  assessmentRounds: AssessmentRound;
  visits: Visit;
  measures: Measure;
  programmes: Programme;
  enrolments: Enrolment;
}
export type AnyRecord = RecordTypes[TableName];
/** The fields a person edits (everything but id and the bookkeeping). */
export type EditableFields<T extends TableName> = Omit<RecordTypes[T], keyof typeof commonFields>;

/** Fields a mutation may carry for a table: any subset of its own and the common ones but `id`. */
const { id: _omitId, ...mutableCommon } = commonFields;
function patchSchema<const E extends v.ObjectEntries>(entries: E) {
  return v.partial(v.strictObject({ ...mutableCommon, ...entries }));
}
export const PATCH_SCHEMAS = {
  communities: patchSchema(communityFields),
  workshops: patchSchema(workshopFields),
  participants: patchSchema(participantFields),
  attendance: patchSchema(attendanceFields),
  needs: patchSchema(needFields),
  votes: patchSchema(voteFields),
  resources: patchSchema(resourceFields),
  actions: patchSchema(actionFields),
  swot: patchSchema(swotFields),
  photos: patchSchema(photoFields),
  conflicts: patchSchema(conflictFields),
  members: patchSchema(memberFields),
  ties: patchSchema(tieFields),
  assignments: patchSchema(assignmentFields),
  settings: patchSchema(settingsFields),
  actionNotes: patchSchema(actionNoteFields),
  spending: patchSchema(spendingFields),
  assessmentRounds: patchSchema(assessmentRoundFields),
  visits: patchSchema(visitFields),
  measures: patchSchema(measureFields),
  programmes: patchSchema(programmeFields),
  enrolments: patchSchema(enrolmentFields),
} as const;
