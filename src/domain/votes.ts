// Dot-voting: tallies and each person's dots left.

export interface VoteLike {
  needId: string;
  participantId: string | null;
  deleted: boolean;
}

export interface TallyRow<N> {
  need: N;
  votes: number;
}

/** Needs with their dots, most first; ties keep the needs' given order. */
export function tallyVotes<N extends { id: string }>(needs: readonly N[], votes: readonly VoteLike[]): TallyRow<N>[] {
  const counts = new Map<string, number>();
  for (const vote of votes) {
    if (!vote.deleted) counts.set(vote.needId, (counts.get(vote.needId) ?? 0) + 1);
  }
  return needs
    .map((need, order) => ({ need, votes: counts.get(need.id) ?? 0, order }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order)
    .map(({ need, votes: count }) => ({ need, votes: count }));
}

/** Dots a participant (or, with null, the anonymous pool) has left of `dotsPerPerson`. */
export function dotsLeft(votes: readonly VoteLike[], participantId: string | null, dotsPerPerson: number): number {
  if (participantId === null) return Infinity;
  const used = votes.filter((vote) => !vote.deleted && vote.participantId === participantId).length;
  return Math.max(0, dotsPerPerson - used);
}

/** The newest live vote by this voter on this need, the one "take back" removes. */
export function voteToTakeBack<V extends VoteLike & { id: string; castAt: number }>(
  votes: readonly V[], needId: string, participantId: string | null,
): V | undefined {
  return votes
    .filter((vote) => !vote.deleted && vote.needId === needId && vote.participantId === participantId)
    .sort((a, b) => b.castAt - a.castAt || (a.id < b.id ? 1 : -1))[0];
}
