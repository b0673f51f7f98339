// A community's enrolment in a programme (docs/protocol.md, Records: enrolments): its default
// period, the checks of its form (representatives, grant against the programme's limit) and which
// enrolment is a community's current one, whose grant its action plan is held against.
import type { Enrolment, Maturity, Participant, Programme } from '../../protocol';
import { dayParts } from './days';

/** How many representatives a community names for a programme. */
export const REPRESENTATIVES = { min: 2, max: 3 } as const;

/** How long an enrolment runs unless the coordinator says otherwise. */
export const ENROLMENT_MONTHS = 12;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The default last day of an enrolment starting on `start`: twelve months on, less a day, so a year
 * from 1 March ends on the last day of February (the end is inclusive, as everywhere in the protocol).
 * From 29 February it ends on 28 February.
 */
export function defaultEnrolmentEnd(start: string): string {
  const { year, month, day } = dayParts(start);
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(day)) return '';
  // The day before the same day twelve months on; Date.UTC carries day 0 back into the month before (no clock changes in UTC).
  const end = new Date(Date.UTC(year, month - 1 + ENROLMENT_MONTHS, day - 1));
  return `${pad(end.getUTCFullYear(), 4)}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
}

/** The grant limit a programme sets for a community of `maturity`, in cents. */
export function grantLimitFor(programme: Pick<Programme, 'grantLimitEmergingCents' | 'grantLimitActiveCents'>, maturity: Maturity): number {
  return maturity === 'active' ? programme.grantLimitActiveCents : programme.grantLimitEmergingCents;
}

/** Whether a grant fits the programme's limit for the maturity; the limit is included. */
export function grantWithinLimit(
  grantCents: number, programme: Pick<Programme, 'grantLimitEmergingCents' | 'grantLimitActiveCents'>, maturity: Maturity,
): boolean {
  return grantCents <= grantLimitFor(programme, maturity);
}

type Representative = Pick<Participant, 'household'> & { id: string };

/**
 * The household a representative belongs to: the household's name (ignoring case and spacing), or the
 * person alone when no household is written. Unlike the programme report, which counts households of the
 * whole register by home community and name, representatives all speak for one community: one of them at
 * home there and another only tied to it, both of household "Ozoli", are one family.
 */
export function householdKey(person: Representative): string {
  const household = person.household.trim().replace(/\s+/g, ' ');
  return household === '' ? `person:${person.id}` : `household:${household.toLocaleLowerCase('lv')}`;
}

export type RepresentativeWarning = 'tooFew' | 'tooMany' | 'oneHousehold';

/**
 * What the form warns of (it does not refuse): fewer than two or more than three representatives, and
 * two or more who all come from one household, so the community is not spoken for by one family.
 */
export function representativeWarnings(people: readonly Representative[]): RepresentativeWarning[] {
  const distinct = [...new Map(people.map((person) => [person.id, person])).values()];
  const warnings: RepresentativeWarning[] = [];
  if (distinct.length < REPRESENTATIVES.min) warnings.push('tooFew');
  if (distinct.length > REPRESENTATIVES.max) warnings.push('tooMany');
  if (distinct.length >= REPRESENTATIVES.min && new Set(distinct.map(householdKey)).size < 2) warnings.push('oneHousehold');
  return warnings;
}

type Period = Pick<Enrolment, 'start' | 'end'>;

/** Whether an enrolment (or a programme) runs on `day`: from its start to its end, both included; an empty end is open. */
export function runsOn(period: Period, day: string): boolean {
  return period.start <= day && (period.end === '' || day <= period.end);
}

/** A period whose end comes before its start. */
export function endsBeforeStart(period: Period): boolean {
  return period.end !== '' && period.end < period.start;
}

type EnrolmentLike = Pick<Enrolment, 'communityId' | 'start' | 'end' | 'grantCents'> & { id: string; deleted: boolean };

/**
 * A community's current enrolment: the live one whose period holds `today`; of several, the one that
 * started last (then the larger id, so every device picks the same). Null when none runs today.
 */
export function currentEnrolment<E extends EnrolmentLike>(enrolments: readonly E[], communityId: string, today: string): E | null {
  let current: E | null = null;
  for (const enrolment of enrolments) {
    if (enrolment.deleted || enrolment.communityId !== communityId || !runsOn(enrolment, today)) continue;
    if (current === null || enrolment.start > current.start || (enrolment.start === current.start && enrolment.id > current.id)) current = enrolment;
  }
  return current;
}

/** The grant a community's action plan is held against today (its current enrolment's), or null when none is set. */
export function currentGrantCents(enrolments: readonly EnrolmentLike[], communityId: string, today: string): number | null {
  return currentEnrolment(enrolments, communityId, today)?.grantCents ?? null;
}
