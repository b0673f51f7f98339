// The caller's address, for per-address login limits. Behind proxies, each
// proxy appends the address it received the request from to X-Forwarded-For,
// so only the last `trustedHops` entries were written by proxies the operator
// runs; anything further left may be whatever the client sent. The client is
// the entry `trustedHops` from the right (the leftmost when the list is shorter).
import type { Context } from 'hono';
import type { AppEnv } from './env';

export function forwardedClient(header: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops < 1 || !header) return undefined;
  const hops = header.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (hops.length === 0) return undefined;
  return hops[Math.max(0, hops.length - trustedHops)];
}

export function clientAddress(c: Context<AppEnv>, trustedHops: number): string {
  const forwarded = forwardedClient(c.req.header('X-Forwarded-For'), trustedHops);
  if (forwarded) return forwarded;
  // c.env is undefined under app.request() without an environment.
  const env: Partial<AppEnv['Bindings']> | undefined = c.env;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
