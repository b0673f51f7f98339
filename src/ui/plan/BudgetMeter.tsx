import { useId } from 'preact/hooks';
import type { PlanTotal } from '../../domain/grant';
import { formatEuro, t } from '../../i18n';
import { Card } from '../components/page';

export interface BudgetMeterProps {
  total: PlanTotal;
  /** The programme of the community's current enrolment, whose grant the plan is held against. */
  programmeName: string;
  /** Where the community can be enrolled in a programme, when no grant is set. */
  enrolHref: string;
}

/**
 * The plan's total against the grant of the community's current enrolment: a meter, the figures in words, and
 * a warning when over. Without an enrolment there is no grant to hold it against: the total, and where to enrol.
 */
export function BudgetMeter({ total, programmeName, enrolHref }: BudgetMeterProps) {
  const figuresId = useId();
  const { totalCents, limitCents, remainingCents, overLimit } = total;
  if (limitCents === null || remainingCents === null) {
    return (
      <Card title={t('plan.total')} class="budget" testId="budget">
        <p class="budget__figures">{formatEuro(totalCents)}</p>
        <p class="notice" data-testid="no-grant">{t('plan.noGrant')} <a href={enrolHref}>{t('enrolment.enrol')}</a></p>
        <p class="muted budget__note">{t('plan.droppedNotCounted')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('plan.total')} class={`budget${overLimit ? ' budget--over' : ''}`} testId="budget">
      <p class="budget__figures" id={figuresId}>
        {t('plan.totalOfLimit', { total: formatEuro(totalCents), limit: formatEuro(limitCents) })}
      </p>
      {/* Past the limit the meter stays full; `high` just under the limit turns it red there. */}
      <meter class="budget__meter" min={0} max={limitCents} value={Math.min(totalCents, limitCents)}
        low={limitCents * 0.9} high={limitCents - 1} optimum={0}
        aria-label={t('plan.meterLabel')} aria-describedby={figuresId} />
      <p class="muted">{t('plan.limitFor', { programme: programmeName, limit: formatEuro(limitCents) })}</p>
      {overLimit ? (
        <p class="notice notice--warning" role="alert">{t('plan.overLimit', { amount: formatEuro(-remainingCents) })}</p>
      ) : (
        <p>{t('plan.remaining', { amount: formatEuro(remainingCents) })}</p>
      )}
      <p class="muted budget__note">{t('plan.droppedNotCounted')}</p>
    </Card>
  );
}
