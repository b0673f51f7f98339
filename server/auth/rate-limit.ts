// Failed sign-ins, limited per account and client address together, counted
// in the database so every server process sharing it sees the same counts.
// Each failure of an account from an address doubles the wait before that
// pair's next try (1 s, 2 s, 4 s … 15 min), so someone guessing elsewhere
// slows down only themselves and never locks the account's owner out. An
// address as a whole has a generous ceiling of tries per window, successful
// ones not counted (a community house's Wi-Fi puts a whole workshop behind
// one address): it stops one address from trying passwords on every account.
import { Refusal } from '../errors';
import type { LoginAttemptRow, Store } from '../store/store';

export interface LoginLimits {
  /** The wait after a pair's first failure; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A pair's failures are forgotten (and its row pruned) this long after its last one. */
  forgetAfterMs: number;
  /** Tries from one address that did not succeed, over every account, allowed within a window. */
  perAddress: { maxTries: number; windowMs: number };
}

const MINUTE = 60 * 1000;
export const LOGIN_LIMITS: LoginLimits = {
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
  perAddress: { maxTries: 100, windowMs: 15 * MINUTE },
};

/** Forgotten pairs and ended windows are deleted at most this often per process. */
const PRUNE_EVERY_MS = 5 * MINUTE;

/** How long a pair waits after its `failures`-th failure in a row. */
export function delayAfter(failures: number, limits: LoginLimits): number {
  if (failures <= 0) return 0;
  return Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** Math.min(failures - 1, 40));
}

export type LoginAttemptStore = Pick<Store,
  'findLoginAttempt' | 'replaceLoginAttempt' | 'addLoginFailure' | 'clearLoginAttempts' | 'addAddressTry' | 'forgiveAddressTry' | 'pruneLoginAttempts'>;

/** One try, begun: its outcome must be reported. */
export interface LoginTry {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

function tooMany(waitMs: number): Refusal {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const when = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return new Refusal(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${when}`, { 'Retry-After': String(seconds) });
}

export class LoginLimiter {
  private lastPrunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: LoginAttemptStore,
    private readonly limits: LoginLimits = LOGIN_LIMITS,
  ) {}

  /**
   * Begins one try for `account` from `address`, or throws 429
   * too_many_attempts with Retry-After. A pair that has failed before gets one
   * try per wait: the try is counted as a failure from the moment it begins,
   * so tries sent at once get one password check between them. A pair with no
   * failures lets tries through side by side (tablets of one workshop signing
   * in together), each counted against the address's ceiling first.
   */
  async begin(account: string, address: string, now: number): Promise<LoginTry> {
    const { store, limits } = this;
    await this.pruneNow(now);
    const seen = await store.findLoginAttempt(account, address);
    const failures = seen && now - seen.lastFailedAt < limits.forgetAfterMs ? seen.failures : 0;
    let claim: { seen: LoginAttemptRow; taken: LoginAttemptRow } | null = null;
    if (seen && failures > 0) {
      const wait = seen.lastFailedAt + delayAfter(failures, limits) - now;
      if (wait > 0) throw tooMany(wait);
      claim = { seen, taken: { account, address, failures: failures + 1, lastFailedAt: now } };
      // Another try of this pair began between our read and write.
      if (!(await store.replaceLoginAttempt(claim.seen, claim.taken))) throw tooMany(limits.firstDelayMs);
    }

    const { windowMs, maxTries } = limits.perAddress;
    const window = await store.addAddressTry(address, now, windowMs);
    if (window.tries > maxTries) {
      // Refused before any password was tried: the pair's count goes back to what it was.
      if (claim) await store.replaceLoginAttempt(claim.taken, claim.seen);
      throw tooMany(window.windowStart + windowMs - now);
    }

    return {
      failed: async () => {
        if (!claim) await store.addLoginFailure(account, address, now, now - limits.forgetAfterMs);
      },
      succeeded: async () => {
        await store.clearLoginAttempts(account, address);
        await store.forgiveAddressTry(address, window.windowStart);
      },
    };
  }

  private async pruneNow(now: number): Promise<void> {
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    await this.store.pruneLoginAttempts(now - this.limits.forgetAfterMs);
  }
}
