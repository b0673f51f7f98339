// The coordinator's overview: every figure computed on the device from the
// records it holds, under the filters of overview-filters.ts.
//
// What the filters mean:
// - municipality and maturity choose communities;
// - programme and the date range choose workshops (by programme and date), and
//   then only communities that held such a workshop stay in view; a workshop is
//   of a programme by its `programmeId`, or, written before it had one, by its
//   programme's name as once typed (any case and spacing);
// - attendance and votes count at the chosen workshops; needs count when raised
//   at one of them, or, raised between workshops, when written in the date range;
// - resources and action plans belong to a community, not to a period: they
//   count for every community in view; a plan is held against the grant of the
//   community's enrolment that runs `today` (none: no grant is set).
// Deleted records never count; nor does anything below a deleted record (a
// deleted workshop's attendance, a deleted participant's check-ins, a deleted
// need's votes). An erased participant still counts, anonymously.
import {
  resolveSurvivors, survivorOf,
  NEED_CATEGORIES, NEED_STATUSES, PARTICIPANT_ROLES, RESOURCE_KINDS, keyed,
  type Action, type Attendance, type Community, type Enrolment, type Maturity, type Need, type NeedCategory, type NeedStatus,
  type Participant, type ParticipantRole, type Programme, type Resource, type ResourceKind, type Vote, type Workshop,
} from '../../protocol';
import { localDay, monthParts } from './days';
import { currentGrantCents } from './enrolment';
import { communitiesOf, type EventCommunities } from './events';
import { planTotal, type PlanTotal } from './grant';
import { countsAsHeld } from './held';
import { hasPeriodFilter, isInRange, type OverviewFilters } from './overview-filters';
import { isEventOf } from './programme';
import { tallyVotes } from './votes';

type Live = { id: string; deleted: boolean };

/** The records the overview reads, deleted ones included (they are left out here). */
export interface OverviewData {
  communities: readonly (Live & Pick<Community, 'name' | 'municipality' | 'maturity'>)[];
  workshops: readonly (Live & Pick<Workshop, 'communityId' | 'date' | 'programme' | 'programmeId' | 'status'>)[];
  participants: readonly (Live & Pick<Participant, 'communityId' | 'role' | 'mergedInto'>)[];
  attendance: readonly (Live & Pick<Attendance, 'workshopId' | 'participantId'>)[];
  needs: readonly (Live & Pick<Need, 'communityId' | 'workshopId' | 'title' | 'category' | 'status' | 'createdAt'>)[];
  votes: readonly (Live & Pick<Vote, 'workshopId' | 'needId' | 'participantId'>)[];
  resources: readonly (Live & Pick<Resource, 'communityId' | 'kind'>)[];
  actions: readonly (Live & Pick<Action, 'communityId' | 'budgetCents' | 'status'>)[];
  programmes: readonly (Live & Pick<Programme, 'name'>)[];
  enrolments: readonly (Live & Pick<Enrolment, 'communityId' | 'start' | 'end' | 'grantCents'>)[];
}

export interface Count<K extends string> {
  key: K;
  count: number;
}

export interface CommunityFigures {
  id: string;
  name: string;
  municipality: string;
  maturity: Maturity;
  workshopsHeld: number;
  uniqueParticipants: number;
  attendance: number;
  needs: number;
  needsByStatus: Record<NeedStatus, number>;
}

export interface TopNeed {
  id: string;
  title: string;
  communityId: string;
  communityName: string;
  category: NeedCategory;
  status: NeedStatus;
  votes: number;
}

export interface CommunityBudget extends PlanTotal {
  communityId: string;
  communityName: string;
  maturity: Maturity;
}

export interface MonthFigures {
  /** `YYYY-MM` */
  month: string;
  workshops: number;
  attendance: number;
}

export interface Overview {
  /** Communities in view, by name. */
  communities: CommunityFigures[];
  totals: {
    /** Live communities of the organisation, before filtering. */
    allCommunities: number;
    communities: number;
    workshopsHeld: number;
    workshopsPlanned: number;
    uniqueParticipants: number;
    /** Check-ins: one per person per workshop. */
    attendance: number;
    needs: number;
    votes: number;
    resources: number;
  };
  participantsByRole: Count<ParticipantRole>[];
  needsByCategory: Count<NeedCategory>[];
  needsByStatus: Count<NeedStatus>[];
  /** At most TOP_NEEDS needs with at least one vote, most votes first. */
  topNeeds: TopNeed[];
  resourcesByKind: Count<ResourceKind>[];
  budgets: CommunityBudget[];
  /** `limitCents` adds the grants that are set; `withoutGrant` counts the communities in view with none. */
  budgetTotals: { totalCents: number; limitCents: number; overLimit: number; withoutGrant: number };
  /** Every month from the first workshop in view to the last, empty months included. */
  attendanceByMonth: MonthFigures[];
}

