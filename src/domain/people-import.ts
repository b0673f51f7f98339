// People from a spreadsheet: which column holds what (guessed from Latvian and English headers),
// each row checked before anything is written (a name, a Latvian phone, an e-mail, a known home
// community, not someone already in the register or earlier in the same file), and the rows refused
// with the reason beside each. Pure: the screen reads the file (import-file.ts) and writes through the notebook.
import { LIMITS, isCleanText, type EditableFields } from '../../protocol';
import { column, type ExportTable } from './export-table';
import { normaliseLatvianPhone, phoneKey } from './phone';
import { foldText } from './search';

export const IMPORT_FIELDS = ['name', 'household', 'phone', 'email', 'community'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Column index → the field it fills, or null for a column left out. */
export type ColumnMap = (ImportField | null)[];

/** Headers as people write them, folded (no diacritics, lower case, only letters and digits with single spaces). */
const HEADER_WORDS: Record<ImportField, readonly string[]> = {
  name: ['vards uzvards', 'vards un uzvards', 'uzvards vards', 'vards', 'dalibnieks', 'dalibnieka vards', 'persona', 'name', 'full name', 'participant', 'person'],
  household: ['majsaimnieciba', 'majas', 'maja', 'gimene', 'majvieta', 'household', 'family', 'house'],
  phone: ['talrunis', 'talr', 'talrunis mobilais', 'telefons', 'tel', 'mob', 'mobilais', 'mobilais talrunis', 'telefona numurs', 'phone', 'telephone', 'mobile', 'phone number', 'tel nr'],
  email: ['e pasts', 'epasts', 'e pasta adrese', 'epasta adrese', 'pasts', 'email', 'e mail', 'mail', 'email address'],
  community: ['kopiena', 'majas kopiena', 'pagasts', 'ciems', 'apkaime', 'community', 'home community', 'village', 'parish'],
};

function foldHeader(header: string): string {
  return foldText(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The field each header names, each field taken by its first column only; unknown headers left out. */
export function guessColumns(headers: readonly string[]): ColumnMap {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const field = IMPORT_FIELDS.find((candidate) => !taken.has(candidate) && HEADER_WORDS[candidate].includes(folded)) ?? null;
    if (field) taken.add(field);
    return field;
  });
}

export type ImportProblem =
  | 'name_missing' | 'too_long' | 'invalid_text' | 'phone_not_latvian' | 'invalid_email' | 'unknown_community'
  | 'duplicate_existing' | 'duplicate_in_file';

export interface ImportValues {
  name: string;
  household: string;
  phone: string;
  email: string;
  community: string;
}

export interface CheckedRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** The file's cells as they were. */
  cells: readonly string[];
  /** What the row says for each field, the phone as Talka writes it when it is a Latvian one. */
  values: ImportValues;
  problems: ImportProblem[];
  /** The person to create (home community resolved); null when the row is refused. */
  person: EditableFields<'participants'> | null;
}

export interface ImportContext {
  /** The register as the device holds it. */
  people: readonly { name: string; phone: string; email: string; deleted?: boolean; erased?: boolean }[];
  communities: readonly { id: string; name: string }[];
  /** The home community of rows that name none (null: none). */
  defaultCommunityId: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Who a person is for finding them twice: their folded name with a Latvian phone, or an e-mail, or
 * neither. Two rows are the same person when the names match and they share a phone or an e-mail,
 * or both give neither.
 */
function identityKeys(name: string, phone: string, email: string): string[] {
  const folded = foldText(name).replace(/\s+/g, ' ').trim();
  const phoneDigits = phoneKey(phone);
  const mail = email.trim().toLowerCase();
  const keys: string[] = [];
  if (phoneDigits) keys.push(`${folded}|p:${phoneDigits}`);
  if (mail) keys.push(`${folded}|e:${mail}`);
  if (keys.length === 0) keys.push(`${folded}|-`);
  return keys;
}

function valuesOf(cells: readonly string[], columns: ColumnMap): ImportValues {
  const values: ImportValues = { name: '', household: '', phone: '', email: '', community: '' };
  columns.forEach((field, index) => {
    if (field) values[field] = (cells[index] ?? '').trim();
  });
  return values;
}

/** Checks every data row (all rows after the header) against the register and the rows before it. */
export function checkImportRows(rows: readonly (readonly string[])[], columns: ColumnMap, context: ImportContext): CheckedRow[] {
  const known = new Set(context.people.filter((p) => !p.deleted && !p.erased).flatMap((p) => identityKeys(p.name, p.phone, p.email)));
  const seen = new Set<string>();
  const communities = new Map(context.communities.map((community) => [foldHeader(community.name), community.id]));

  return rows.slice(1).map((cells, index) => {
    const values = valuesOf(cells, columns);
    const problems: ImportProblem[] = [];
    if (values.name === '') problems.push('name_missing');
    if ([values.name, values.household, values.email].some((text) => text.length > LIMITS.shortText)) problems.push('too_long');
    if (Object.values(values).some((text) => !isCleanText(text))) problems.push('invalid_text');
    const phone = normaliseLatvianPhone(values.phone);
    if (phone.kind === 'notLatvian') problems.push('phone_not_latvian');
    else values.phone = phone.kind === 'latvian' ? phone.phone : '';
    if (values.email !== '' && !EMAIL.test(values.email)) problems.push('invalid_email');
    let communityId = context.defaultCommunityId;
    if (values.community !== '') {
      communityId = communities.get(foldHeader(values.community)) ?? null;
      if (communityId === null) problems.push('unknown_community');
    }
    if (values.name !== '') {
      const keys = identityKeys(values.name, values.phone, values.email);
      if (keys.some((key) => known.has(key))) problems.push('duplicate_existing');
      else if (keys.some((key) => seen.has(key))) problems.push('duplicate_in_file');
      for (const key of keys) seen.add(key);
    }
    const person: EditableFields<'participants'> | null = problems.length > 0 ? null : {
      communityId, name: values.name, household: values.household, phone: values.phone, email: values.email, role: 'resident',
      // Nobody was asked yet: the check-in asks them at the door.
      consentData: false, consentPhotos: false, consentDate: '', erased: false,
    };
    return { line: index + 2, cells, values, problems, person };
  });
}

export interface ImportSummary {
  rows: number;
  good: number;
  refused: number;
}

export function summarise(rows: readonly CheckedRow[]): ImportSummary {
  const good = rows.filter((row) => row.person !== null).length;
  return { rows: rows.length, good, refused: rows.length - good };
}

/** The refused rows as a table to download: the file's line, its own columns as they were, and why it was refused. */
export function refusedRowsTable(
  headers: readonly string[], rows: readonly CheckedRow[],
  labels: { sheet: string; line: string; reason: string }, reason: (problem: ImportProblem) => string,
): ExportTable {
  const refused = rows.filter((row) => row.person === null);
  return {
    sheet: labels.sheet,
    columns: [column(labels.line, 'number', 6), ...headers.map((header) => column(header)), column(labels.reason, 'text', 40)],
    rows: refused.map((row) => [row.line, ...headers.map((_, i) => row.cells[i] ?? ''), row.problems.map(reason).join('; ')]),
  };
}
