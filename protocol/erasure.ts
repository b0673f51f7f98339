// Erasure of a person's data on request: its own operation, a coordinator's
// alone. The server applies it over any clock (every personal field blanked,
// whatever clock it held), scrubs the conflicts that kept the person's
// values, and refuses every later write of a personal field to that person.
// Devices blank the person when they pull it, along with what they hold of
// them elsewhere (conflicts, unsent changes). docs/protocol.md, Erasure.

/** The participant fields that are personal data: what an erasure replaces and what is never written again. */
export const PERSONAL_FIELDS = ['name', 'household', 'phone', 'email', 'consentData', 'consentPhotos', 'consentDate'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The name an erased person's record keeps (names are required): stored in Latvian like all records, shown translated. */
export const ERASED_NAME = 'Dzēsts dalībnieks';

/** What each personal field holds after an erasure. */
export const ERASED_VALUES: Readonly<Record<PersonalField, string | boolean>> = {
  name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '',
};

const PERSONAL: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

export function isPersonalField(field: string): boolean {
  return PERSONAL.has(field);
}

/** Whether a change to a table is an erasure (it sets `erased`). */
export function isErasure(table: string, fields: Record<string, unknown>): boolean {
  return table === 'participants' && fields.erased === true;
}
