// How long the server remembers which mutations it applied.
//
// The rule: an applied mutation id is kept for APPLIED_MUTATION_RETENTION_DAYS
// (90 by default) after it was applied, then deleted. Set it to the longest a
// device may stay offline.
//
// Why that is safe:
//  - The log is the only proof that a mutation was applied, and it serves one
//    case: a device sent a push, the server applied it, the reply was lost, and
//    the device sends the same mutation again. Within the horizon the id is
//    found and the mutation is acknowledged without being applied twice.
//  - A change a device never got acknowledged was never in the log, so pruning
//    cannot touch it: a device back after longer than the horizon has its
//    unsent changes applied like any others (nothing is lost).
//  - A true replay older than the horizon is applied again, and per-field merge
//    by clock makes that harmless: the reply is an ordinary acknowledgement;
//    where the server still holds the field at the mutation's clock nothing
//    changes (no new seq, no conflict: protocol/merge.ts skips an equal clock);
//    where a later edit has since replaced the field, the replay loses to it by
//    clock, and when that later edit was made without seeing the replayed value
//    the server files a conflict keeping the replayed value, as it would for a
//    change that really was unsent (it cannot tell the two apart without the
//    log, and losing a typed value would be worse than a conflict a coordinator
//    dismisses). tests/integration/retention.test.ts shows both.
import type { Store } from '../store/store';

const DAY_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Applied mutation ids recorded before this time may be deleted. */
export function appliedMutationHorizon(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

export function pruneAppliedMutations(store: Pick<Store, 'pruneAppliedMutations'>, now: number, retentionDays: number): Promise<number> {
  return store.pruneAppliedMutations(appliedMutationHorizon(now, retentionDays));
}

/**
 * Prunes at start and then hourly, off the request path. Every server sharing
 * a database may do this; deleting what another has deleted is harmless.
 * Returns a function that stops it.
 */
export function schedulePruning(
  store: Pick<Store, 'pruneAppliedMutations'>,
  retentionDays: number,
  now: () => number,
  onError: (error: unknown) => void,
): () => void {
  const prune = () => pruneAppliedMutations(store, now(), retentionDays).catch(onError);
  void prune();
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
