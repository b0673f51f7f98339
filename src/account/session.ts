// Who is signed in on this device. Kept in idb-keyval so the session survives
// restarts offline (field devices stay offline for weeks).
import { signal } from '@preact/signals';
import { del, get, set } from 'idb-keyval';
import type { Role, SessionResponse } from '../../protocol';

export type Session = SessionResponse;

const SESSION_KEY = 'talka:session';

export const session = signal<Session | null>(null);

// The roles as a record, so a role added to the protocol fails to compile here (a value import
// from protocol/auth.ts would bring the reply schemas, and valibot, into the first load).
const ROLE_NAMES: Record<Role, true> = { coordinator: true, facilitator: true, mentor: true };

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLE_NAMES, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The saved session read back, field by field as sessionResponseSchema has
 * them (the object is built anew, so a field added to the type must be read
 * here too); null when anything is missing. Checked without valibot, which
 * the first screen does not load.
 */
export function readStoredSession(saved: unknown): Session | null {
  if (!isRecord(saved) || !isRecord(saved.user) || !isRecord(saved.organisation)) return null;
  const { token } = saved;
  const { id, name, email, role } = saved.user;
  const { id: organisationId, name: organisationName } = saved.organisation;
  if (typeof token !== 'string' || typeof id !== 'string' || typeof name !== 'string' || typeof email !== 'string' || !isRole(role)) return null;
  if (typeof organisationId !== 'string' || typeof organisationName !== 'string') return null;
  return { token, user: { id, name, email, role }, organisation: { id: organisationId, name: organisationName } };
}

// Other tabs of the app hear when the session changes here: a tab left open
// must not keep syncing under a session that was signed out (and pull the
// organisation's data back onto an emptied device).
const CHANNEL = 'talka-session';
let channel: BroadcastChannel | null = null;

function sessionChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => void readSaved();
  return channel;
}

async function readSaved(): Promise<Session | null> {
  const saved = await get<unknown>(SESSION_KEY).catch(() => undefined);
  session.value = readStoredSession(saved);
  return session.value;
}

export async function loadSession(): Promise<Session | null> {
  sessionChannel();
  return readSaved();
}

export async function saveSession(next: Session): Promise<void> {
  await set(SESSION_KEY, next);
  session.value = next;
  sessionChannel()?.postMessage('changed');
}

export async function clearSession(): Promise<void> {
  await del(SESSION_KEY);
  session.value = null;
  sessionChannel()?.postMessage('changed');
}

export function currentToken(): string | null {
  return session.value?.token ?? null;
}
