import { describe, expect, it } from 'vitest';
import { countsAsHeld, offerToMarkHeld } from './held';

const today = '2026-12-06';

describe('a workshop that happened', () => {
  it('is offered to be marked held once its day has passed and someone was checked in', () => {
    expect(offerToMarkHeld({ status: 'planned', date: '2026-12-05' }, today, 3)).toBe(true);
    expect(offerToMarkHeld({ status: 'planned', date: '2026-12-06' }, today, 3)).toBe(false);
    expect(offerToMarkHeld({ status: 'planned', date: '2026-12-05' }, today, 0)).toBe(false);
    expect(offerToMarkHeld({ status: 'held', date: '2026-12-05' }, today, 3)).toBe(false);
    expect(offerToMarkHeld({ status: 'cancelled', date: '2026-12-05' }, today, 3)).toBe(false);
  });

  it('counts as held when marked so, or past with check-ins, unless cancelled', () => {
    expect(countsAsHeld({ status: 'held', date: '2027-01-10' }, today, 0)).toBe(true);
    expect(countsAsHeld({ status: 'planned', date: '2026-11-20' }, today, 12)).toBe(true);
    expect(countsAsHeld({ status: 'planned', date: '2026-11-20' }, today, 0)).toBe(false);
    expect(countsAsHeld({ status: 'planned', date: today }, today, 12)).toBe(false);
    expect(countsAsHeld({ status: 'cancelled', date: '2026-11-20' }, today, 12)).toBe(false);
  });
});
