import type { Overview } from '../../domain/overview';
import { formatEuro, t, tLabel } from '../../i18n';
import { DataTable } from './DataTable';

/** Each community's action plan (planTotal) against the grant of its current enrolment, over-grant plans said in words. */
export function BudgetTable({ budgets, totals }: { budgets: Overview['budgets']; totals: Overview['budgetTotals'] }) {
  const remaining = (cents: number | null) => (cents === null ? t('money.noGrant') : cents < 0
    ? <strong class="overview-over">{t('overview.budgetOver', { amount: formatEuro(-cents) })}</strong>
    : formatEuro(cents));
  const granted = (cents: number | null) => (cents === null ? t('money.noGrant') : formatEuro(cents));
  return (
    <section class="card overview-wide" aria-labelledby="overview-budgets-title" data-testid="overview-budgets">
      <h2 id="overview-budgets-title">{t('overview.budgets')}</h2>
      <p class={totals.overLimit > 0 ? 'notice overview-warning' : 'muted overview-note'}>
        {totals.overLimit > 0 ? t('overview.budgetsOver', { count: totals.overLimit }) : t('overview.budgetsNoneOver')}
      </p>
      <DataTable caption={t('overview.budgets')} hideCaption scroll
        columns={[
          { header: t('overview.column.community') },
          { header: t('overview.column.maturity') },
          { header: t('overview.column.planned'), numeric: true },
          { header: t('overview.column.limit'), numeric: true },
          { header: t('overview.column.remaining'), numeric: true },
        ]}
        rows={budgets.map((budget) => ({
          key: budget.communityId,
          header: <a href={`/communities/${budget.communityId}/plan`}>{budget.communityName}</a>,
          cells: [tLabel('maturity', budget.maturity), formatEuro(budget.totalCents), granted(budget.limitCents), remaining(budget.remainingCents)],
          class: budget.overLimit ? 'is-over' : undefined,
        }))}
        foot={{
          header: t('overview.total'),
          // Without a grant a plan has nothing left of one: the total's remainder is of the plans that have a grant.
          cells: ['', formatEuro(totals.totalCents), formatEuro(totals.limitCents),
            remaining(totals.limitCents - budgets.reduce((sum, budget) => sum + (budget.limitCents === null ? 0 : budget.totalCents), 0))],
        }} />
    </section>
  );
}
