// How a record is named to people on the outbox and conflicts screens: its
// kind, its name or title, where its screen is, and its values as plain text.
import { TITLE_FIELDS, choicesOf, fieldKind, isTableName, type Fields, type TableName } from '../../../protocol';
import { getRecord, type TalkaDatabase } from '../../db';
import { asRecordRow, type RecordRow } from '../../domain/record-row';
import { formatDateTime, formatEuro, t, tChoice, tLabel } from '../../i18n';

export interface RecordSummary {
  /** "Need", "Event", … */
  kind: string;
  /** The record's name or title, when it can be found. */
  title: string | null;
  /** The screen where the record is seen and edited, when there is one. */
  href: string | null;
  /** Whether the record is on this device. */
  exists: boolean;
  /** The record as stored on this device. */
  record: RecordRow | null;
}

const TITLE_MAX = 80;

export function tableLabel(table: string): string {
  return tLabel('recordTable', table);
}

export function fieldLabel(field: string): string {
  return tLabel('recordField', field);
}

/** Short texts a person may merge by hand in a conflict; long ones are prefilled with both values. */
export function isMergeableText(table: string, field: string): boolean {
  if (!isTableName(table)) return false;
  const kind = fieldKind(table, field);
  return kind === 'shortText' || kind === 'longText';
}

export function isLongText(table: string, field: string): boolean {
  return isTableName(table) && fieldKind(table, field) === 'longText';
}

/**
 * A field's value as text for people: labels for closed sets, euros for
 * amounts, yes/no for flags, JSON for anything else that is not a string.
 * Always plain text, never markup.
 */
export function valueText(table: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('value.empty');
  const kind = isTableName(table) ? fieldKind(table, field) : 'any';
  const choices = isTableName(table) ? choicesOf(table, field) : null;
  if (choices && typeof value === 'string') return tChoice(choices, value);
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (kind === 'cents' && typeof value === 'number') return formatEuro(value);
  if (kind === 'timestamp' && typeof value === 'number') return formatDateTime(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

function text(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed.length > TITLE_MAX ? `${trimmed.slice(0, TITLE_MAX - 1)}…` : trimmed;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

async function titleOf(db: TalkaDatabase, table: TableName, fields: Fields): Promise<string | null> {
  const own = TITLE_FIELDS[table];
  if (own) return text(fields[own]);
  // Attendance and votes are named after whom or what they are about.
  if (table === 'attendance') {
    const id = str(fields.participantId);
    return id ? text((await getRecord(db, 'participants', id))?.name) : null;
  }
  if (table === 'votes') {
    const id = str(fields.needId);
    return id ? text((await getRecord(db, 'needs', id))?.title) : null;
  }
  return null;
}

/** The screen of a record: its own page, or the section of its community or event that lists it. */
export function recordHref(table: string, recordId: string, fields: Fields): string | null {
  const community = str(fields.communityId);
  const workshop = str(fields.workshopId);
  const inCommunity = (section: string) => (community ? `/communities/${encodeURIComponent(community)}/${section}` : null);
  switch (table) {
    case 'communities': return `/communities/${encodeURIComponent(recordId)}`;
    case 'workshops': return `/workshops/${encodeURIComponent(recordId)}`;
    case 'participants': return inCommunity('participants');
    case 'attendance': return workshop ? `/workshops/${encodeURIComponent(workshop)}/checkin` : null;
    case 'votes': return workshop ? `/workshops/${encodeURIComponent(workshop)}/voting` : null;
    case 'needs': return inCommunity('needs');
    case 'resources': return inCommunity('resources');
    case 'swot': return inCommunity('swot');
    case 'actions': return inCommunity('plan');
    case 'spending':
    case 'actionNotes': return str(fields.actionId) ? `/actions/${encodeURIComponent(str(fields.actionId) ?? '')}` : null;
    case 'assessmentRounds': return inCommunity('assessment');
    case 'visits': return inCommunity('visits');
    case 'measures': return '/measures';
    case 'programmes': return `/programmes/${encodeURIComponent(recordId)}`;
    case 'enrolments': return str(fields.programmeId) ? `/programmes/${encodeURIComponent(str(fields.programmeId) ?? '')}` : null;
    default: return null;
  }
}

/**
 * Describes a record for a person. When it is not on this device, `known`
 * fields (e.g. those of the change that made it) stand in for it.
 */
export async function describeRecord(db: TalkaDatabase, table: string, recordId: string, known: Fields = {}): Promise<RecordSummary> {
  const kind = tableLabel(table);
  if (!isTableName(table)) return { kind, title: null, href: null, exists: false, record: null };
  const record = asRecordRow(await getRecord(db, table, recordId));
  const fields = record ?? known;
  const reachable = record !== null && (await parentIsHere(db, table, fields));
  return {
    kind,
    title: await titleOf(db, table, fields),
    href: reachable ? recordHref(table, recordId, fields) : null,
    exists: record !== null,
    record,
  };
}

/** Whether the community or event whose screen lists the record is on this device (a link to a missing one leads nowhere). */
async function parentIsHere(db: TalkaDatabase, table: TableName, fields: Fields): Promise<boolean> {
  if (table === 'communities' || table === 'workshops') return true;
  if (table === 'attendance' || table === 'votes') {
    const workshop = str(fields.workshopId);
    return workshop !== null && (await getRecord(db, 'workshops', workshop)) !== undefined;
  }
  const community = str(fields.communityId);
  return community !== null && (await getRecord(db, 'communities', community)) !== undefined;
}
