// Who is signed in on this device. Kept in idb-keyval so the session survives
// restarts offline (field devices stay offline for weeks).
import { signal } from '@preact/signals';
import * as v from 'valibot';
import { del, get, set } from 'idb-keyval';
import { sessionResponseSchema, type SessionResponse } from '../../protocol';

export type Session = SessionResponse;

const SESSION_KEY = 'talka:session';

export const session = signal<Session | null>(null);

export async function loadSession(): Promise<Session | null> {
  const saved = await get<unknown>(SESSION_KEY).catch(() => undefined);
  const parsed = v.safeParse(sessionResponseSchema, saved);
  session.value = parsed.success ? parsed.output : null;
  return session.value;
}

export async function saveSession(next: Session): Promise<void> {
  await set(SESSION_KEY, next);
  session.value = next;
}

export async function clearSession(): Promise<void> {
  await del(SESSION_KEY);
  session.value = null;
}

export function currentToken(): string | null {
  return session.value?.token ?? null;
}
