// What the browser's Cache Storage may hold of an organisation: answers of the
// API and photos' images. The app shell (the service worker's precache and the
// screens' code in the runtime cache) holds no one's data and stays, so a
// signed-out device still opens offline on the sign-in page.

/** Caches of the app's own code: workbox's precache and `talka-assets` (vite.config.ts). */
export function isAppShellCache(name: string): boolean {
  return name.startsWith('workbox-precache') || name === 'talka-assets';
}

/** A cached request that can carry an organisation's data: the API and photos' images. */
export function holdsData(url: string): boolean {
  const { pathname } = new URL(url, 'http://localhost');
  return pathname.startsWith('/api/');
}

/**
 * Removes from Cache Storage (the browser's unless given; null: none) every cache that is not the app shell, and every
 * API or photo answer from those that are. No Cache Storage (plain HTTP, old
 * browsers): nothing to remove.
 */
export async function forgetCachedData(given?: CacheStorage | null): Promise<void> {
  // Typed as always there, but browsers expose it only in a secure context.
  const storage = given === undefined ? (globalThis.caches as CacheStorage | undefined) : given;
  if (!storage) return;
  for (const name of await storage.keys()) {
    if (!isAppShellCache(name)) {
      await storage.delete(name);
      continue;
    }
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      if (holdsData(request.url)) await cache.delete(request);
    }
  }
}
