import type { PlanMoney } from '../../domain/spending';
import './progress.css';
import { formatEuro, t } from '../../i18n';
import { Card } from '../components/page';

/** The plan's money: planned, spent and the grant, with a warning when spending passes a budget or the grant. */
export function MoneySummary({ money }: { money: PlanMoney }) {
  return (
    <Card title={t('money.title')} class={`budget${money.overGrant ? ' budget--over' : ''}`} testId="money">
      <dl class="money-figures">
        <div><dt>{t('money.planned')}</dt><dd>{formatEuro(money.plannedCents)}</dd></div>
        <div><dt>{t('money.spent')}</dt><dd data-testid="money-spent">{formatEuro(money.spentCents)}</dd></div>
        <div><dt>{t('money.grant')}</dt><dd>{money.grantCents === null ? t('money.noGrant') : formatEuro(money.grantCents)}</dd></div>
      </dl>
      {money.overGrant && money.grantCents !== null && (
        <p class="notice notice--warning" role="alert">{t('money.overGrant', { amount: formatEuro(money.spentCents - money.grantCents) })}</p>
      )}
      {money.overBudgetCount > 0 && <p class="notice notice--warning">{t('money.overBudgetCount', { count: money.overBudgetCount })}</p>}
    </Card>
  );
}
