import { describe, expect, it } from 'vitest';
import { dueSteps } from './next-steps';

const step = (id: string, due: string, done = false) => ({ id, what: id, who: '', due, done });

describe('dueSteps', () => {
  const visits = [
    { id: 'v1', communityId: 'c1', mentorId: 'm1', deleted: false, nextSteps: [step('late', '2026-03-01'), step('today', '2026-03-10'), step('done', '2026-03-02', true)] },
    { id: 'v2', communityId: 'c2', mentorId: 'm2', deleted: false, nextSteps: [step('week', '2026-03-17'), step('later', '2026-03-18'), step('undated', '')] },
    { id: 'v3', communityId: 'c2', mentorId: 'm2', deleted: true, nextSteps: [step('binned', '2026-03-05')] },
  ];

  it('lists open steps overdue or due within a week, overdue first', () => {
    const due = dueSteps(visits, '2026-03-10', null);
    expect(due.map((item) => [item.step.id, item.overdue])).toEqual([['late', true], ['today', false], ['week', false]]);
  });

  it("narrows to one mentor's visits", () => {
    expect(dueSteps(visits, '2026-03-10', 'm2').map((item) => item.step.id)).toEqual(['week']);
  });
});
