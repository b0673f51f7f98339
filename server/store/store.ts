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
  /** What the record is looked up by besides its id (server/sync/record-state.ts refOf). */
  refId: string | null;
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

/** Where an organisation's change log stands, in this database instance. */
export interface SyncHead {
  instanceId: string;
  seq: number;
}

/** One pulled record: `fields` and `clocks` are JSON text, passed through unparsed. */
export interface ChangeRow {
  id: string;
  table: string;
  communityId: string | null;
  fields: string;
  clocks: string;
  seq: number;
}

/** A record's id and its fields as JSON text: what a report reads of it. */
export interface RecordFieldsRow {
  id: string;
  fields: string;
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

/** Whether this server start made the deployment's setup token (see setup-link.ts). */
export type StartupSetupClaim = 'created' | 'has_users' | 'link_out';

/** A photo record's reference to its image, as blob collection reads it. */
export interface PhotoReference {
  orgId: string;
  sha256: string;
  deleted: boolean;
  /** Server time of the record's last change (for a deleted record: when it was deleted, or later). */
  updatedAt: number;
}

/** Connections of the database pool, for the metrics; SQLite has one. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * A record id another organisation's push took between this push reading it
 * (absent) and writing it: pushes of different organisations run side by side.
 * The transaction rolls back; run again, the push sees the record and refuses
 * the mutation (group-commit.ts retries it once).
 */
export class RecordTakenError extends Error {
  readonly code = 'record_taken';
  constructor() {
    super('A record this push writes was created by another organisation meanwhile');
  }
}

/** The statements of one push, all inside one database transaction. */
/** A device as a conflict names it: who pushed from it last, and its label. */
export interface DeviceRow {
  orgId: string;
  deviceId: string;
  userId: string;
  label: string;
  lastPushAt: number;
}

export interface PushTransaction {
  /** Locks the organisation's change log for this transaction (its writers queue here) and reads it. */
  lockHead(orgId: string): Promise<SyncHead>;
  /** Of these mutation ids, the ones applied already, with their organisation. */
  findAppliedMutations(ids: readonly string[]): Promise<Map<string, string>>;
  /** The stored records with these ids, whichever organisation they belong to. */
  findRecords(ids: readonly string[]): Promise<StoredRecord[]>;
  /** Throws RecordTakenError when another organisation holds one of the ids by now. */
  saveRecords(records: readonly StoredRecord[]): Promise<void>;
  saveAppliedMutations(rows: readonly AppliedMutationRow[]): Promise<void>;
  advanceHead(orgId: string, seq: number): Promise<void>;
  /** An organisation's records of one table whose ref is one of `refs` (a person's ties, an image's photos). */
  findRecordsByRef(orgId: string, table: string, refs: readonly string[]): Promise<StoredRecord[]>;
  /** An organisation's records of one table in one community (null: of none), e.g. the conflicts an erasure scrubs. */
  findRecordsInCommunity(orgId: string, table: string, communityId: string | null): Promise<StoredRecord[]>;
  /** The devices of an organisation with these ids (a clock's device id), by id. */
  findDevices(orgId: string, deviceIds: readonly string[]): Promise<Map<string, DeviceRow>>;
  /** Remembers who pushed from a device and its label. */
  saveDevice(device: DeviceRow): Promise<void>;
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
  /**
   * Under a database lock: stores the token when there are no users and no
   * unused setup token made at or after `validFrom`, so of servers starting
   * together exactly one makes (and prints) the link.
   */
  claimStartupSetupToken(tokenHash: string, now: number, validFrom: number): Promise<StartupSetupClaim>;
  /** Uses a setup token (made after `notBefore`, unused) to create the first organisation and coordinator. */
  completeSetup(input: { tokenHash: string; notBefore: number; now: number; organisation: OrganisationRow; user: UserRow }): Promise<SetupOutcome>;

  // Sync
  /** Runs `work` in one transaction and commits; the commit is durable once flushCommits() resolves. */
  runPush<T>(work: (tx: PushTransaction) => Promise<T>): Promise<T>;
  /** Resolves when every commit made so far survives a power cut. */
  flushCommits(): Promise<void>;
  /** The organisation's head; with no organisation, the highest of all (a liveness probe reads it). */
  readHead(orgId?: string): Promise<SyncHead>;
  /** Up to `limit` records of the organisation with seq above `afterSeq`, in seq order. */
  readChanges(orgId: string, afterSeq: number, limit: number): Promise<ChangeRow[]>;
  /** An organisation's records with these ids (outside a push: what a pull or a photo check needs to judge who may see them). */
  findRecords(orgId: string, ids: readonly string[]): Promise<StoredRecord[]>;
  /** An organisation's records of one table whose ref is one of `refs`. */
  findRecordsByRef(orgId: string, table: string, refs: readonly string[]): Promise<StoredRecord[]>;
  /**
   * An organisation's records of each of these tables (deleted ones included), read in one transaction
   * (one snapshot on PostgreSQL) with one query per table: each record's id and fields. For reports.
   */
  readTables(orgId: string, tables: readonly string[]): Promise<Map<string, RecordFieldsRow[]>>;
  /** Gives the database a new instance id, so every device's cursor resets (after restoring a backup). */
  renewInstanceId(instanceId: string): Promise<void>;
  /** Deletes applied mutation ids recorded before `before`; returns how many. */
  pruneAppliedMutations(before: number): Promise<number>;

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
  /** Every organisation's photos, oldest upload first. */
  listBlobOwners(): Promise<BlobOwnerRow[]>;
  /** The hashes the organisation's photo records name, deleted records included. */
  listPhotoReferences(orgId: string): Promise<PhotoReference[]>;
  deleteBlobOwner(orgId: string, sha256: string): Promise<void>;

  /** The connection pool's use now. */
  poolUse(): PoolUse;
}
