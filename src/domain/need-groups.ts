// The same need raised at several workshops or on several tablets, grouped:
// a need's `sameAs` names the need it is grouped under. Each card keeps its
// own text and workshop; the group shows the dots of all its needs together.
// Chains and opposite groupings resolve as merged people do
// (protocol/people-merge.ts), so every device shows the same groups.
import { resolveSurvivors, survivorOf } from '../../protocol';

export interface NeedGroup {
  /** The need the group is under. */
  leadId: string;
  /** Every need of the group, the lead among them. */
  needIds: string[];
  /** Dots on all of them together. */
  votes: number;
}

/** Need id → its group, for needs in a group of two or more; others have none. */
export function groupNeeds(
  needs: readonly { id: string; sameAs?: string | null | undefined; deleted?: boolean }[],
  votesByNeed: ReadonlyMap<string, number>,
): Map<string, NeedGroup> {
  const leads = resolveSurvivors(needs.map((need) => ({ id: need.id, mergedInto: need.sameAs ?? null, deleted: need.deleted })));
  const groups = new Map<string, NeedGroup>();
  for (const need of needs) {
    if (need.deleted) continue;
    const leadId = survivorOf(leads, need.id);
    const group = groups.get(leadId) ?? { leadId, needIds: [], votes: 0 };
    group.needIds.push(need.id);
    group.votes += votesByNeed.get(need.id) ?? 0;
    groups.set(leadId, group);
  }
  const byNeed = new Map<string, NeedGroup>();
  for (const group of groups.values()) {
    if (group.needIds.length < 2) continue;
    for (const id of group.needIds) byNeed.set(id, group);
  }
  return byNeed;
}
