// Turns a failed account request into words in the user's language: one
// message for the form, and messages beside the fields the server named.
import * as v from 'valibot';
import { PASSWORD_LIMITS } from '../../../protocol';
import { isMessageKey, t, tValidation, type MessageKey } from '../../i18n';
import { ApiError } from '../../net/api-error';

export type AccountAction = 'login' | 'setup' | 'users';

export interface AccountFailure {
  code: string;
  /** For the whole form; null when the field messages say it all. */
  message: string | null;
  /** Field name → message. */
  fields: Record<string, string>;
  /** The session is gone: offer a link to sign in again. */
  signInAgain: boolean;
}

/** A schema code (`required`, `too_short`, `invalid_email`, …) as a message beside its field. */
export function fieldMessage(code: string): string {
  const own = `accountField.${code}`;
  return isMessageKey(own) ? t(own, { min: PASSWORD_LIMITS.min }) : tValidation(code);
}

/** Field → message for the first problem with each field, from a local or a server-side check. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = v.getDotPath(issue)?.split('.')[0] ?? '';
    if (field && !(field in fields)) fields[field] = fieldMessage(issue.message);
  }
  return fields;
}

/** The server reports a bad body as "field: code; other: code". */
function fieldsFromSummary(summary: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of summary.split(';')) {
    const match = /^\s*([A-Za-z]+)[\w.]*:\s*([a-z_]+)\s*$/.exec(part);
    if (match && !(match[1]! in fields)) fields[match[1]!] = fieldMessage(match[2]!);
  }
  return fields;
}

/** The setup link is wrong, used or too old. */
export const SETUP_LINK_CODES: ReadonlySet<string> = new Set(['invalid_setup_token', 'invalid_token', 'expired', 'setup_expired']);

/** Refusals that belong beside one field. */
const FIELD_REFUSALS: Record<string, { field: string; key: MessageKey }> = {
  email_taken: { field: 'email', key: 'accountError.email_taken' },
  organisation_taken: { field: 'organisation', key: 'accountError.organisation_taken' },
};

function failure(code: string, message: string | null, fields: Record<string, string> = {}, signInAgain = false): AccountFailure {
  return { code, message, fields, signInAgain };
}

export function describeAccountError(error: unknown, action: AccountAction): AccountFailure {
  if (!(error instanceof ApiError)) {
    console.error(error);
    return failure('unknown', t('accountError.unknown'));
  }
  const { code, status } = error;
  if (code === 'network') return failure(code, t(action === 'users' ? 'users.needsConnection' : 'accountError.network'));
  if (action === 'setup' && SETUP_LINK_CODES.has(code)) {
    return failure(code, t('accountError.setupLink'));
  }
  if (code === 'invalid_credentials') return failure(code, t('accountError.invalid_credentials'));
  if (code === 'too_many_attempts' || status === 429) return failure(code, t('accountError.too_many_attempts'));
  if (/inactive|deactivated|disabled/.test(code)) return failure(code, t('accountError.inactive'));
  if (status === 401) return failure(code, t('accountError.unauthorized'), {}, true);
  const refusal = FIELD_REFUSALS[code];
  if (refusal) return failure(code, null, { [refusal.field]: t(refusal.key) });
  if (code === 'bad_request' || code === 'invalid_value') {
    const fields = fieldsFromSummary(error.message);
    if (Object.keys(fields).length > 0) return failure(code, t('error.formInvalid'), fields);
  }
  const own = `accountError.${code}`;
  if (isMessageKey(own)) return failure(code, t(own));
  if (status >= 500 || code === 'http_error' || code === 'bad_reply') return failure(code, t('accountError.server'));
  return failure(code, t('accountError.unknown'));
}
