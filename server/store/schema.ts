// The tables as Kysely sees them. Times are unix milliseconds (bigint), JSON
// is text, flags are integers 0/1: the same on SQLite and PostgreSQL.

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: number;
}

export interface UserTable {
  id: string;
  org_id: string;
  /** Lowercased; unique over the whole server. */
  email: string;
  name: string;
  role: string;
  password_hash: string;
  active: number;
  created_at: number;
}

export interface TokenTable {
  /** SHA-256 hex of the bearer token; the token itself is never stored. */
  hash: string;
  user_id: string;
  created_at: number;
  last_used_at: number;
  revoked_at: number | null;
}

export interface SetupTokenTable {
  hash: string;
  created_at: number;
  used_at: number | null;
}

export interface RecordTable {
  id: string;
  org_id: string;
  tbl: string;
  community_id: string | null;
  /**
   * The one other record or value it is looked up by (records/refs.ts): a tie's or an attendance's
   * person, a photo's image hash, an assignment's user. Null for the rest.
   */
  ref_id: string | null;
  /** JSON object: the record's current field values. */
  fields: string;
  /** JSON object: the clock of each field. */
  clocks: string;
  seq: number;
  updated_at: number;
}

export interface AppliedMutationTable {
  id: string;
  org_id: string;
  device_id: string;
  user_id: string;
  applied_at: number;
}

/**
 * One row (id 1): the database's instance id, and the row setups lock. `seq` is
 * the single change log's head from before heads were kept per organisation
 * (0003_org_heads); nothing reads it since.
 */
export interface SyncStateTable {
  id: number;
  seq: number;
  instance_id: string;
}

/** Each organisation's change log head: the highest seq handed out to its records. */
/** Who last pushed from a device, and its label: how a conflict names the person behind a clock. */
export interface DeviceTable {
  org_id: string;
  device_id: string;
  user_id: string;
  label: string;
  last_push_at: number;
}

export interface OrgHeadTable {
  org_id: string;
  seq: number;
}

export interface BlobOwnerTable {
  org_id: string;
  sha256: string;
  size: number;
  mime: string;
  /** When the organisation last uploaded it: unreferenced photos are collected a grace period after this. */
  created_at: number;
}

/** Failed sign-ins of one account from one client address (see server/auth/rate-limit.ts). */
export interface LoginAttemptTable {
  account: string;
  address: string;
  failures: number;
  last_failed_at: number;
}

/** Sign-in tries from one client address in its current window, successful ones forgiven. */
export interface LoginAddressWindowTable {
  address: string;
  window_start: number;
  tries: number;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  tokens: TokenTable;
  setup_tokens: SetupTokenTable;
  records: RecordTable;
  applied_mutations: AppliedMutationTable;
  sync_state: SyncStateTable;
  org_heads: OrgHeadTable;
  devices: DeviceTable;
  blob_owners: BlobOwnerTable;
  login_attempts: LoginAttemptTable;
  login_address_windows: LoginAddressWindowTable;
}
