// The programme report (docs/protocol.md, Programme report): the figures a funder asks for, for one
// programme and a range of days, with the list behind each figure. One pure function that the device
// (from what it holds) and the server (from its database) both call, so the two never disagree.
//
// Rules, in short:
// - an event is the programme's by its `programmeId`; it is in the range by its date (both ends inclusive);
//   a deleted or cancelled event counts nowhere;
// - a check-in counts when neither it, its event nor the person it counts for (its survivor) is deleted;
//   people are counted by their survivor (resolveSurvivors), so a merged-away person counts once, and one person checked in twice at
//   one event is one participation;
// - first-time: no check-in at any event of the organisation (any programme or none) before `from`;
// - an erased person counts as a person; the lists give no name for them;
// - needs: raised at one of the range's events, or without an event in a community enrolled in the programme
//   and written (by its UTC day) in the range; needs grouped as the same need (`sameAs`) count once, as their group;
// - actions, budget and spending: of the communities whose enrolment overlaps the range; an action by its due day
//   (or, without one, the UTC day it was written), spending by its date; grants: those enrolments' grants.
import { resolveSurvivors, survivorOf } from './people-merge';
import { keyed } from './objects';
import {
  PARTICIPANT_ROLES, WORKSHOP_KINDS, type NeedStatus, type ParticipantRole, type TargetIndicator, type WorkshopKind,
} from './enums';

interface Row { id: string; deleted: boolean }

/** What the report reads: records of each kind as the device or the server holds them (only the fields it uses). */
export interface ProgrammeReportInput {
  programmes: readonly (Row & {
    start: string; end: string; targets: readonly { indicator: TargetIndicator; target: number; cumulative: boolean }[];
  })[];
  enrolments: readonly (Row & { communityId: string; programmeId: string; start: string; end: string; grantCents: number })[];
  communities: readonly (Row & { municipality: string })[];
  workshops: readonly (Row & {
    communityId: string | null; communityIds?: readonly string[] | undefined; date: string; kind: WorkshopKind;
    status: string; programmeId?: string | null | undefined;
  })[];
  participants: readonly (Row & {
    name: string; communityId: string | null; household: string; role: ParticipantRole; erased: boolean; mergedInto?: string | null | undefined;
  })[];
  attendance: readonly (Row & { workshopId: string; participantId: string })[];
  needs: readonly (Row & {
    communityId: string; workshopId: string | null; status: NeedStatus; createdAt: number; sameAs?: string | null | undefined;
  })[];
  actions: readonly (Row & { communityId: string; due: string; status: string; budgetCents: number; createdAt: number })[];
  /** Spending lines, where the device or server holds them. */
  spending?: readonly (Row & { communityId: string; actionId: string; date: string; amountCents: number })[] | undefined;
}

export interface ProgrammeReportQuery {
  programmeId: string;
  /** First day (`YYYY-MM-DD`), inclusive; empty or absent: the programme's start. */
  from?: string | undefined;
  /** Last day, inclusive; empty or absent: the programme's end (no end when it is open). */
  to?: string | undefined;
}

/** A person as the report lists them: erased people without a name. */
export interface ReportPerson {
  id: string;
  name: string | null;
  role: ParticipantRole | null;
  household: string;
  /** The event ids they attended in the range, by date. */
  eventIds: string[];
  firstTime: boolean;
}

export interface ReportHousehold {
  /** The household's key: its home community and name, or the person's own id when no household is written. */
  key: string;
  household: string;
  communityId: string | null;
  personIds: string[];
}

export interface ReportEvent {
  id: string;
  date: string;
  kind: WorkshopKind;
  communityIds: string[];
  participations: number;
}

