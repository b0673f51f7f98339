// An event (a `workshops` record) is held by one community, several, or none
// (the organisation's own: a regional forum, a leaders' retreat).

export interface EventCommunities {
  communityId: string | null;
  communityIds?: readonly string[] | undefined;
}

/** The communities an event is held by, the first one first, each once; empty for the organisation's own. */
export function communitiesOf(event: EventCommunities): string[] {
  const all = [...(event.communityId === null ? [] : [event.communityId]), ...(event.communityIds ?? [])];
  return [...new Set(all)];
}

/** Whether a community took part in the event. */
export function isHeldBy(event: EventCommunities, communityId: string): boolean {
  return event.communityId === communityId || (event.communityIds ?? []).includes(communityId);
}
