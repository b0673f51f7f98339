import { isQuotaError, ValidationError } from '../db';
import { t, tValidation } from '../i18n';
import { showToast } from './components/toast';

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

/** Runs a write (and what follows it); resolves to null when it was stored, or to what the form shows when not. */
export async function attemptSave(write: () => Promise<unknown>): Promise<SaveFailure | null> {
  try {
    await write();
    return null;
  } catch (error) {
    return describeSaveError(error);
  }
}

/** Tells of a failed write that has no form to show it beside, in a toast. */
export function toastSaveError(error: unknown): void {
  showToast({ message: describeSaveError(error).message });
}
