// Failed sign-ins, limited per account and client address together, counted
// in the database so every server process sharing it sees the same counts.
// Each failure of an account from an address doubles the wait before that
// pair's next try (1 s, 2 s, 4 s … 15 min), so someone guessing elsewhere
// slows down only themselves and never locks the account's owner out. An
// address as a whole has a generous ceiling of failures per window (a
// community house's Wi-Fi puts a whole workshop behind one address), which
// stops one address from trying a password against every account.
import { Refusal } from '../errors';
import type { LoginAttemptRow, Store } from '../store/store';

export interface LoginLimits {
  /** The wait after a pair's first failure; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A pair's failures are forgotten (and its row pruned) this long after its last one. */
  forgetAfterMs: number;
  /** Failures from one address, over every account, allowed within the window. */
  perAddress: { maxFailures: number; windowMs: number };
}

const MINUTE = 60 * 1000;
export const LOGIN_LIMITS: LoginLimits = {
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
  perAddress: { maxFailures: 100, windowMs: 15 * MINUTE },
};

/** Rows of forgotten pairs are deleted at most this often per process. */
const PRUNE_EVERY_MS = 5 * MINUTE;

/** How long a pair waits after its `failures`-th failure in a row. */
export function delayAfter(failures: number, limits: LoginLimits): number {
  if (failures <= 0) return 0;
  return Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** Math.min(failures - 1, 40));
}

export type LoginAttemptStore = Pick<Store, 'findLoginAttempt' | 'replaceLoginAttempt' | 'clearLoginAttempts' | 'countLoginFailures' | 'pruneLoginAttempts'>;

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
   * Takes one try for `account` from `address`, or throws 429
   * too_many_attempts with Retry-After. The try counts as a failure from the
   * moment it is taken (so requests sent in parallel get one try between
   * them, not one each) until `succeeded` clears the pair.
   */
  async begin(account: string, address: string, now: number): Promise<void> {
    await this.pruneNow(now);
    const seen = await this.store.findLoginAttempt(account, address);
    const failures = seen && now - seen.lastFailedAt < this.limits.forgetAfterMs ? seen.failures : 0;
    if (seen && failures > 0) {
      const wait = seen.lastFailedAt + delayAfter(failures, this.limits) - now;
      if (wait > 0) throw tooMany(wait);
    }
    const taken: LoginAttemptRow = { account, address, failures: failures + 1, lastFailedAt: now };
    // Another request of this pair took the try between our read and write.
    if (!(await this.store.replaceLoginAttempt(seen, taken))) throw tooMany(this.limits.firstDelayMs);

    const { perAddress } = this.limits;
    const fromAddress = await this.store.countLoginFailures(address, now - perAddress.windowMs);
    if (fromAddress.failures > perAddress.maxFailures) {
      // Refused before any password was tried: the pair's count goes back to what it was.
      await this.store.replaceLoginAttempt(taken, seen);
      throw tooMany((fromAddress.earliestAt ?? now) + perAddress.windowMs - now);
    }
  }

  /** The right password: the pair starts afresh. */
  async succeeded(account: string, address: string): Promise<void> {
    await this.store.clearLoginAttempts(account, address);
  }

  private async pruneNow(now: number): Promise<void> {
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    await this.store.pruneLoginAttempts(now - this.limits.forgetAfterMs);
  }
}
