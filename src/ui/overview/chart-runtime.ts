// The only importer of chart.js, reached by import() from ChartFigure: the
// library loads with the overview, never with a facilitator's first screen.
// Only the pieces bar charts need are registered, so the rest is shaken out.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { GRID, INK, labelWrapWidth, wrapLabel, type ChartSpec } from './chart-spec';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = INK;

export interface DrawnChart {
  destroy(): void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Draws the spec as a bar chart on the canvas; numbers on the axes in the interface's locale. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, locale: string): DrawnChart {
  const valueAxis = { stacked: spec.stacked, beginAtZero: true, grid: { color: GRID }, ticks: { precision: 0, color: INK } };
  // Every label beside sideways bars; under upright bars (months) labels stay level and skip when crowded on a phone.
  const labelAxis = { stacked: spec.stacked, grid: { display: false }, ticks: { color: INK, autoSkip: !spec.horizontal, maxRotation: spec.horizontal ? 50 : 0 } };
  const labelsFor = (width: number) => spec.axisLabels ?? (spec.horizontal ? spec.labels.map((label) => wrapLabel(label, labelWrapWidth(width))) : spec.labels);
  const frameWidth = canvas.parentElement?.clientWidth ?? 600;
  let wrappedAt = labelWrapWidth(frameWidth);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: labelsFor(frameWidth),
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: series.color,
        // White seams keep stacked parts apart for people who cannot tell the hues apart.
        borderColor: '#ffffff',
        borderWidth: spec.stacked ? 2 : 0,
        maxBarThickness: 40,
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersReducedMotion() ? false : { duration: 300 },
      // Turning a tablet may cross the phone width: wrap the labels again.
      onResize: (chart, size) => {
        if (labelWrapWidth(size.width) === wrappedAt) return;
        wrappedAt = labelWrapWidth(size.width);
        chart.data.labels = labelsFor(size.width);
        chart.update('none');
      },
      scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { color: INK, boxWidth: 16, padding: 12 } },
        tooltip: { enabled: true },
      },
    },
  });
}
