// The codes of `{ error: { code, message } }` (a refused request) and of a
// push reply's `rejected[]` (a refused mutation). The server may answer only
// these; the app translates each one. A new code is added here first.

/** Why the server refused a whole request. */
export const REQUEST_ERROR_CODES = [
  // the body or the query
  'bad_json', 'bad_request', 'bad_gzip', 'bad_cursor', 'bad_limit', 'bad_shape', 'bad_hash', 'hash_mismatch', 'empty_blob',
  'incomplete_body', 'unsupported_protocol', 'unsupported_encoding', 'payload_too_large',
  // a report's query: a record id that is not one, a day not of the calendar, a range that ends before it starts
  'bad_id', 'bad_date', 'bad_range',
  // text with control characters or broken surrogates, JSON nested too deep; a key named like a prototype
  'invalid_value', 'forbidden_key',
  // who is asking
  'unauthorized', 'invalid_token', 'invalid_credentials', 'account_disabled', 'forbidden', 'too_many_attempts',
  // first start and users
  'invalid_setup_token', 'already_set_up', 'email_taken', 'organisation_taken', 'cannot_deactivate_self',
  // sync
  'cursor_reset',
  /** The app is older than the server's sync protocol: update it (its unsent changes were still applied). */
  'upgrade_required',
  // the server itself: unwell (its database or data folder cannot be written), or stopping
  'unwell', 'draining',
  // anything else
  'not_found', 'http_error', 'internal',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** Why the server refused one mutation of a push (the rest of the batch goes on). */
export const MUTATION_ERROR_CODES = [
  'invalid_mutation', 'invalid_fields', 'unknown_table', 'incomplete_record', 'table_mismatch', 'unknown_community',
  'forbidden', 'erased',
  /** An edit of a record its device knew was in the bin (restore it first). */
  'record_deleted',
  /** An enrolment's grant above its programme's limit for the community's maturity at entry. */
  'over_grant_limit',
] as const;
export type MutationErrorCode = (typeof MUTATION_ERROR_CODES)[number];

const REQUEST_CODE_SET: ReadonlySet<string> = new Set(REQUEST_ERROR_CODES);

export function isRequestErrorCode(code: string): code is RequestErrorCode {
  return REQUEST_CODE_SET.has(code);
}
