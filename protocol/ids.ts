// Record ids: UUIDv7 made on the device (time-ordered, no coordination), and
// derived ids for rows that two devices must agree on without talking
// (one attendance row per participant per workshop).

const HEX = '0123456789abcdef';

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte >> 4]! + HEX[byte & 15]!;
  return out;
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export type RandomBytes = (length: number) => Uint8Array;

/** UUIDv7 (RFC 9562): 48-bit unix ms, version, 74 random bits. */
export function uuidv7(now: number, randomBytes: RandomBytes): string {
  const bytes = randomBytes(16);
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(toHex(bytes));
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// cyrb128-style mixing: four 32-bit lanes, deterministic and synchronous so it
// can run inside a database transaction.
function hash128(text: string): Uint8Array {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setUint32(0, h1 >>> 0);
  view.setUint32(4, h2 >>> 0);
  view.setUint32(8, h3 >>> 0);
  view.setUint32(12, h4 >>> 0);
  return out;
}

/**
 * A UUID (version 8, RFC 9562 custom) derived from its parts: every device
 * that checks the same participant into the same workshop makes the same id,
 * so two tablets' check-ins merge into one row instead of duplicating.
 */
export function derivedId(kind: string, ...parts: string[]): string {
  const bytes = hash128(`${kind}\u0000${parts.join('\u0000')}`);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(toHex(bytes));
}

export function attendanceId(workshopId: string, participantId: string): string {
  return derivedId('attendance', workshopId, participantId);
}

/** A person's tie to a community: one row whichever tablet makes it. */
export function tieId(participantId: string, communityId: string): string {
  return derivedId('tie', participantId, communityId);
}

/** A user's assignment to a community or to an event of the organisation: one row whichever coordinator makes it. */
export function assignmentId(userId: string, target: { communityId: string } | { workshopId: string }): string {
  return 'communityId' in target ? derivedId('assignment', userId, 'community', target.communityId) : derivedId('assignment', userId, 'event', target.workshopId);
}

/** The organisation's one settings record. */
export function settingsId(organisationId: string): string {
  return derivedId('settings', organisationId);
}

/** A programme's name as compared: trimmed, runs of spaces as one, lowercased the Latvian way. */
export function programmeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('lv');
}

/**
 * The programme a name stands for in an organisation (the server's upgrade from the free-text
 * `programme` of events, migration 0008): the same id for every spelling that differs only in case
 * and spaces, on every server and every rerun.
 */
export function programmeIdFor(organisationId: string, name: string): string {
  return derivedId('programme', organisationId, programmeKey(name));
}

/** A community's enrolment in a programme, as the server's upgrade makes it (migration 0008). */
export function enrolmentIdFor(communityId: string, programmeId: string): string {
  return derivedId('enrolment', communityId, programmeId);
}
