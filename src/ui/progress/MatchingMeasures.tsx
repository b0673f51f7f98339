import type { NeedCategory } from '../../../protocol';
import type { StoredRecord } from '../../db';
import { localDay } from '../../domain/days';
import { matchingMeasures } from '../../domain/measures';
import { t } from '../../i18n';
import { measureFacts } from './MeasuresScreen';
import './progress.css';

/** Under a need: the support measures that fit its category and the community's municipality, still open, soonest first. */
export function MatchingMeasures({ need, municipality, measures }: { need: { id: string; category: NeedCategory }; municipality: string; measures: readonly StoredRecord<'measures'>[] }) {
  const today = localDay(Date.now());
  const fitting = matchingMeasures(measures, need, municipality, today);
  if (fitting.length === 0) return null;
  return (
    <div class="need-card__measures" data-testid="matching-measures">
      <p class="need-card__measures-title">{t('measures.matching')}</p>
      <ul>
        {fitting.map((measure) => (
          <li key={measure.id}><a href="/measures">{measure.name}</a> <span class="muted">· {measureFacts(measure, today)}</span></li>
        ))}
      </ul>
    </div>
  );
}
