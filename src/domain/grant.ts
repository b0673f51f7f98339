import { GRANT_LIMIT_CENTS, type Maturity } from '../../protocol';

export interface PlanTotal {
  totalCents: number;
  limitCents: number;
  remainingCents: number;
  overLimit: boolean;
}

/** The action plan's budget against the grant limit for the community's maturity; dropped actions do not count. */
export function planTotal(actions: readonly { budgetCents: number; status: string; deleted: boolean }[], maturity: Maturity): PlanTotal {
  const totalCents = actions
    .filter((action) => !action.deleted && action.status !== 'dropped')
    .reduce((sum, action) => sum + action.budgetCents, 0);
  const limitCents = GRANT_LIMIT_CENTS[maturity];
  return { totalCents, limitCents, remainingCents: limitCents - totalCents, overLimit: totalCents > limitCents };
}

/** Parses an amount typed in euro ("1 250,50", "1250.5", "€ 30") into cents; null when it is not one. */
export function parseEuroToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function centsToEuroInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}
