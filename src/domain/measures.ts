// The support-measures directory matched to needs (docs/protocol.md, Records: measures): a measure fits
// a need when it names the need's category (or none) and covers the community's municipality (or all),
// and its deadline has not passed — on the deadline day it still shows. Soonest deadline first, open last.
import type { NeedCategory } from '../../protocol';

interface MeasureLike {
  id: string;
  name: string;
  deadline: string;
  categories: readonly string[];
  municipalities: readonly string[];
  deleted: boolean;
}

/** A deadline passed: the day after it. An open measure (no deadline) never expires. */
export function isExpired(measure: { deadline: string }, today: string): boolean {
  return measure.deadline !== '' && measure.deadline < today;
}

function bySoonest(a: MeasureLike, b: MeasureLike): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === '') return 1;
    if (b.deadline === '') return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.name.localeCompare(b.name, 'lv');
}

/** The measures that fit a need of this category in this municipality, still open on `today` (YYYY-MM-DD). */
export function matchingMeasures<M extends MeasureLike>(measures: readonly M[], need: { category: NeedCategory }, municipality: string, today: string): M[] {
  return measures
    .filter((measure) => !measure.deleted && !isExpired(measure, today))
    .filter((measure) => measure.categories.length === 0 || measure.categories.includes(need.category))
    .filter((measure) => measure.municipalities.length === 0 || measure.municipalities.includes(municipality))
    .sort(bySoonest);
}

/** The day `days` after `today` (both YYYY-MM-DD, by the calendar, not the clock). */
export function addDays(today: string, days: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** Measures whose deadline falls from today to `days` ahead (inclusive), soonest first: the home screen's list. */
export function deadlinesWithin<M extends MeasureLike>(measures: readonly M[], today: string, days = 30): M[] {
  const last = addDays(today, days);
  return measures.filter((measure) => !measure.deleted && measure.deadline !== '' && measure.deadline >= today && measure.deadline <= last).sort(bySoonest);
}
