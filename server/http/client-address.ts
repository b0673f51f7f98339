// The caller's address, for the limits on failed sign-ins.
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Longer than any IPv6 address with a zone; a longer header value is cut, never stored whole. */
const MAX_ADDRESS_LENGTH = 64;

/**
 * Behind a reverse proxy (trustProxy), the last X-Forwarded-For entry: the
 * address the proxy itself saw and appended. Earlier entries are whatever the
 * client wrote, and a guesser would write a new one on every try.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, MAX_ADDRESS_LENGTH);
  }
  // c.env is undefined under app.request() without an environment.
  const env: Partial<AppEnv['Bindings']> | undefined = c.env;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
