// The action plan form's text, read into the fields of an action record.
// The budget is typed as text ("1 250,50"), so a typo must be caught here:
// the record's schema only ever sees a number of cents.
import { LIMITS, type ActionStatus, type EditableFields } from '../../protocol';
import { centsToEuroInput, parseEuroToCents } from './grant';

/** What the form holds, as typed. `needId` is '' when the action serves no particular need. */
export interface ActionInput {
  needId: string;
  what: string;
  who: string;
  due: string;
  budget: string;
  status: ActionStatus;
}

export type ActionFields = Omit<EditableFields<'actions'>, 'communityId'>;

/** Field of the form → validation code (`required`, `invalid_number`, …). */
export type ActionInputErrors = Partial<Record<keyof ActionInput, string>>;

export type ReadAction =
  | { fields: ActionFields; errors: null }
  | { fields: null; errors: ActionInputErrors };

export const EMPTY_ACTION_INPUT: ActionInput = { needId: '', what: '', who: '', due: '', budget: '', status: 'planned' };

/** Every problem at once, so the person fixes them in one pass. */
export function readActionInput(input: ActionInput): ReadAction {
  const errors: ActionInputErrors = {};
  const what = input.what.trim();
  if (what === '') errors.what = 'required';
  const budgetCents = parseEuroToCents(input.budget);
  if (budgetCents === null) errors.budget = 'invalid_number';
  else if (budgetCents > LIMITS.maxBudgetCents) errors.budget = 'too_large';
  if (Object.keys(errors).length > 0 || budgetCents === null) return { fields: null, errors };
  return {
    fields: {
      needId: input.needId === '' ? null : input.needId,
      what,
      who: input.who.trim(),
      due: input.due,
      budgetCents,
      status: input.status,
    },
    errors: null,
  };
}

export function actionToInput(action: ActionFields): ActionInput {
  return {
    needId: action.needId ?? '',
    what: action.what,
    who: action.who,
    due: action.due,
    // An action with no budget shows an empty field rather than a bare "0".
    budget: action.budgetCents === 0 ? '' : centsToEuroInput(action.budgetCents),
    status: action.status,
  };
}

/** The form field a record field's error belongs beside. */
export function inputFieldOf(recordField: string): keyof ActionInput | null {
  if (recordField === 'budgetCents') return 'budget';
  const known = ['needId', 'what', 'who', 'due', 'status'] as const;
  return known.find((field) => field === recordField) ?? null;
}

/** By due date (the soonest first, undated last), then in the order they were written. */
export function sortActions<T extends { due: string; createdAt: number; id: string }>(actions: readonly T[]): T[] {
  return [...actions].sort((a, b) => {
    if (a.due !== b.due) {
      if (a.due === '') return 1;
      if (b.due === '') return -1;
      return a.due < b.due ? -1 : 1;
    }
    return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
