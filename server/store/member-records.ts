// The organisation's members as a record kind every device pulls (`members`,
// protocol/records.ts), so a device names the people behind a conflict, a
// deletion or an assignment offline. The server alone writes them: whenever a
// user is created, renamed, activated or deactivated, in the same transaction,
// at the next seq of the organisation's log. Their clocks come from the write
// time and only ever move forward, so the latest write wins on every device.
import { compareHlc, formatHlc, parseHlc, type Hlc } from '../../protocol/hlc';
import type { Role } from '../../protocol/auth';

/** The clocks' device id: no device has it, so these clocks never tie with a device's. */
const MEMBERS_CLOCK_DEVICE = 'server-members';

export interface MemberSource {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: number;
}

/** A clock at `now`, later than `previous` (the record's last one) whatever the server's calendar did. */
export function nextMemberClock(now: number, previous: Hlc | undefined): Hlc {
  const at = formatHlc({ wall: now, counter: 0, deviceId: MEMBERS_CLOCK_DEVICE });
  const last = previous === undefined ? null : parseHlc(previous);
  if (previous === undefined || last === null || compareHlc(at, previous) > 0) return at;
  return formatHlc({ wall: last.wall, counter: last.counter + 1, deviceId: MEMBERS_CLOCK_DEVICE });
}

/** The member record's fields and clocks for a user, written over `previous` clocks (if any). */
export function memberRecord(user: MemberSource, now: number, previousClocks: Record<string, string> | undefined): { fields: Record<string, unknown>; clocks: Record<string, string> } {
  const fields = { createdAt: user.createdAt, updatedAt: now, createdBy: 'server', deleted: false, name: user.name, role: user.role, active: user.active };
  const latest = Object.values(previousClocks ?? {}).sort(compareHlc).at(-1);
  const clock = nextMemberClock(now, latest);
  return { fields, clocks: Object.fromEntries(Object.keys(fields).map((field) => [field, clock])) };
}
