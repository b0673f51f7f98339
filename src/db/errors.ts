import type * as v from 'valibot';

/** A write refused because the data does not fit the record's schema; nothing was written. */
export class ValidationError extends Error {
  /** Field name → message code (`required`, `too_long`, …) for the form to show. */
  readonly fieldErrors: Record<string, string>;

  constructor(issues: readonly v.BaseIssue<unknown>[]) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) {
      const key = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      if (!(key in fieldErrors)) fieldErrors[key] = issue.message;
    }
    super(`Invalid record: ${Object.entries(fieldErrors).map(([k, m]) => `${k}: ${m}`).join(', ')}`);
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** The browser refused to store more (disk or quota full). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const inner: unknown = 'inner' in error ? error.inner : undefined;
  return inner instanceof Error && inner.name === 'QuotaExceededError';
}
