import { useId } from 'preact/hooks';
import type { TargetProgress } from '../../../protocol';
import { t } from '../../i18n';
import { formatFigure } from './figure-format';
import { figureLabel } from './report-labels';

/** Each target as a bar: what is reached of it, and whether it counts in the range or since the programme began. */
export function TargetBars({ targets }: { targets: readonly TargetProgress[] }) {
  return (
    <section class="report-section report-targets" aria-labelledby="report-targets-title">
      <h2 id="report-targets-title">{t('programmeReport.targets')}</h2>
      {targets.length === 0 ? <p class="muted">{t('programmeReport.noTargets')}</p> : (
        <ul class="target-list">
          {targets.map((target, index) => <TargetBar key={`${target.indicator}-${index}`} target={target} />)}
        </ul>
      )}
    </section>
  );
}

function TargetBar({ target }: { target: TargetProgress }) {
  const id = useId();
  const progress = t('programmeReport.targetProgress', {
    actual: formatFigure(target.indicator, target.actual), target: formatFigure(target.indicator, target.target),
  });
  return (
    <li class="target" data-testid={`target-${target.indicator}`}>
      <label for={id} class="target__label">{figureLabel(target.indicator)}</label>
      <progress id={id} max={Math.max(target.target, 1)} value={Math.min(target.actual, Math.max(target.target, 1))}
        aria-valuetext={progress} />
      <p class="target__text">
        <strong>{progress}</strong>{' '}
        <span class="muted">({t(target.cumulative ? 'programmeReport.targetCumulative' : 'programmeReport.targetInRange')})</span>
      </p>
    </li>
  );
}
