// The caller's address, for per-address login limits.
import type { Context } from 'hono';
import type { AppEnv } from './env';

export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // c.env is undefined under app.request() without an environment.
  const env: Partial<AppEnv['Bindings']> | undefined = c.env;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
