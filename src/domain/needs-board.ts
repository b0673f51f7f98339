// Pure helpers of the needs board, the dot-voting and the asset map: which
// needs are shown or voted on, and how needs and resources point at each other.
import { RESOURCE_KINDS, type NeedCategory, type NeedStatus, type ResourceKind } from '../../protocol';

interface NeedLike {
  id: string;
  category: NeedCategory;
  status: NeedStatus;
}

interface ResourceLike {
  kind: ResourceKind;
  needIds: readonly string[];
}

/** A solved or dropped need is settled: people no longer spend dots on it. */
export function isOpenForVoting(need: { status: NeedStatus }): boolean {
  return need.status !== 'solved' && need.status !== 'dropped';
}

export interface NeedFilter {
  /** '' shows every category. */
  category: NeedCategory | '';
  /** '' shows every status. */
  status: NeedStatus | '';
}

export function filterNeeds<N extends NeedLike>(needs: readonly N[], filter: NeedFilter): N[] {
  return needs.filter((need) =>
    (filter.category === '' || need.category === filter.category)
    && (filter.status === '' || need.status === filter.status));
}

/** Need id → the resources whose `needIds` include it, in the resources' given order. */
export function resourcesByNeed<R extends ResourceLike>(resources: readonly R[]): Map<string, R[]> {
  const byNeed = new Map<string, R[]>();
  for (const resource of resources) {
    // A resource may list a need twice after a merge of two devices' edits; show it once.
    for (const needId of new Set(resource.needIds)) {
      const list = byNeed.get(needId);
      if (list) list.push(resource);
      else byNeed.set(needId, [resource]);
    }
  }
  return byNeed;
}

/** Need id → live dots on it. */
export function countVotesByNeed(votes: readonly { needId: string; deleted: boolean }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const vote of votes) {
    if (!vote.deleted) counts.set(vote.needId, (counts.get(vote.needId) ?? 0) + 1);
  }
  return counts;
}

export interface KindGroup<R> {
  kind: ResourceKind;
  resources: R[];
}

/** Every kind of the asset map in its fixed order, empty ones included: an empty kind is a prompt to look for one. */
export function groupByKind<R extends ResourceLike>(resources: readonly R[]): KindGroup<R>[] {
  return RESOURCE_KINDS.map((kind) => ({ kind, resources: resources.filter((resource) => resource.kind === kind) }));
}

/** Toggles one id in a list, keeping the others (also ids the form does not show) in place. */
export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
  const without = ids.filter((other) => other !== id);
  return on ? [...without, id] : without;
}

/** How the needs board orders its cards: most dots first (then newest), newest first, or oldest first. */
export const NEED_ORDERS = ['votes', 'newest', 'oldest'] as const;
export type NeedOrder = (typeof NEED_ORDERS)[number];

export function isNeedOrder(value: unknown): value is NeedOrder {
  return typeof value === 'string' && (NEED_ORDERS as readonly string[]).includes(value);
}

/** The needs in the chosen order; ties fall to the date raised (newest first), then the id, so the order never flickers. */
export function sortNeeds<N extends { id: string; createdAt: number }>(needs: readonly N[], votes: ReadonlyMap<string, number>, order: NeedOrder): N[] {
  const newest = (a: N, b: N) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);
  const compare = order === 'votes' ? (a: N, b: N) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || newest(a, b)
    : order === 'newest' ? newest
      : (a: N, b: N) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  return [...needs].sort(compare);
}

/** Names to offer for "who is responsible": the people and the organisation's users, each once, by name. */
export function ownerChoices(people: readonly { name: string }[], users: readonly { name: string }[]): { name: string; kind: 'person' | 'user' }[] {
  const choices = new Map<string, { name: string; kind: 'person' | 'user' }>();
  for (const user of users) if (user.name.trim()) choices.set(user.name.trim(), { name: user.name.trim(), kind: 'user' });
  for (const person of people) if (person.name.trim() && !choices.has(person.name.trim())) choices.set(person.name.trim(), { name: person.name.trim(), kind: 'person' });
  return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name, 'lv'));
}
