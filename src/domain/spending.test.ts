import { describe, expect, it } from 'vitest';
import { currentGrantCents } from './enrolment';
import { planMoney } from './spending';

const action = (id: string, budgetCents: number, status = 'planned', deleted = false) => ({ id, budgetCents, status, deleted });
const line = (actionId: string, amountCents: number, deleted = false) => ({ actionId, amountCents, deleted });
/** The grant of the community's enrolment that runs on 1 May 2026. */
const grantOf = (grantCents: number) => currentGrantCents(
  [{ id: 'e1', communityId: 'rauna', start: '2026-01-01', end: '', grantCents, deleted: false }], 'rauna', '2026-05-01',
);

describe('planMoney', () => {
  it('adds spending per action and in total, in cents, without rounding', () => {
    const money = planMoney([action('a', 50_000), action('b', 20_000)], [line('a', 12_550), line('a', 1), line('b', 19_999)], grantOf(100_000));
    expect(money.actions).toEqual([
      { actionId: 'a', plannedCents: 50_000, spentCents: 12_551, overBudget: false, lines: 2 },
      { actionId: 'b', plannedCents: 20_000, spentCents: 19_999, overBudget: false, lines: 1 },
    ]);
    expect(money).toMatchObject({ plannedCents: 70_000, spentCents: 32_550, grantCents: 100_000, overGrant: false, overBudgetCount: 0 });
  });

  it('warns one cent past an action budget, not at it; deleted lines do not count', () => {
    const money = planMoney([action('a', 10_000), action('b', 10_000)], [line('a', 10_000), line('b', 10_001), line('a', 5_000, true)], grantOf(100_000));
    expect(money.actions.map((row) => row.overBudget)).toEqual([false, true]);
    expect(money.overBudgetCount).toBe(1);
  });

  it('warns when the total passes the enrolment\'s grant, even when every action is within its budget', () => {
    const atGrant = planMoney([action('a', 300_000)], [line('a', 100_000)], grantOf(100_000));
    expect(atGrant.overGrant).toBe(false);
    const past = planMoney([action('a', 300_000)], [line('a', 100_001)], grantOf(100_000));
    expect(past).toMatchObject({ overGrant: true, overBudgetCount: 0, grantCents: 100_000 });
    expect(planMoney([action('a', 300_000)], [line('a', 100_001)], grantOf(300_000)).overGrant).toBe(false);
  });

  it('without a grant (no enrolment today) spending passes nothing', () => {
    const money = planMoney([action('a', 300_000)], [line('a', 100_001)], currentGrantCents([], 'rauna', '2026-05-01'));
    expect(money).toMatchObject({ grantCents: null, overGrant: false, spentCents: 100_001 });
  });

  it('a dropped action plans nothing, so any spending on it is over budget; a deleted action is left out', () => {
    const money = planMoney([action('a', 10_000, 'dropped'), action('b', 10_000, 'planned', true)], [line('a', 100), line('b', 100)], grantOf(100_000));
    expect(money.actions).toEqual([{ actionId: 'a', plannedCents: 0, spentCents: 100, overBudget: true, lines: 1 }]);
    expect(money.spentCents).toBe(100);
  });
});
