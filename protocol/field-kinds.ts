// What kind of value each field holds, named once where the field's schema is
// built (records.ts), so the app can show, merge and export a value without
// keeping its own list of which field is a date, an amount or a long text.

export type FieldKind =
  | 'id'
  | 'shortText'
  | 'longText'
  | 'phone'
  | 'email'
  | 'municipality'
  | 'day'
  | 'timeOfDay'
  /** Unix milliseconds (createdAt, checkedInAt …). */
  | 'timestamp'
  /** An amount in euro cents. */
  | 'cents'
  | 'count'
  | 'flag'
  /** One of a closed set (enums.ts): see choicesOf in records.ts. */
  | 'choice'
  | 'list'
  | 'clock'
  | 'hash'
  /** Who did it: a user's or a device's id. */
  | 'author'
  | 'any';

const kinds = new WeakMap<object, FieldKind>();

/** Names the kind of the values `schema` accepts; returns the schema itself. */
export function ofKind<S extends object>(kind: FieldKind, schema: S): S {
  kinds.set(schema, kind);
  return schema;
}

export function kindOfSchema(schema: object): FieldKind {
  if ('type' in schema && schema.type === 'picklist') return 'choice';
  return kinds.get(schema) ?? 'any';
}
