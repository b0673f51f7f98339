// A figure's value as the screen writes it: counts and averages through Intl, amounts in euro.
import type { TargetIndicator } from '../../../protocol';
import { figureKind, type FigureKey } from '../../domain/programme-report-export';
import { formatDecimal, formatEuro, formatNumber } from '../../i18n';

export function formatFigure(key: FigureKey | TargetIndicator, value: number): string {
  const kind = figureKind(key);
  if (kind === 'cents') return formatEuro(value);
  return kind === 'decimal' ? formatDecimal(value) : formatNumber(value);
}
