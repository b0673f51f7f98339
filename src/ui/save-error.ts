import { isQuotaError, ValidationError } from '../db';
import { t, tValidation } from '../i18n';

export interface SaveFailure {
  /** A message for the whole form, in the user's language. */
  message: string;
  /** Field name → message, for errors that belong beside a field. */
  fields: Record<string, string>;
}

/** Turns a failed write into what the form shows; what the user typed stays in the form. */
export function describeSaveError(error: unknown): SaveFailure {
  if (error instanceof ValidationError) {
    const fields: Record<string, string> = {};
    for (const [field, code] of Object.entries(error.fieldErrors)) fields[field] = tValidation(code);
    return { message: t('error.formInvalid'), fields };
  }
  if (isQuotaError(error)) return { message: t('error.quota'), fields: {} };
  console.error(error);
  return { message: t('error.save'), fields: {} };
}
