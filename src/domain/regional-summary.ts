// A programme's regional summary: what every community enrolled in it has gathered — needs by category
// with their dots, the asset map's resources by kind, the SWOT entries by quadrant — each entry with its
// community's name, for one printed document and one workbook. Needs grouped as the same need
// (need-groups.ts) appear once, under the group's lead, with the dots of the whole group.
import {
  NEED_CATEGORIES, RESOURCE_KINDS, SWOT_QUADRANTS, type NeedCategory, type NeedStatus, type ResourceKind, type SwotQuadrant,
} from '../../protocol';
import { column, type ExportTable } from './export-table';
import { groupNeeds } from './need-groups';
import { countVotesByNeed } from './needs-board';

interface Row {
  id: string;
  deleted: boolean;
}

export interface RegionalSummaryInput {
  enrolments: readonly (Row & { communityId: string; programmeId: string })[];
  communities: readonly (Row & { name: string })[];
  needs: readonly (Row & {
    communityId: string; title: string; category: NeedCategory; status: NeedStatus; sameAs?: string | null | undefined;
  })[];
  votes: readonly { needId: string; deleted: boolean }[];
  resources: readonly (Row & { communityId: string; kind: ResourceKind; name: string; description: string })[];
  swot: readonly (Row & { communityId: string; quadrant: SwotQuadrant; text: string; createdAt: number })[];
}

export interface SummaryNeed {
  id: string;
  title: string;
  communityId: string;
  community: string;
  category: NeedCategory;
  status: NeedStatus;
  /** Dots on the need, or on its whole group. */
  votes: number;
  /** How many needs are grouped under it (1 when it stands alone). */
  grouped: number;
}

export interface SummaryResource {
  id: string;
  name: string;
  description: string;
  communityId: string;
  community: string;
}

export interface SummarySwotItem {
  id: string;
  text: string;
  communityId: string;
  community: string;
}

export interface RegionalSummary {
  /** The enrolled communities, by name. */
  communities: { id: string; name: string }[];
  /** Categories with needs, in the categories' fixed order; in each, most dots first. */
  needs: { category: NeedCategory; votes: number; items: SummaryNeed[] }[];
  /** Kinds with resources, in the kinds' fixed order; in each, by community then name. */
  resources: { kind: ResourceKind; items: SummaryResource[] }[];
  /** Every quadrant (an empty one too: a SWOT has four), in each by community, then oldest first. */
  swot: { quadrant: SwotQuadrant; items: SummarySwotItem[] }[];
}

const collator = new Intl.Collator('lv');

/** The summary of every community with a live enrolment in the programme (its community not deleted). */
export function regionalSummary(input: RegionalSummaryInput, programmeId: string): RegionalSummary {
  const live = new Map(input.communities.filter((community) => !community.deleted).map((community) => [community.id, community.name]));
  const enrolled = new Set(input.enrolments
    .filter((enrolment) => !enrolment.deleted && enrolment.programmeId === programmeId && live.has(enrolment.communityId))
    .map((enrolment) => enrolment.communityId));
  const name = (id: string) => live.get(id) ?? '';
  const byCommunity = (a: { community: string }, b: { community: string }) => collator.compare(a.community, b.community);

  // Deleted needs go to the grouping too, as on the needs board, so a group resolves the same way here.
  const needs = input.needs.filter((need) => enrolled.has(need.communityId));
  const votesByNeed = countVotesByNeed(input.votes);
  const groups = groupNeeds(needs, votesByNeed);
  const items: SummaryNeed[] = [];
  for (const need of needs) {
    if (need.deleted) continue;
    const group = groups.get(need.id);
    if (group && group.leadId !== need.id) continue;
    items.push({
      id: need.id, title: need.title, communityId: need.communityId, community: name(need.communityId), category: need.category, status: need.status,
      votes: group ? group.votes : votesByNeed.get(need.id) ?? 0, grouped: group ? group.needIds.length : 1,
    });
  }
  const needGroups = NEED_CATEGORIES.map((category) => {
    const inCategory = items.filter((item) => item.category === category)
      .sort((a, b) => b.votes - a.votes || byCommunity(a, b) || collator.compare(a.title, b.title));
    return { category, votes: inCategory.reduce((sum, item) => sum + item.votes, 0), items: inCategory };
  }).filter((group) => group.items.length > 0);

  const resources = input.resources.filter((resource) => !resource.deleted && enrolled.has(resource.communityId));
  const resourceGroups = RESOURCE_KINDS.map((kind) => ({
    kind,
    items: resources.filter((resource) => resource.kind === kind)
      .map((resource) => ({
        id: resource.id, name: resource.name, description: resource.description, communityId: resource.communityId, community: name(resource.communityId),
      }))
      .sort((a, b) => byCommunity(a, b) || collator.compare(a.name, b.name)),
  })).filter((group) => group.items.length > 0);

  const swot = input.swot.filter((item) => !item.deleted && enrolled.has(item.communityId))
    .sort((a, b) => collator.compare(name(a.communityId), name(b.communityId)) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const swotGroups = SWOT_QUADRANTS.map((quadrant) => ({
    quadrant,
    items: swot.filter((item) => item.quadrant === quadrant)
      .map((item) => ({ id: item.id, text: item.text, communityId: item.communityId, community: name(item.communityId) })),
  }));

  return {
    communities: [...enrolled].map((id) => ({ id, name: name(id) })).sort((a, b) => collator.compare(a.name, b.name)),
    needs: needGroups,
    resources: resourceGroups,
    swot: swotGroups,
  };
}

export interface RegionalSummaryLabels {
  sheetNeeds: string;
  sheetResources: string;
  sheetSwot: string;
  category: string;
  need: string;
  community: string;
  status: string;
  votes: string;
  kind: string;
  resource: string;
  description: string;
  quadrant: string;
  entry: string;
  value: (group: 'needCategory' | 'needStatus' | 'resourceKind' | 'swot', value: string) => string;
}

/** The workbook: Vajadzības, Resursi, SVID; dots as numbers. */
export function regionalSummaryTables(summary: RegionalSummary, labels: RegionalSummaryLabels): ExportTable[] {
  return [
    {
      sheet: labels.sheetNeeds,
      columns: [
        column(labels.category, 'text', 18), column(labels.need, 'text', 36), column(labels.community, 'text', 22),
        column(labels.status, 'text', 14), column(labels.votes, 'number', 8),
      ],
      rows: summary.needs.flatMap((group) => group.items.map((need) => [
        labels.value('needCategory', group.category), need.title, need.community, labels.value('needStatus', need.status), need.votes,
      ])),
    },
    {
      sheet: labels.sheetResources,
      columns: [
        column(labels.kind, 'text', 18), column(labels.resource, 'text', 28), column(labels.community, 'text', 22), column(labels.description, 'text', 40),
      ],
      rows: summary.resources.flatMap((group) => group.items.map((resource) => [
        labels.value('resourceKind', group.kind), resource.name, resource.community, resource.description,
      ])),
    },
    {
      sheet: labels.sheetSwot,
      columns: [column(labels.quadrant, 'text', 16), column(labels.entry, 'text', 48), column(labels.community, 'text', 22)],
      rows: summary.swot.flatMap((group) => group.items.map((item) => [labels.value('swot', group.quadrant), item.text, item.community])),
    },
  ];
}
