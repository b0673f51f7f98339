// The report's range: what was typed, whether it holds, and the quick choices.
import type { ReportRange } from './use-programme-report';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type RangeProblem = 'day' | 'order' | null;

/** What is wrong with a typed range, over a programme from `start` to `end` (empty: open). */
export function rangeProblem(range: ReportRange, programme: { start: string; end: string }): RangeProblem {
  if ((range.from !== '' && !DAY.test(range.from)) || (range.to !== '' && !DAY.test(range.to))) return 'day';
  const from = range.from || programme.start;
  const to = range.to || programme.end;
  return to !== '' && from > to ? 'order' : null;
}

/** `2026-03` → its first and last day. */
export function monthRange(month: string): ReportRange {
  const [year, number] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, number ?? 1, 0)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: last };
}

/** The calendar months (`YYYY-MM`) in which the programme's events fall, in order. */
export function eventMonths(workshops: readonly { programmeId?: string | null | undefined; date: string; deleted: boolean; status: string }[], programmeId: string): string[] {
  const months = new Set<string>();
  for (const event of workshops) {
    if (!event.deleted && event.status !== 'cancelled' && event.programmeId === programmeId) months.add(event.date.slice(0, 7));
  }
  return [...months].sort();
}
