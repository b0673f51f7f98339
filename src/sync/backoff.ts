/** Delay before retry number `attempt` (1, 2, …): doubling from `baseMs` up to `maxMs`, with jitter so devices do not retry in step. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 2_000, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
