// Spent against planned, per action and for the plan, against the grant (docs/protocol.md, Records:
// spending). All in integer cents; dropped actions plan nothing, but money spent on them still counts.

export interface ActionMoney {
  actionId: string;
  plannedCents: number;
  spentCents: number;
  /** Spent passes what was planned for the action. */
  overBudget: boolean;
  /** How many spending lines the action has. */
  lines: number;
}

export interface PlanMoney {
  actions: ActionMoney[];
  plannedCents: number;
  spentCents: number;
  /** The community's grant (its current enrolment's), or null when none is set. */
  grantCents: number | null;
  /** Spent passes the grant. */
  overGrant: boolean;
  /** Actions whose spending passes their budget. */
  overBudgetCount: number;
}

interface ActionLike { id: string; budgetCents: number; status: string; deleted: boolean }
interface SpendingLike { actionId: string; amountCents: number; deleted: boolean }

/** The plan's money: per action (in the order given) and in total, with the warnings. */
export function planMoney(actions: readonly ActionLike[], spending: readonly SpendingLike[], grantCents: number | null): PlanMoney {
  const spent = new Map<string, { cents: number; lines: number }>();
  for (const line of spending) {
    if (line.deleted) continue;
    const sum = spent.get(line.actionId) ?? { cents: 0, lines: 0 };
    spent.set(line.actionId, { cents: sum.cents + line.amountCents, lines: sum.lines + 1 });
  }
  const rows = actions.filter((action) => !action.deleted).map((action): ActionMoney => {
    const plannedCents = action.status === 'dropped' ? 0 : action.budgetCents;
    const sum = spent.get(action.id) ?? { cents: 0, lines: 0 };
    return { actionId: action.id, plannedCents, spentCents: sum.cents, overBudget: sum.cents > plannedCents, lines: sum.lines };
  });
  const plannedCents = rows.reduce((total, row) => total + row.plannedCents, 0);
  const spentCents = rows.reduce((total, row) => total + row.spentCents, 0);
  return {
    actions: rows,
    plannedCents,
    spentCents,
    grantCents,
    overGrant: grantCents !== null && spentCents > grantCents,
    overBudgetCount: rows.filter((row) => row.overBudget).length,
  };
}
