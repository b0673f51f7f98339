// Closed sets of values, as `as const` tuples: the schema, the type and the
// UI's option lists all come from these.

export const MATURITIES = ['emerging', 'active'] as const;
export type Maturity = (typeof MATURITIES)[number];

/**
 * What an event is. The last four are where "more residents taking part" is measured: a network or
 * leaders' meeting, a public consultation on a local development document, a working group.
 */
export const WORKSHOP_KINDS = [
  'workshop', 'forum', 'training', 'focus_group', 'study_trip', 'community_meeting',
  'network_meeting', 'leaders_meeting', 'public_consultation', 'working_group',
] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];

/** `cancelled`: it did not take place; a past event with check-ins that is not cancelled counts as held. */
export const WORKSHOP_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const PARTICIPANT_ROLES = ['resident', 'community_leader', 'municipality', 'ngo', 'entrepreneur', 'youth', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const NEED_CATEGORIES = [
  'infrastructure', 'safety', 'social_care', 'environment', 'culture', 'youth',
  'seniors', 'mobility', 'information', 'economy', 'other',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_STATUSES = ['raised', 'prioritised', 'in_progress', 'solved', 'dropped'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const RESOURCE_KINDS = ['skill', 'group', 'institution', 'place', 'equipment', 'natural', 'funding'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const SWOT_QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];

/** What a stored photo may be: the device resizes every picture into one of these. */
export const PHOTO_MIMES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];

/** What a photo may belong to: an action (its result), a spending line (its receipt), a mentor's visit too. */
export const PHOTO_PARENTS = ['workshops', 'needs', 'resources', 'swot', 'actions', 'spending', 'visits'] as const;
export type PhotoParent = (typeof PHOTO_PARENTS)[number];

/** What a support measure offers (docs/protocol.md, Records: measures). */
export const MEASURE_KINDS = ['grant', 'loan', 'training', 'advice', 'in_kind'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** A self-assessment statement's score: 1 (not at all) … 5 (fully). */
export const ASSESSMENT_SCORES = [1, 2, 3, 4, 5] as const;

/** The programme report's indicators a programme may set a target for (protocol/programme-report.ts). */
export const TARGET_INDICATORS = [
  'events', 'communities', 'municipalities', 'participations', 'uniquePeople', 'firstTimePeople', 'returningPeople', 'households',
  'needsRaised', 'needsPrioritised', 'needsInProgress', 'needsSolved', 'needsDropped', 'actionsPlanned', 'actionsDone',
  'grantsAwardedCents', 'budgetPlannedCents', 'spentCents',
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];
