import type { ProgrammeReport } from '../../../protocol';
import { FIGURE_KEYS, figureKind, type FigureKey } from '../../domain/programme-report-export';
import { t } from '../../i18n';
import { formatFigure } from './figure-format';
import { figureLabel } from './report-labels';

export interface ReportFiguresProps {
  report: ProgrammeReport;
  open: FigureKey | null;
  onOpen: (key: FigureKey) => void;
}

/** The report's figures, large; each a button that opens the list it is counted from below. */
export function ReportFigures({ report, open, onOpen }: ReportFiguresProps) {
  return (
    <section class="report-section report-figures" aria-labelledby="report-figures-title">
      <h2 id="report-figures-title">{t('programmeReport.figures')}</h2>
      <p class="muted no-print">{t('programmeReport.figuresHint')}</p>
      <ul class="figure-grid report-figure-grid">
        {FIGURE_KEYS.map((key) => (
          <li key={key}>
            <button type="button" class={`figure report-figure${figureKind(key) === 'cents' ? ' report-figure--money' : ''}`} data-testid={`figure-${key}`}
              aria-expanded={open === key} aria-controls={open === key ? 'report-list' : undefined} onClick={() => onOpen(key)}>
              <span class="report-figure__label">{figureLabel(key)}</span>{' '}
              <span class="figure__value">{formatFigure(key, report[key])}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
