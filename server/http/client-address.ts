// The caller's address, for the limits on failed sign-ins. Behind proxies, each
// proxy appends the address it received the request from to X-Forwarded-For,
// so only the last `trustedHops` entries were written by proxies the operator
// runs; anything further left is whatever the client wrote (and a guesser would
// write a new one on every try). The client is the entry `trustedHops` from the
// right (the leftmost when the list is shorter).
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Longer than any IPv6 address with a zone; a longer header value is cut, never stored whole. */
const MAX_ADDRESS_LENGTH = 64;

export function forwardedClient(header: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops < 1 || !header) return undefined;
  const hops = header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (hops.length === 0) return undefined;
  return hops[Math.max(0, hops.length - trustedHops)]?.slice(0, MAX_ADDRESS_LENGTH);
}

export function clientAddress(c: Context<AppEnv>, trustedHops: number): string {
  const forwarded = forwardedClient(c.req.header('X-Forwarded-For'), trustedHops);
  if (forwarded) return forwarded;
  // c.env is undefined under app.request() without an environment.
  const env: Partial<AppEnv['Bindings']> | undefined = c.env;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
