import type { CommunityBudget } from '../../domain/overview';
import { useLiveQuery } from '../../db';
import { listAllSpending } from '../../db/progress-queries';
import { formatEuro, t } from '../../i18n';
import { useServices } from '../app-context';
import { DataTable } from '../overview/DataTable';

/** The coordinator's overview: per community in view, what has been spent against the grant (and the plan), over-grant marked. */
export function SpentVsGranted({ budgets }: { budgets: readonly CommunityBudget[] }) {
  const { db } = useServices();
  const spending = useLiveQuery(() => listAllSpending(db), [db]);
  if (spending === undefined) return null;
  const spent = new Map<string, number>();
  for (const line of spending) spent.set(line.communityId, (spent.get(line.communityId) ?? 0) + line.amountCents);
  const rows = budgets.map((budget) => ({ budget, spentCents: spent.get(budget.communityId) ?? 0 }));
  const total = rows.reduce((sum, row) => sum + row.spentCents, 0);
  const granted = rows.reduce((sum, row) => sum + (row.budget.limitCents ?? 0), 0);
  // What is spent where no grant is set passes no grant.
  const spentAgainstGrants = rows.reduce((sum, row) => sum + (row.budget.limitCents === null ? 0 : row.spentCents), 0);
  const cell = (spentCents: number, grantCents: number | null) => (grantCents === null ? t('money.noGrant') : spentCents > grantCents
    ? <strong class="overview-over">{t('money.overGrant', { amount: formatEuro(spentCents - grantCents) })}</strong>
    : formatEuro(grantCents - spentCents));
  return (
    <section class="card overview-wide" aria-labelledby="overview-spent-title" data-testid="overview-spent">
      <h2 id="overview-spent-title">{t('overview.spentVsGranted')}</h2>
      <DataTable caption={t('overview.spentVsGranted')} hideCaption scroll
        columns={[
          { header: t('overview.column.community') },
          { header: t('money.planned'), numeric: true },
          { header: t('money.spent'), numeric: true },
          { header: t('money.grant'), numeric: true },
          { header: t('overview.column.remaining'), numeric: true },
        ]}
        rows={rows.map(({ budget, spentCents }) => ({
          key: budget.communityId,
          header: <a href={`/communities/${budget.communityId}/plan`}>{budget.communityName}</a>,
          cells: [formatEuro(budget.totalCents), formatEuro(spentCents), budget.limitCents === null ? t('money.noGrant') : formatEuro(budget.limitCents),
            cell(spentCents, budget.limitCents)],
          class: budget.limitCents !== null && spentCents > budget.limitCents ? 'is-over' : undefined,
        }))}
        foot={{ header: t('overview.total'), cells: [formatEuro(budgets.reduce((sum, b) => sum + b.totalCents, 0)), formatEuro(total), formatEuro(granted), cell(spentAgainstGrants, granted)] }} />
    </section>
  );
}
