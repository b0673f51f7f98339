// Bearer tokens: 32 random bytes, base64url on the wire, SHA-256 hex at rest.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;
/** last_used_at is written at most this often, so a busy device does not write on every request. */
export const TOKEN_TOUCH_INTERVAL_MS = 60 * 60 * 1000;
export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isWellFormedToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from `Authorization: Bearer <token>`, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/i.exec(header?.trim() ?? '');
  const token = match?.[1];
  return token !== undefined && isWellFormedToken(token) ? token : null;
}
