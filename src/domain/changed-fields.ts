// An edit form saves only what the user changed: each field carries its own
// clock, so writing an unchanged field would make it win over a concurrent
// edit of that field on another device.
import { keysOf } from '../../protocol';

/** The fields of `edited` whose values differ from `original` (compared with ===). */
export function changedFields<F extends object>(original: F, edited: F): Partial<F> {
  const patch: Partial<F> = {};
  for (const key of keysOf(edited)) {
    if (edited[key] !== original[key]) patch[key] = edited[key];
  }
  return patch;
}
