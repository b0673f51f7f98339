// What the routes and the sync algorithms need from persistence: small async
// functions, no SQL outside server/store/.
import type { DatabaseKind, Role } from '../../protocol/auth';

export interface OrganisationRow {
  id: string;
  name: string;
  createdAt: number;
}

export interface UserRow {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: number;
}

export interface TokenRow {
  hash: string;
  userId: string;
  createdAt: number;
  lastUsedAt: number;
  revokedAt: number | null;
}

/** A bearer token with its user and organisation, as the auth middleware needs them. */
export interface SessionRow {
  token: TokenRow;
  user: UserRow;
  organisation: OrganisationRow;
}

/** A record's whole current state, as stored. `fields` and `clocks` are JSON text. */
export interface StoredRecord {
  id: string;
  orgId: string;
  table: string;
  communityId: string | null;
  fields: string;
  clocks: string;
  seq: number;
  updatedAt: number;
}

export interface AppliedMutationRow {
  id: string;
  orgId: string;
  deviceId: string;
  userId: string;
  appliedAt: number;
}

/** Where the database's change log stands. */
export interface SyncHead {
  instanceId: string;
  seq: number;
}

/** One pulled record: `fields` and `clocks` are JSON text, passed through unparsed. */
export interface ChangeRow {
  id: string;
  table: string;
  fields: string;
  clocks: string;
  seq: number;
}

export interface BlobOwnerRow {
  orgId: string;
  sha256: string;
  size: number;
  mime: string;
  createdAt: number;
}

/** Failed sign-ins of one account (an email, or the setup link) from one client address. */
export interface LoginAttemptRow {
  account: string;
  address: string;
  /** Failures since the account last signed in from the address. */
  failures: number;
  lastFailedAt: number;
}

export type SetupOutcome = 'created' | 'invalid_token' | 'already_set_up' | 'email_taken' | 'organisation_taken';

/** The statements of one push, all inside one database transaction. */
export interface PushTransaction {
  /** Locks the change log for this transaction (writers queue here) and reads it. */
  lockHead(): Promise<SyncHead>;
  /** Of these mutation ids, the ones applied already, with their organisation. */
  findAppliedMutations(ids: readonly string[]): Promise<Map<string, string>>;
  /** The stored records with these ids, whichever organisation they belong to. */
  findRecords(ids: readonly string[]): Promise<StoredRecord[]>;
  saveRecords(records: readonly StoredRecord[]): Promise<void>;
  saveAppliedMutations(rows: readonly AppliedMutationRow[]): Promise<void>;
  advanceHead(seq: number): Promise<void>;
}

export interface Store {
  readonly kind: DatabaseKind;
  close(): Promise<void>;

  // Organisations and users
  countUsers(): Promise<number>;
  findOrganisation(id: string): Promise<OrganisationRow | undefined>;
  findOrganisationByName(name: string): Promise<OrganisationRow | undefined>;
  createOrganisation(organisation: OrganisationRow): Promise<void>;
  listOrganisations(): Promise<OrganisationRow[]>;
  findUserByEmail(email: string): Promise<UserRow | undefined>;
  findUser(orgId: string, userId: string): Promise<UserRow | undefined>;
  listUsers(orgId: string): Promise<UserRow[]>;
  /** Returns false when the email is taken. */
  createUser(user: UserRow): Promise<boolean>;
  setPasswordHash(orgId: string, userId: string, passwordHash: string): Promise<boolean>;
  /** Deactivating also revokes every token of the user, in the same transaction. */
  setUserActive(orgId: string, userId: string, active: boolean, now: number): Promise<boolean>;

  // Bearer tokens
  createToken(token: TokenRow): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRow | undefined>;
  touchToken(tokenHash: string, now: number): Promise<void>;
  revokeToken(tokenHash: string, now: number): Promise<void>;
  revokeUserTokens(orgId: string, userId: string, now: number): Promise<void>;

  // First start
  createSetupToken(tokenHash: string, now: number): Promise<void>;
  /** Uses a setup token (made after `notBefore`, unused) to create the first organisation and coordinator. */
  completeSetup(input: { tokenHash: string; notBefore: number; now: number; organisation: OrganisationRow; user: UserRow }): Promise<SetupOutcome>;

  // Sync
  /** Runs `work` in one transaction and commits; the commit is durable once flushCommits() resolves. */
  runPush<T>(work: (tx: PushTransaction) => Promise<T>): Promise<T>;
  /** Resolves when every commit made so far survives a power cut. */
  flushCommits(): Promise<void>;
  readHead(): Promise<SyncHead>;
  /** Up to `limit` records of the organisation with seq above `afterSeq`, in seq order. */
  readChanges(orgId: string, afterSeq: number, limit: number): Promise<ChangeRow[]>;
  /** Gives the database a new instance id, so every device's cursor resets (after restoring a backup). */
  renewInstanceId(instanceId: string): Promise<void>;

  // Failed sign-ins (server/auth/rate-limit.ts)
  findLoginAttempt(account: string, address: string): Promise<LoginAttemptRow | undefined>;
  /** Puts `next` where `seen` was, only if the row is still exactly `seen`; false when another request changed it first. */
  replaceLoginAttempt(seen: LoginAttemptRow, next: LoginAttemptRow): Promise<boolean>;
  /** One more failure of the pair at `now`, counting from 0 when its last one was before `forgetBefore`. */
  addLoginFailure(account: string, address: string, now: number, forgetBefore: number): Promise<void>;
  clearLoginAttempts(account: string, address: string): Promise<void>;
  /**
   * Counts a try from `address` in its window of `windowMs` (a new window when
   * the last one has ended) and returns the tries in the window with its start.
   */
  addAddressTry(address: string, now: number, windowMs: number): Promise<{ tries: number; windowStart: number }>;
  /** Takes back one try of the window that started at `windowStart`, if it is still the address's window. */
  forgiveAddressTry(address: string, windowStart: number): Promise<void>;
  /** Deletes the pairs that last failed, and the address windows that started, before `before`. */
  pruneLoginAttempts(before: number): Promise<void>;

  // Blobs
  addBlobOwner(owner: BlobOwnerRow): Promise<void>;
  findBlobOwner(orgId: string, sha256: string): Promise<BlobOwnerRow | undefined>;
}
