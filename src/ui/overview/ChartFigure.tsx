import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, locale, t } from '../../i18n';
import { Card } from '../components/page';
import { chartHeight, chartTotal, describeChart, isEmptyChart, labelTotal, labelWrapWidth, type ChartSpec } from './chart-spec';
import { DataTable } from './DataTable';

export interface ChartFigureProps {
  title: string;
  spec: ChartSpec;
  testId?: string;
}

type DrawState = 'waiting' | 'drawn' | 'failed';

/** The frame's width, followed as it changes (a tablet turned); a tablet's width where it cannot be measured. */
function useFrameWidth(frame: RefObject<HTMLElement>): number {
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      // Only a change of label wrapping changes the height: no re-render on every pixel.
      if (entry) setWidth((previous) => (labelWrapWidth(previous) === labelWrapWidth(entry.contentRect.width) ? previous : entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame]);
  return width;
}

/**
 * A chart with its heading, a text summary on the canvas for screen readers,
 * and the same numbers as a table behind "Show table". The table is always
 * rendered; the canvas is drawn only where the page can draw (not in a DOM
 * without canvas), with chart.js fetched on first use.
 */
export function ChartFigure({ title, spec, testId }: ChartFigureProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<DrawState>('waiting');
  const frameWidth = useFrameWidth(frameRef);
  const empty = isEmptyChart(spec);
  const lang = locale();
  // Redraw when the numbers or the words change (a sync, a filter, the language).
  const drawKey = `${lang}\n${JSON.stringify(spec)}`;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || empty || !canvas.getContext('2d')) return;
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    import('./chart-runtime').then(({ drawChart }) => {
      if (cancelled) return;
      chart = drawChart(canvas, spec, lang);
      setState('drawn');
    }, () => {
      if (!cancelled) setState('failed');
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawKey holds spec and language
  }, [drawKey, empty]);

  const summary = describeChart(spec, {
    title,
    sentence: (items, total) => t('overview.chart.summary', { title, items, total }),
    empty: t('overview.chart.summaryEmpty', { title }),
    format: formatNumber,
  });
  const stackedTotal = spec.series.length > 1;

  return (
    <Card title={title} class="chart" testId={testId}>
      {empty ? (
        <p class="muted">{t('overview.chart.noData')}</p>
      ) : (
        <div ref={frameRef} class="chart__frame" style={{ height: `${chartHeight(spec, frameWidth)}px` }}>
          <canvas ref={canvasRef} role="img" aria-label={summary} data-state={state} />
        </div>
      )}
      {state === 'failed' && <p class="notice">{t('overview.chart.failed')}</p>}
      {spec.labels.length > 0 && (
        <details class="chart__table" open={state === 'failed'}>
          <summary>{t('overview.chart.showTable')}</summary>
          <DataTable caption={title} hideCaption scroll={stackedTotal}
            columns={[
              { header: spec.labelHeader },
              ...spec.series.map((series) => ({ header: series.label, numeric: true })),
              ...(stackedTotal ? [{ header: t('overview.total'), numeric: true }] : []),
            ]}
            rows={spec.labels.map((label, index) => ({
              key: `${index}`,
              header: label,
              cells: [
                ...spec.series.map((series) => formatNumber(series.values[index] ?? 0)),
                ...(stackedTotal ? [formatNumber(labelTotal(spec, index))] : []),
              ],
            }))}
            foot={{
              header: t('overview.total'),
              cells: [
                ...spec.series.map((series) => formatNumber(series.values.reduce((sum, value) => sum + value, 0))),
                ...(stackedTotal ? [formatNumber(chartTotal(spec))] : []),
              ],
            }}
          />
        </details>
      )}
    </Card>
  );
}
