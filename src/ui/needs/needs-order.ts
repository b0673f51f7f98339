// The needs board's order as this device last chose it: kept in localStorage, read at once so the
// board never draws in one order and then another. Without storage (private mode) it is not kept.
import { isNeedOrder, type NeedOrder } from '../../domain/needs-board';

const KEY = 'talka:needs-order';

export function loadNeedOrder(): NeedOrder {
  try {
    const saved = localStorage.getItem(KEY);
    return isNeedOrder(saved) ? saved : 'votes';
  } catch {
    return 'votes';
  }
}

export function saveNeedOrder(order: NeedOrder): void {
  try {
    localStorage.setItem(KEY, order);
  } catch {
    // Not kept: the board still shows the order chosen until it is left.
  }
}
