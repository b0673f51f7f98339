// Wire messages of protocol 1 (docs/protocol.md). Every request body the server
// reads and every reply the app reads is parsed with one of these schemas.
import * as v from 'valibot';
import { isHlc } from './hlc';
import { UUID_PATTERN } from './ids';

/**
 * 2: people belong to the organisation (ties), events may span communities or none, assignments
 * scope what a device pulls. A pull must say `protocol=2`; a push of protocol 1 is still applied
 * (its changes are a subset of protocol 2's), so a device offline through the upgrade loses nothing.
 */
export const PROTOCOL_VERSION = 2;
/** Pushes the server still applies. */
export const PUSH_PROTOCOLS = [1, 2] as const;
export const MAX_PUSH_MUTATIONS = 1000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
export const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 1000;

const uuid = v.pipe(v.string(), v.regex(UUID_PATTERN, 'invalid_id'));
const clock = v.pipe(v.string(), v.check(isHlc, 'invalid_clock'));
const deviceId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid_device'));

/** Field values are checked against the table's schema by whoever applies them. */
const fieldMap = v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown());

/** One outbox entry, as stored on the device and as sent in a push. */
export const mutationSchema = v.strictObject({
  id: uuid,
  table: v.pipe(v.string(), v.maxLength(64)),
  recordId: uuid,
  op: v.literal('put'),
  fields: fieldMap,
  base: v.record(v.pipe(v.string(), v.maxLength(64)), v.nullable(clock)),
  hlc: clock,
});
export type Mutation = v.InferOutput<typeof mutationSchema>;

/**
 * How the reply names what was applied: "ids" (protocol 1's default) lists
 * every acknowledged id; "short" says `acked: "rest"`, meaning every mutation
 * of the request not in `rejected` (a 1000-mutation push need not come back
 * as 37 KB of ids).
 */
export const ACK_STYLES = ['ids', 'short'] as const;
export type AckStyle = (typeof ACK_STYLES)[number];

export const pushRequestSchema = v.strictObject({
  protocol: v.picklist(PUSH_PROTOCOLS),
  deviceId,
  mutations: v.pipe(v.array(v.unknown()), v.maxLength(MAX_PUSH_MUTATIONS, 'too_many_mutations')),
  acks: v.optional(v.picklist(ACK_STYLES)),
  /** The device's name as its people set it ("Planšete 2"), so a conflict can say where a value was typed. */
  deviceLabel: v.optional(v.pipe(v.string(), v.maxLength(60))),
});
export type PushRequest = Omit<v.InferOutput<typeof pushRequestSchema>, 'mutations'> & { mutations: Mutation[] };

/** Strict: a rejection carries these three and nothing else (no internals of the server's checks). */
export const rejectionSchema = v.strictObject({
  id: v.string(),
  code: v.string(),
  message: v.string(),
});
export type Rejection = v.InferOutput<typeof rejectionSchema>;

/**
 * `pulledThrough`: sent when the push was made with `?since=<the device's pull
 * cursor>`, that cursor was the server's head, and every mutation was applied
 * exactly as sent (nothing refused, replayed, clamped, lost or filed as a
 * conflict). Everything up to it is then what the device already holds, so
 * it may move its pull cursor there instead of pulling its own records back.
 */
const pulledThrough = v.optional(v.string());

export const pushResponseSchema = v.object({
  acked: v.array(v.string()),
  rejected: v.array(rejectionSchema),
  cursor: v.string(),
  pulledThrough,
});
export type PushResponse = v.InferOutput<typeof pushResponseSchema>;

/** The reply to a push with `acks: "short"`. */
export const shortPushResponseSchema = v.object({
  acked: v.literal('rest'),
  rejected: v.array(rejectionSchema),
  cursor: v.string(),
  pulledThrough,
});

/** The acknowledged ids a short reply stands for: every mutation sent that was not rejected. */
export function ackedOf(sent: readonly { id: string }[], rejected: readonly Rejection[]): string[] {
  const refused = new Set(rejected.map((rejection) => rejection.id));
  return sent.filter((mutation) => !refused.has(mutation.id)).map((mutation) => mutation.id);
}

export const changeSchema = v.object({
  table: v.string(),
  recordId: uuid,
  fields: fieldMap,
  clocks: v.record(v.string(), clock),
  seq: v.number(),
});
export type Change = v.InferOutput<typeof changeSchema>;

export const pullResponseSchema = v.object({
  changes: v.array(changeSchema),
  cursor: v.string(),
  hasMore: v.boolean(),
  /** What the caller reaches; when it changes (an assignment given or taken away) the device pulls everything again. */
  scope: v.optional(v.string()),
});
export type PullResponse = v.InferOutput<typeof pullResponseSchema>;

export const errorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});
export type ErrorBody = v.InferOutput<typeof errorBodySchema>;