/** The figures (each a number, cents in euro cents); the same keys as the HTTP report. */
export interface ProgrammeFigures {
  events: number;
  eventsByKind: Record<WorkshopKind, number>;
  communities: number;
  municipalities: number;
  participations: number;
  uniquePeople: number;
  firstTimePeople: number;
  returningPeople: number;
  households: number;
  peopleByRole: Record<ParticipantRole, number>;
  /** Participations per event (0 without events), unrounded. */
  averageAttendance: number;
  needsRaised: number;
  needsPrioritised: number;
  needsInProgress: number;
  needsSolved: number;
  needsDropped: number;
  actionsPlanned: number;
  actionsDone: number;
  grantsAwardedCents: number;
  budgetPlannedCents: number;
  spentCents: number;
}

/** What lies behind each figure, by id, so a screen can open it. */
export interface ProgrammeLists {
  events: ReportEvent[];
  communityIds: string[];
  municipalities: string[];
  people: ReportPerson[];
  firstTimePersonIds: string[];
  returningPersonIds: string[];
  households: ReportHousehold[];
  /** Need ids (each a group's head) by their current status; `raised` here is every need raised in the range. */
  needIds: Record<'raised' | Exclude<NeedStatus, 'raised'>, string[]>;
  plannedActionIds: string[];
  doneActionIds: string[];
  enrolmentIds: string[];
  spendingIds: string[];
}

export interface TargetProgress {
  indicator: TargetIndicator;
  target: number;
  cumulative: boolean;
  actual: number;
}

export interface ProgrammeReport extends ProgrammeFigures {
  programmeId: string;
  from: string;
  /** Empty when the range has no end. */
  to: string;
  targets: TargetProgress[];
  lists: ProgrammeLists;
}

const NO_END = '9999-12-31';