export const TOP_NEEDS = 10;

const collator = new Intl.Collator('lv');

function countBy<K extends string>(keys: readonly K[], values: Iterable<K>): Count<K>[] {
  const counts = new Map<K, number>(keys.map((key) => [key, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

function emptyStatusCounts(): Record<NeedStatus, number> {
  return keyed(NEED_STATUSES, () => 0);
}

/** `2026-01` … `2026-04` */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let { year, month } = monthParts(first);
  const { year: lastYear, month: lastMonth } = monthParts(last);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** Everything on the overview screen, for the communities and period the filters choose. */
/**
 * `today` (`YYYY-MM-DD`) decides which planned workshops have happened: past
 * with check-ins, they count as held unless cancelled (src/domain/held.ts).
 */
export function computeOverview(data: OverviewData, filters: OverviewFilters, today: string = localDay(Date.now())): Overview {
  const period = hasPeriodFilter(filters);
  const wantedProgramme = filters.programme.trim();
  // An unknown id (a bookmark of a programme deleted since) matches only events that name it.
  const wanted = data.programmes.find((programme) => programme.id === wantedProgramme) ?? { id: wantedProgramme, name: '' };

  // 1. Communities by place and maturity; workshops of those by programme and date.
  const liveCommunities = data.communities.filter((community) => !community.deleted);
  const placed = new Map(liveCommunities
    .filter((community) => (filters.municipality === '' || community.municipality === filters.municipality)
      && (filters.maturity === '' || community.maturity === filters.maturity))
    .map((community) => [community.id, community]));
  // An event of several communities counts for each of them; the organisation's own counts in the totals
  // unless a place or maturity is chosen.
  const placeChosen = filters.municipality !== '' || filters.maturity !== '';
  const inPlace = (workshop: EventCommunities) => {
    const held = communitiesOf(workshop);
    return held.length === 0 ? !placeChosen : held.some((id) => placed.has(id));
  };
  const workshops = new Map(data.workshops
    .filter((workshop) => !workshop.deleted && inPlace(workshop)
      && (wantedProgramme === '' || isEventOf(workshop, wanted))
      && isInRange(workshop.date, filters))
    .map((workshop) => [workshop.id, workshop]));

  // 2. With a period chosen, only communities that held a workshop in it stay.
  const inView = period ? new Set([...workshops.values()].flatMap((workshop) => communitiesOf(workshop))) : new Set(placed.keys());
  const communities = [...placed.values()].filter((community) => inView.has(community.id))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
  const communityIds = new Set(communities.map((community) => community.id));

  // 3. Check-ins at those workshops by people still on the list (erased or not).
  const participants = new Map(data.participants.filter((participant) => !participant.deleted).map((participant) => [participant.id, participant]));
  // A person merged into another counts as the one who stays (protocol/people-merge.ts).
  const survivors = resolveSurvivors(data.participants);
  // One per person per workshop, even if two rows (or two merged records) say so.
  const seen = new Set<string>();
  const checkIns = data.attendance.flatMap((row) => {
    const person = survivorOf(survivors, row.participantId);
    if (row.deleted || !workshops.has(row.workshopId) || !participants.has(person)) return [];
    const key = `${row.workshopId} ${person}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ workshopId: row.workshopId, participantId: person }];
  });

  // A planned workshop whose day has passed and that people came to counts as held.
  const checkInsAt = new Map<string, number>();
  for (const row of checkIns) checkInsAt.set(row.workshopId, (checkInsAt.get(row.workshopId) ?? 0) + 1);
  const held = (workshop: { id: string; status: Workshop['status']; date: string }) => countsAsHeld(workshop, today, checkInsAt.get(workshop.id) ?? 0);

  // 4. Needs raised at those workshops, or between workshops within the dates.
  const liveWorkshopIds = new Set(data.workshops.filter((workshop) => !workshop.deleted).map((workshop) => workshop.id));
  const needs = data.needs.filter((need) => {
    if (need.deleted || !communityIds.has(need.communityId)) return false;
    if (!period) return true;
    if (need.workshopId !== null && liveWorkshopIds.has(need.workshopId)) return workshops.has(need.workshopId);
    // Written between workshops (or at one deleted since): its own date decides.
    return isInRange(localDay(need.createdAt), filters);
  });

  // 5. Dots cast at those workshops on live needs of the communities in view.
  const votableNeeds = data.needs.filter((need) => !need.deleted && communityIds.has(need.communityId))
    .sort((a, b) => a.createdAt - b.createdAt || collator.compare(a.id, b.id));
  const votes = data.votes.filter((vote) => !vote.deleted && workshops.has(vote.workshopId));
  const communityName = new Map(communities.map((community) => [community.id, community.name]));
  const tally = tallyVotes(votableNeeds, votes).filter((row) => row.votes > 0);
  const topNeeds = tally.slice(0, TOP_NEEDS).map(({ need, votes: count }) => ({
    id: need.id, title: need.title, communityId: need.communityId, communityName: communityName.get(need.communityId) ?? '',
    category: need.category, status: need.status, votes: count,
  }));

  // 6. Per community.
  const perCommunity = new Map(communities.map((community) => [community.id, {
    id: community.id, name: community.name, municipality: community.municipality, maturity: community.maturity,
    workshopsHeld: 0, uniqueParticipants: 0, attendance: 0, needs: 0, needsByStatus: emptyStatusCounts(),
  } satisfies CommunityFigures]));
  for (const workshop of workshops.values()) {
    if (!held(workshop)) continue;
    for (const communityId of communitiesOf(workshop)) {
      const figures = perCommunity.get(communityId);
      if (figures) figures.workshopsHeld++;
    }
  }
  // A person counts once overall, and once in each community whose workshops they came to.
  const attendees = new Set<string>();
  const attendeesOf = new Map<string, Set<string>>();
  for (const row of checkIns) {
    attendees.add(row.participantId);
    for (const communityId of communitiesOf(workshops.get(row.workshopId)!)) {
      const figures = perCommunity.get(communityId);
      if (!figures) continue;
      figures.attendance++;
      const people = attendeesOf.get(communityId) ?? new Set<string>();
      people.add(row.participantId);
      attendeesOf.set(communityId, people);
    }
  }
  for (const [communityId, people] of attendeesOf) perCommunity.get(communityId)!.uniqueParticipants = people.size;
  for (const need of needs) {
    const figures = perCommunity.get(need.communityId)!;
    figures.needs++;
    figures.needsByStatus[need.status]++;
  }

  // 7. Month by month, from the first workshop in view to the last.
  const inViewWorkshops = [...workshops.values()];
  const byMonth = new Map<string, MonthFigures>();
  const monthOf = (day: string) => day.slice(0, 7);
  const months = inViewWorkshops.map((workshop) => monthOf(workshop.date)).sort();
  if (months.length > 0) {
    for (const month of monthsBetween(months[0]!, months[months.length - 1]!)) byMonth.set(month, { month, workshops: 0, attendance: 0 });
  }
  for (const workshop of inViewWorkshops) {
    if (held(workshop)) byMonth.get(monthOf(workshop.date))!.workshops++;
  }
  for (const row of checkIns) byMonth.get(monthOf(workshops.get(row.workshopId)!.date))!.attendance++;

  // 8. Resources and budgets of the communities in view.
  const resources = data.resources.filter((resource) => !resource.deleted && communityIds.has(resource.communityId));
  const actionsOf = new Map<string, OverviewData['actions'][number][]>();
  for (const action of data.actions) {
    if (!communityIds.has(action.communityId)) continue;
    const list = actionsOf.get(action.communityId) ?? [];
    list.push(action);
    actionsOf.set(action.communityId, list);
  }
  const budgets = communities.map((community) => ({
    communityId: community.id, communityName: community.name, maturity: community.maturity,
    ...planTotal(actionsOf.get(community.id) ?? [], currentGrantCents(data.enrolments, community.id, today)),
  }));

  const communityFigures = [...perCommunity.values()];
  return {
    communities: communityFigures,
    totals: {
      allCommunities: liveCommunities.length,
      communities: communities.length,
      // Each event once, whether it was held by one community, several or the organisation itself.
      workshopsHeld: inViewWorkshops.filter(held).length,
      workshopsPlanned: inViewWorkshops.filter((workshop) => workshop.status === 'planned' && !held(workshop)).length,
      uniqueParticipants: attendees.size,
      attendance: checkIns.length,
      needs: needs.length,
      votes: tally.reduce((total, row) => total + row.votes, 0),
      resources: resources.length,
    },
    participantsByRole: countBy(PARTICIPANT_ROLES, [...attendees].map((id) => participants.get(id)!.role)),
    needsByCategory: countBy(NEED_CATEGORIES, needs.map((need) => need.category)),
    needsByStatus: countBy(NEED_STATUSES, needs.map((need) => need.status)),
    topNeeds,
    resourcesByKind: countBy(RESOURCE_KINDS, resources.map((resource) => resource.kind)),
    budgets,
    budgetTotals: {
      totalCents: budgets.reduce((total, budget) => total + budget.totalCents, 0),
      limitCents: budgets.reduce((total, budget) => total + (budget.limitCents ?? 0), 0),
      overLimit: budgets.filter((budget) => budget.overLimit).length,
      withoutGrant: budgets.filter((budget) => budget.limitCents === null).length,
    },
    attendanceByMonth: [...byMonth.values()],
  };
}
