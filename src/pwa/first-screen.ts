// Work the first screen does not need — the sync engine, the rest of the
// Latvian strings, the record schemas, header notices, the update check, a
// coordinator's screens for offline use — waits until that screen is painted,
// so a first visit downloads only what the screen needs before it is usable.

/** If the first route never reports (it failed, or it needed no code), later work starts anyway after this long. */
const FALLBACK_MS = 3_000;
/** After the paint, the work waits for an idle moment at most this long. */
const IDLE_TIMEOUT_MS = 500;

let resolveShown: () => void = () => {};
const shown = new Promise<void>((resolve) => { resolveShown = resolve; });
let marked = false;

function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 0);
    return;
  }
  // The frame after next: the screen's first frame has been painted by then.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => then(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(then, 0);
  }));
}

/** The first route's screen has rendered (Router's onLoadEnd), or the fallback time has passed. */
export function markFirstScreenShown(): void {
  if (marked) return;
  marked = true;
  afterPaint(resolveShown);
}

/** Marks the first screen shown after FALLBACK_MS if nothing marked it sooner; called once the app has started. */
export function markFirstScreenShownLater(): void {
  setTimeout(markFirstScreenShown, FALLBACK_MS);
}

/** Resolves once the first screen is on screen (never in unit tests that do not start the app). */
export function afterFirstScreen(): Promise<void> {
  return shown;
}