function utcDay(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

function zeroes<const K extends string>(keys: readonly K[]): Record<K, number> {
  return keyed(keys, () => 0);
}

function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

/** The report of one programme over a range, or null when the programme is not held (or is deleted). */
export function programmeReport(input: ProgrammeReportInput, query: ProgrammeReportQuery): ProgrammeReport | null {
  const programme = input.programmes.find((row) => row.id === query.programmeId && !row.deleted);
  if (!programme) return null;
  const from = query.from || programme.start;
  const to = query.to || programme.end;
  const { figures, lists } = compute(input, query.programmeId, from, to || NO_END);
  const needCumulative = programme.targets.some((target) => target.cumulative) && from !== programme.start;
  const sinceStart = needCumulative ? compute(input, query.programmeId, programme.start, to || NO_END).figures : figures;
  const targets = programme.targets.map((target) => ({
    indicator: target.indicator,
    target: target.target,
    cumulative: target.cumulative,
    actual: (target.cumulative ? sinceStart : figures)[target.indicator],
  }));
  return { programmeId: programme.id, from, to, ...figures, targets, lists };
}

function compute(input: ProgrammeReportInput, programmeId: string, from: string, to: string): { figures: ProgrammeFigures; lists: ProgrammeLists } {
  const inRange = (date: string): boolean => date >= from && date <= to;
  const counts = (event: { deleted: boolean; status: string }): boolean => !event.deleted && event.status !== 'cancelled';

  // Events of the programme in the range.
  const events = input.workshops
    .filter((event) => counts(event) && event.programmeId === programmeId && inRange(event.date))
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  const eventIds = new Set(events.map((event) => event.id));

  // Communities reached (known and alive) and their municipalities.
  const communityById = new Map(input.communities.map((community) => [community.id, community]));
  const reached = new Set<string>();
  const eventCommunities = (event: (typeof events)[number]): string[] => {
    const ids = new Set<string>();
    if (event.communityId !== null) ids.add(event.communityId);
    for (const id of event.communityIds ?? []) ids.add(id);
    return [...ids].filter((id) => communityById.get(id)?.deleted !== true);
  };
  for (const event of events) for (const id of eventCommunities(event)) reached.add(id);
  const municipalities = new Set<string>();
  for (const id of reached) {
    const community = communityById.get(id);
    if (community) municipalities.add(community.municipality);
  }

  // People, by their survivor. Check-ins are tens of thousands: events and people are numbered once, so each
  // check-in costs two lookups, and each (person, event) pair is kept as one number — no strings, no per-person sets.
  const eventCount = events.length;
  /** A counting event's slot: its index among the range's events, or BEFORE when held before `from`, or OTHER. */
  const BEFORE = -1;
  const OTHER = -2;
  const eventSlot = new Map<string, number>();
  for (const event of input.workshops) if (counts(event)) eventSlot.set(event.id, event.date < from ? BEFORE : OTHER);
  events.forEach((event, index) => eventSlot.set(event.id, index));
  const survivors = resolveSurvivors(input.participants);
  const personById = new Map(input.participants.map((person) => [person.id, person]));
  /** Each person (survivor) counted, by number; a record's slot is its survivor's, or GONE when the survivor is in the bin. */
  const GONE = -1;
  const personIds: string[] = [];
  const survivorSlot = new Map<string, number>();
  const personSlot = new Map<string, number>();
  const slotOf = (participantId: string): number => {
    const known = personSlot.get(participantId);
    if (known !== undefined) return known;
    // Counted for the person it stands for: a merged-away record put in the bin afterwards still counts for its survivor.
    const survivor = survivorOf(survivors, participantId);
    let slot = survivorSlot.get(survivor);
    if (slot === undefined) {
      slot = personById.get(survivor)?.deleted === true ? GONE : personIds.push(survivor) - 1;
      survivorSlot.set(survivor, slot);
    }
    personSlot.set(participantId, slot);
    return slot;
  };
  const cameBefore = new Set<number>();
  const pairs = new Set<number>();
  for (const checkIn of input.attendance) {
    if (checkIn.deleted) continue;
    const event = eventSlot.get(checkIn.workshopId);
    if (event === undefined || event === OTHER) continue;
    const person = slotOf(checkIn.participantId);
    if (person === GONE) continue;
    if (event === BEFORE) cameBefore.add(person);
    else pairs.add(person * eventCount + event);
  }
  const attendedEvents: number[][] = personIds.map(() => []);
  const perEvent = new Map<string, number>();
  for (const pair of pairs) {
    const event = pair % eventCount;
    attendedEvents[(pair - event) / eventCount]!.push(event);
    const eventId = events[event]!.id;
    perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + 1);
  }
  const participations = pairs.size;

  const peopleByRole = zeroes(PARTICIPANT_ROLES);
  const households = new Map<string, ReportHousehold>();
  const people: ReportPerson[] = [];
  const attended = personIds.map((id, slot) => ({ id, slot })).filter(({ slot }) => attendedEvents[slot]!.length > 0);
  attended.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const { id, slot } of attended) {
    const person = personById.get(id);
    const household = person?.household.trim() ?? '';
    // Latvian has no casing rule of its own, so the plain lower case folds "Kalniņi" and "kalniņi" alike, and fast.
    const key = household === '' ? `person:${id}` : `${person?.communityId ?? ''}:${household.toLowerCase()}`;
    const entry = households.get(key) ?? { key, household, communityId: person?.communityId ?? null, personIds: [] };
    entry.personIds.push(id);
    households.set(key, entry);
    if (person) peopleByRole[person.role] += 1;
    people.push({
      id,
      name: person && !person.erased ? person.name : null,
      role: person?.role ?? null,
      household: person && !person.erased ? household : '',
      // By date: the range's events are numbered in date order.
      eventIds: attendedEvents[slot]!.sort((a, b) => a - b).map((event) => events[event]!.id),
      firstTime: !cameBefore.has(slot),
    });
  }
  const firstTimePersonIds = people.filter((person) => person.firstTime).map((person) => person.id);
  const returningPersonIds = people.filter((person) => !person.firstTime).map((person) => person.id);

  // Enrolments overlapping the range, and their communities.
  const enrolments = input.enrolments.filter((enrolment) =>
    !enrolment.deleted && enrolment.programmeId === programmeId && communityById.get(enrolment.communityId)?.deleted !== true
    && enrolment.start <= to && (enrolment.end === '' || enrolment.end >= from));
  const enrolled = new Set(enrolments.map((enrolment) => enrolment.communityId));

  // Needs: at the range's events, or between events in an enrolled community; grouped needs once, as their group.
  const liveNeeds = input.needs.filter((need) => !need.deleted);
  const groups = resolveSurvivors(liveNeeds.map((need) => ({ id: need.id, mergedInto: need.sameAs ?? null })));
  const needById = new Map(liveNeeds.map((need) => [need.id, need]));
  const needIds: ProgrammeLists['needIds'] = { raised: [], prioritised: [], in_progress: [], solved: [], dropped: [] };
  const heads = new Set<string>();
  for (const need of liveNeeds) {
    const raisedHere = need.workshopId !== null
      ? eventIds.has(need.workshopId)
      : enrolled.has(need.communityId) && inRange(utcDay(need.createdAt));
    if (raisedHere) heads.add(survivorOf(groups, need.id));
  }
  for (const id of sortedIds(heads)) {
    const head = needById.get(id);
    if (!head) continue;
    needIds.raised.push(id);
    if (head.status !== 'raised') needIds[head.status].push(id);
  }

  // Actions, budget and spending of the enrolled communities.
  const actions = input.actions.filter((action) =>
    !action.deleted && enrolled.has(action.communityId) && inRange(action.due === '' ? utcDay(action.createdAt) : action.due));
  const planned = actions.filter((action) => action.status !== 'dropped');
  const liveActions = new Set(input.actions.filter((action) => !action.deleted).map((action) => action.id));
  const spending = (input.spending ?? []).filter((line) =>
    !line.deleted && enrolled.has(line.communityId) && liveActions.has(line.actionId) && inRange(line.date));

  const eventsByKind = zeroes(WORKSHOP_KINDS);
  for (const event of events) eventsByKind[event.kind] += 1;
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

  const figures: ProgrammeFigures = {
    events: events.length,
    eventsByKind,
    communities: reached.size,
    municipalities: municipalities.size,
    participations,
    uniquePeople: people.length,
    firstTimePeople: firstTimePersonIds.length,
    returningPeople: returningPersonIds.length,
    households: households.size,
    peopleByRole,
    averageAttendance: events.length === 0 ? 0 : participations / events.length,
    needsRaised: needIds.raised.length,
    needsPrioritised: needIds.prioritised.length,
    needsInProgress: needIds.in_progress.length,
    needsSolved: needIds.solved.length,
    needsDropped: needIds.dropped.length,
    actionsPlanned: planned.length,
    actionsDone: planned.filter((action) => action.status === 'done').length,
    grantsAwardedCents: sum(enrolments.map((enrolment) => enrolment.grantCents)),
    budgetPlannedCents: sum(planned.map((action) => action.budgetCents)),
    spentCents: sum(spending.map((line) => line.amountCents)),
  };
  const lists: ProgrammeLists = {
    events: events.map((event) => ({
      id: event.id, date: event.date, kind: event.kind, communityIds: eventCommunities(event), participations: perEvent.get(event.id) ?? 0,
    })),
    communityIds: sortedIds(reached),
    municipalities: sortedIds(municipalities),
    people,
    firstTimePersonIds,
    returningPersonIds,
    households: [...households.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    needIds,
    plannedActionIds: sortedIds(planned.map((action) => action.id)),
    doneActionIds: sortedIds(planned.filter((action) => action.status === 'done').map((action) => action.id)),
    enrolmentIds: sortedIds(enrolments.map((enrolment) => enrolment.id)),
    spendingIds: sortedIds(spending.map((line) => line.id)),
  };
  return { figures, lists };
}
