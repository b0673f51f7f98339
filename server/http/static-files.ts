// The built app from STATIC_DIR: hashed assets cached for a year, the shell
// and the service worker never cached, deep links answered with index.html.
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { basename } from 'node:path';
import type { AppEnv } from './env';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
const SHORT_CACHE = 'public, max-age=3600';

/** Files that must be revalidated on every load, or an update never reaches the device. */
function isAlwaysFresh(file: string): boolean {
  return file === 'index.html' || file === 'sw.js' || file === 'registerSW.js' || file === 'manifest.webmanifest' || /^workbox-[\w-]+\.js$/.test(file);
}

export function cacheControlFor(requestPath: string): string {
  if (requestPath.startsWith('/assets/')) return IMMUTABLE;
  const file = basename(requestPath) || 'index.html';
  return isAlwaysFresh(file) ? NO_CACHE : SHORT_CACHE;
}

/** A path a browser navigates to (no file extension), as opposed to a missing file. */
function isAppRoute(path: string): boolean {
  return !path.startsWith('/api/') && !path.startsWith('/assets/') && !basename(path).includes('.');
}

/** Serves `root`, and when a file is found gives it `cacheControl(path)`. */
function serveWithCache(options: { root: string; path?: string }, cacheControl: (requestPath: string) => string): MiddlewareHandler<AppEnv> {
  const serve = serveStatic<AppEnv>(options);
  return async (c, next) => {
    const response = await serve(c, next);
    // serveStatic sets headers before it builds the response, so the header goes on the response itself.
    if (response instanceof Response && response.status < 300) response.headers.set('Cache-Control', cacheControl(c.req.path));
    return response;
  };
}

export function staticFiles(root: string): { files: MiddlewareHandler<AppEnv>; deepLinks: MiddlewareHandler<AppEnv> } {
  const files = serveWithCache({ root }, cacheControlFor);
  const shell = serveWithCache({ root, path: 'index.html' }, () => NO_CACHE);
  const deepLinks: MiddlewareHandler<AppEnv> = async (c, next) => (isAppRoute(c.req.path) ? shell(c, next) : next());
  return { files, deepLinks };
}
