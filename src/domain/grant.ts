// An action plan's budget against the community's grant: the grant of its current enrolment in a
// programme (src/domain/enrolment.ts currentGrantCents), or none when it is enrolled in none.

export interface PlanTotal {
  totalCents: number;
  /** The grant the plan is held against, or null when no grant is set (the community is in no programme today). */
  limitCents: number | null;
  /** What is left of the grant (negative when over), or null without a grant. */
  remainingCents: number | null;
  overLimit: boolean;
}

/** The action plan's budget against the community's grant; dropped and deleted actions do not count. */
export function planTotal(actions: readonly { budgetCents: number; status: string; deleted: boolean }[], grantCents: number | null): PlanTotal {
  const totalCents = actions
    .filter((action) => !action.deleted && action.status !== 'dropped')
    .reduce((sum, action) => sum + action.budgetCents, 0);
  if (grantCents === null) return { totalCents, limitCents: null, remainingCents: null, overLimit: false };
  return { totalCents, limitCents: grantCents, remainingCents: grantCents - totalCents, overLimit: totalCents > grantCents };
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
