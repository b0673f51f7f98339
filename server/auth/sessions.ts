// Issuing a session: a new bearer token for a user, and the reply login and setup share.
import type { SessionResponse } from '../../protocol/auth';
import type { OrganisationRow, Store, UserRow } from '../store/store';
import { hashToken, newToken } from './tokens';

export async function issueSession(store: Store, user: UserRow, organisation: OrganisationRow, now: number): Promise<SessionResponse> {
  const token = newToken();
  await store.createToken({ hash: hashToken(token), userId: user.id, createdAt: now, lastUsedAt: now, revokedAt: null });
  return { token, user: sessionUser(user), organisation: { id: organisation.id, name: organisation.name } };
}

export function sessionUser(user: UserRow): SessionResponse['user'] {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
