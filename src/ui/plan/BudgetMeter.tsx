import { useId } from 'preact/hooks';
import type { Maturity } from '../../../protocol';
import type { PlanTotal } from '../../domain/grant';
import { formatEuro, t, tLabel } from '../../i18n';
import { Card } from '../components/page';

export interface BudgetMeterProps {
  total: PlanTotal;
  maturity: Maturity;
}

/** The plan's total against the grant limit: a meter, the figures in words, and a warning when over. */
export function BudgetMeter({ total, maturity }: BudgetMeterProps) {
  const figuresId = useId();
  const { totalCents, limitCents, remainingCents, overLimit } = total;
  return (
    <Card title={t('plan.total')} class={`budget${overLimit ? ' budget--over' : ''}`} testId="budget">
      <p class="budget__figures" id={figuresId}>
        {t('plan.totalOfLimit', { total: formatEuro(totalCents), limit: formatEuro(limitCents) })}
      </p>
      {/* Past the limit the meter stays full; `high` just under the limit turns it red there. */}
      <meter class="budget__meter" min={0} max={limitCents} value={Math.min(totalCents, limitCents)}
        low={limitCents * 0.9} high={limitCents - 1} optimum={0}
        aria-label={t('plan.meterLabel')} aria-describedby={figuresId} />
      <p class="muted">{t('plan.limitFor', { maturity: tLabel('maturity', maturity), limit: formatEuro(limitCents) })}</p>
      {overLimit ? (
        <p class="notice notice--warning" role="alert">{t('plan.overLimit', { amount: formatEuro(-remainingCents) })}</p>
      ) : (
        <p>{t('plan.remaining', { amount: formatEuro(remainingCents) })}</p>
      )}
      <p class="muted budget__note">{t('plan.droppedNotCounted')}</p>
    </Card>
  );
}
