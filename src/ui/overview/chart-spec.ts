// What a chart shows, in plain data: the canvas draws it (chart-runtime.ts,
// loaded on demand) and the table view lists the same numbers from it.
import type { NeedStatus } from '../../../protocol';

export interface ChartSeries {
  label: string;
  values: number[];
  /** A colour with at least 3:1 contrast against the white card. */
  color: string;
}

export interface ChartSpec {
  /** Bars run sideways, so long Latvian labels stay readable on a phone. */
  horizontal: boolean;
  /** Series stack into one bar per label (with a legend and a total column). */
  stacked: boolean;
  /** Heading of the label column in the table view. */
  labelHeader: string;
  labels: string[];
  /** Shorter or multi-line labels for the axis only (e.g. month over year); the table keeps `labels`. */
  axisLabels?: (string | string[])[];
  series: ChartSeries[];
  /** How the text summary lists the labels: biggest first, or as given (months). */
  summaryOrder: 'value' | 'given';
}

export const INK = '#1d2321';
export const GRID = '#d5dbd8';
export const BAR = '#1f5f4a';

/** Needs' statuses, told apart by hue and lightness, each ≥ 4.5:1 on white. */
export const STATUS_COLORS: Record<NeedStatus, string> = {
  raised: '#2a6fb0',
  prioritised: '#a4560f',
  in_progress: '#74479c',
  solved: '#2e7d4f',
  dropped: '#5f6368',
};

export function labelTotal(spec: ChartSpec, index: number): number {
  return spec.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0);
}

export function chartTotal(spec: ChartSpec): number {
  return spec.labels.reduce((sum, _label, index) => sum + labelTotal(spec, index), 0);
}

export function isEmptyChart(spec: ChartSpec): boolean {
  return spec.labels.length === 0 || chartTotal(spec) === 0;
}

export interface SummaryWords {
  title: string;
  /** Renders the sentence around the listed items, e.g. "{title}. {items}. Total: {total}." */
  sentence: (items: string, total: string) => string;
  empty: string;
  format: (value: number) => string;
}

/**
 * The chart as one sentence for a screen reader (the canvas's label): every
 * label with its value, biggest first, and for stacked bars each part too.
 */
export function describeChart(spec: ChartSpec, words: SummaryWords): string {
  if (isEmptyChart(spec)) return words.empty;
  const rows = spec.labels.map((label, index) => ({ label, index, total: labelTotal(spec, index) }))
    .filter((row) => row.total > 0);
  if (spec.summaryOrder === 'value') rows.sort((a, b) => b.total - a.total || a.index - b.index);
  const items = rows.map((row) => {
    const head = `${row.label} ${words.format(row.total)}`;
    if (spec.series.length < 2) return head;
    const parts = spec.series.filter((series) => (series.values[row.index] ?? 0) > 0)
      .map((series) => `${series.label} ${words.format(series.values[row.index] ?? 0)}`);
    return `${head} (${parts.join(', ')})`;
  });
  return words.sentence(items.join('; '), words.format(chartTotal(spec)));
}

/** Breaks a label into lines of about `width` characters at spaces, so a long community name fits beside its bar. */
export function wrapLabel(label: string, width: number): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Below this width (of the chart's frame, in CSS px) labels beside sideways bars wrap shorter. */
export const NARROW_CHART_PX = 420;

/** Characters a label beside sideways bars may take per line: about a third of the chart's width. */
export function labelWrapWidth(frameWidth: number): number {
  return frameWidth < NARROW_CHART_PX ? 14 : 26;
}

/** Taller for more bars laid sideways, and for labels that wrap, so each label keeps its own space. */
export function chartHeight(spec: ChartSpec, frameWidth = 600): number {
  if (!spec.horizontal) return 280;
  const legend = spec.series.length > 1 ? 40 * Math.ceil(spec.series.length / (frameWidth < NARROW_CHART_PX ? 2 : 5)) : 0;
  const wrapAt = labelWrapWidth(frameWidth);
  const rows = spec.labels.reduce((sum, label) => {
    const lines = wrapLabel(label, wrapAt);
    return sum + Math.max(34, (Array.isArray(lines) ? lines.length : 1) * 18 + 12);
  }, 0);
  return Math.max(160, rows + 56 + legend);
}
