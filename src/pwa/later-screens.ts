// The screens a first visit does not need (the overview with chart.js,
// exports, users, a participant's data, conflicts, sign-in sheets, workshop
// reports) are not in the precache, so installing the app offline costs a
// third less. The build lists their files in index.html; once someone has
// signed in and a sync has succeeded (so they never compete with a first pull
// on a slow link), the app fetches them in the background and the service
// worker keeps them in its runtime cache (CacheFirst on /assets/): a
// coordinator's laptop and a facilitator's tablet (overview, sign-in sheets,
// reports) open them offline too.

/** The id of index.html's JSON list of the files left out of the precache (vite.config.ts writes it). */
export const RUNTIME_ASSETS_ID = 'talka-runtime-assets';

/** The files index.html lists, as same-origin /assets/ paths; anything else in the list is ignored. */
export function runtimeAssetUrls(doc: Document = document): string[] {
  const text = doc.getElementById(RUNTIME_ASSETS_ID)?.textContent;
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((url): url is string => typeof url === 'string' && /^\/assets\/[\w.-]+$/.test(url));
}

/** Resolves once a service worker controls the page (at once if one does); never without one. */
function whenControlled(container: ServiceWorkerContainer): Promise<void> {
  if (container.controller) return Promise.resolve();
  return new Promise((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
}

/**
 * Fetches each file through the service worker, which keeps it; files it
 * holds already cost no network. Returns how many it has now.
 */
export async function warmRuntimeCache(urls: readonly string[], fetchFile: (url: string) => Promise<Response> = (url) => fetch(url, { priority: 'low' })): Promise<number> {
  let cached = 0;
  // Two at a time: a background job, not a burst in front of what the person is doing.
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await fetchFile(url);
        await response.arrayBuffer();
        if (response.ok) cached++;
      } catch {
        // Offline again or the server went away: the next start or sign-in tries again.
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return cached;
}

let warming: Promise<number> | null = null;
/** Set once every file was fetched: this page's list is on the device (an update brings a new page and list). */
let warmed = false;

/**
 * Fetches the screens beyond the precache into the service worker's cache,
 * once per page: a call while it runs or after it finished does nothing. The
 * app calls it after a sign-in's sync succeeds (app.tsx).
 */
export function warmLaterScreens(): void {
  if (warming || warmed) return;
  const urls = runtimeAssetUrls();
  const container = navigator.serviceWorker;
  if (urls.length === 0 || !container) return;
  warming = whenControlled(container).then(() => warmRuntimeCache(urls)).then((cached) => {
    warmed = cached === urls.length;
    return cached;
  }).finally(() => { warming = null; });
}
