// Shared shapes of `npm run bench` (scripts/bench/index.ts): every section
// measures some figures, each the median of several runs with min and max,
// and says which bar (docs/quality-bars.md) it is held to.
import type { Browser } from 'playwright-core';

export interface Stat {
  median: number;
  min: number;
  max: number;
  /** Every run's value, in the order measured. */
  values: number[];
}

export function stat(values: readonly number[]): Stat {
  if (values.length === 0) throw new Error('stat() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values: [...values] };
}

/** p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Bar {
  /** `max`: the median must be ≤ value; `min`: ≥ value. */
  kind: 'max' | 'min';
  value: number;
  /** How the bar reads in the table, e.g. "≤ 70 KB" or "≥ 5× faster than PouchDB". */
  text: string;
}

export interface Figure {
  /** Stable key for --json and --only, e.g. "first-load-kb". */
  id: string;
  /** What was measured, one line. */
  label: string;
  /** Unit of stat's numbers: "KB" (10^3 bytes), "MB", "ms", "s", "score", "mutations/s", "×". */
  unit: string;
  stat: Stat;
  bar?: Bar;
  /** One line shown under the row: how it was measured, the comparison, the limit in the way. */
  note?: string;
  /** Anything else worth keeping in --json (breakdowns, the other side of a comparison). */
  detail?: Record<string, unknown>;
}

export interface BenchContext {
  /** Debian's Chromium through playwright-core (testing/browser.ts), launched once for the whole bench. */
  browser: Browser;
  /** Repository root, absolute. */
  root: string;
  /** A private copy of the fresh production build (dist/): serve this, not dist/. */
  staticDir: string;
  /** Runs per figure; each figure's stat is over this many runs. */
  runs: number;
  /** Progress lines (to stderr when --json prints the result on stdout). */
  log: (line: string) => void;
  /** With --profile DIR: where the sync runs leave the page's CPU profiles. */
  profileDir?: string;
}

export function meetsBar(figure: Figure): boolean | null {
  if (!figure.bar) return null;
  return figure.bar.kind === 'max' ? figure.stat.median <= figure.bar.value : figure.stat.median >= figure.bar.value;
}
