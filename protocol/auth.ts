// Wire messages for accounts (docs/protocol.md, Accounts): login, setup of the first
// coordinator, users of an organisation, health. The server parses every
// request body with these schemas and the app parses every reply.
import * as v from 'valibot';

/** A mentor works like a facilitator (assigned to communities) and keeps the visit log of those communities. */
export const ROLES = ['coordinator', 'facilitator', 'mentor'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_LIMITS = { min: 8, max: 256 } as const;
export const NAME_MAX = 200;

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** Emails are compared lowercased and trimmed, on both sides. */
export const emailSchema = v.pipe(
  v.string('invalid'),
  v.trim(),
  v.toLowerCase(),
  v.minLength(1, 'required'),
  v.maxLength(254, 'too_long'),
  v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'invalid_email'),
);

/** A new password: long enough to matter, short enough not to tie up scrypt. */
export const newPasswordSchema = v.pipe(
  v.string('invalid'),
  v.minLength(PASSWORD_LIMITS.min, 'too_short'),
  v.maxLength(PASSWORD_LIMITS.max, 'too_long'),
);

/** A password as typed at login: any length the server is willing to hash. */
const passwordSchema = v.pipe(v.string('invalid'), v.minLength(1, 'required'), v.maxLength(PASSWORD_LIMITS.max, 'too_long'));

const nameSchema = v.pipe(v.string('invalid'), v.trim(), v.minLength(1, 'required'), v.maxLength(NAME_MAX, 'too_long'));
const roleSchema = v.picklist(ROLES, 'invalid_choice');

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

// Requests

export const loginRequestSchema = v.strictObject({ email: emailSchema, password: passwordSchema });
export type LoginRequest = v.InferOutput<typeof loginRequestSchema>;

export const setupRequestSchema = v.strictObject({
  token: v.pipe(v.string('invalid'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'invalid_token')),
  organisation: nameSchema,
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SetupRequest = v.InferOutput<typeof setupRequestSchema>;

export const createUserRequestSchema = v.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserRequest = v.InferOutput<typeof createUserRequestSchema>;

export const setPasswordRequestSchema = v.strictObject({ password: newPasswordSchema });
export type SetPasswordRequest = v.InferOutput<typeof setPasswordRequestSchema>;

// Replies

export const sessionUserSchema = v.object({
  id: v.string(),
  name: v.string(),
  email: v.string(),
  role: roleSchema,
});
export type SessionUser = v.InferOutput<typeof sessionUserSchema>;

export const organisationSchema = v.object({ id: v.string(), name: v.string() });
export type Organisation = v.InferOutput<typeof organisationSchema>;

/** What login and setup return: the bearer token and who it belongs to. */
export const sessionResponseSchema = v.object({
  token: v.string(),
  user: sessionUserSchema,
  organisation: organisationSchema,
});
export type SessionResponse = v.InferOutput<typeof sessionResponseSchema>;

export const meResponseSchema = v.object({ user: sessionUserSchema, organisation: organisationSchema });
export type MeResponse = v.InferOutput<typeof meResponseSchema>;

export const okResponseSchema = v.object({ ok: v.literal(true) });

export const setupStatusResponseSchema = v.object({ needed: v.boolean() });
export type SetupStatusResponse = v.InferOutput<typeof setupStatusResponseSchema>;

/** A user as a coordinator manages them. */
export const managedUserSchema = v.object({
  id: v.string(),
  name: v.string(),
  email: v.string(),
  role: roleSchema,
  active: v.boolean(),
  createdAt: v.number(),
});
export type ManagedUser = v.InferOutput<typeof managedUserSchema>;

export const userListResponseSchema = v.object({ users: v.array(managedUserSchema) });
export type UserListResponse = v.InferOutput<typeof userListResponseSchema>;

export const userResponseSchema = v.object({ user: managedUserSchema });
export type UserResponse = v.InferOutput<typeof userResponseSchema>;

export const healthResponseSchema = v.object({
  ok: v.literal(true),
  protocol: v.number(),
  db: v.picklist(DATABASE_KINDS),
});
export type HealthResponse = v.InferOutput<typeof healthResponseSchema>;

export const MAX_BLOB_BYTES = 15 * 1024 * 1024;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export const blobPutResponseSchema = v.object({ sha256: v.string(), size: v.number() });
export type BlobPutResponse = v.InferOutput<typeof blobPutResponseSchema>;
