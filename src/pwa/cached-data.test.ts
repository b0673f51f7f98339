import { describe, expect, it } from 'vitest';
import { forgetCachedData, holdsData, isAppShellCache } from './cached-data';

/** Cache Storage as far as forgetCachedData uses it, over maps of URLs. */
function fakeCaches(initial: Record<string, string[]>): { storage: CacheStorage; contents: () => Record<string, string[]> } {
  const caches = new Map(Object.entries(initial).map(([name, urls]) => [name, new Set(urls)]));
  const cacheOf = (urls: Set<string>) => ({
    keys: async () => [...urls].map((url) => new Request(url)),
    delete: async (request: Request) => urls.delete(request.url),
  });
  const storage = {
    keys: async () => [...caches.keys()],
    delete: async (name: string) => caches.delete(name),
    open: async (name: string) => cacheOf(caches.get(name) ?? new Set()),
  };
  return {
    storage: storage as unknown as CacheStorage,
    contents: () => Object.fromEntries([...caches].map(([name, urls]) => [name, [...urls]])),
  };
}

describe('forgetCachedData (Cache Storage at sign-out)', () => {
  it('keeps the app shell and removes API answers, photos and any cache that is not the shell', async () => {
    const { storage, contents } = fakeCaches({
      'workbox-precache-v2-https://talka.example/': ['https://talka.example/index.html', 'https://talka.example/assets/index-abc.js'],
      'talka-assets': ['https://talka.example/assets/overview-def.js', 'https://talka.example/api/blobs/' + 'a'.repeat(64)],
      'talka-api': ['https://talka.example/api/sync/pull?since=0'],
      'photos': ['https://talka.example/api/blobs/' + 'b'.repeat(64)],
    });
    await forgetCachedData(storage);
    expect(contents()).toEqual({
      'workbox-precache-v2-https://talka.example/': ['https://talka.example/index.html', 'https://talka.example/assets/index-abc.js'],
      'talka-assets': ['https://talka.example/assets/overview-def.js'],
    });
  });

  it('does nothing where there is no Cache Storage (plain HTTP)', async () => {
    await expect(forgetCachedData(null)).resolves.toBeUndefined();
  });

  it('tells the shell and data apart', () => {
    expect(isAppShellCache('workbox-precache-v2-https://x/')).toBe(true);
    expect(isAppShellCache('talka-assets')).toBe(true);
    expect(isAppShellCache('talka-api')).toBe(false);
    expect(holdsData('https://x/api/auth/me')).toBe(true);
    expect(holdsData('https://x/assets/app.js')).toBe(false);
    expect(holdsData('/index.html')).toBe(false);
  });
});
