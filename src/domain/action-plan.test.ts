import { describe, expect, it } from 'vitest';
import { EMPTY_ACTION_INPUT, actionToInput, inputFieldOf, readActionInput, sortActions } from './action-plan';

describe('readActionInput', () => {
  it('reads a budget typed the Latvian way into cents and an empty need into null', () => {
    const read = readActionInput({ ...EMPTY_ACTION_INPUT, what: '  Jumta remonts ', budget: '1 250,50', due: '2026-05-01' });
    expect(read.errors).toBeNull();
    expect(read.fields).toEqual({ needId: null, what: 'Jumta remonts', who: '', due: '2026-05-01', budgetCents: 125_050, status: 'planned' });
  });
  it('takes an empty budget as no money needed', () => {
    expect(readActionInput({ ...EMPTY_ACTION_INPUT, what: 'Talka' }).fields?.budgetCents).toBe(0);
  });
  it('reports a missing "what" and a budget that is not a number together', () => {
    expect(readActionInput({ ...EMPTY_ACTION_INPUT, what: '   ', budget: 'abc' })).toEqual({
      fields: null, errors: { what: 'required', budget: 'invalid_number' },
    });
  });
  it('refuses a budget above what a record may hold', () => {
    expect(readActionInput({ ...EMPTY_ACTION_INPUT, what: 'x', budget: '2000000' }).errors).toEqual({ budget: 'too_large' });
  });
});

describe('actionToInput', () => {
  it('round-trips through the form', () => {
    const fields = { needId: 'n1', what: 'Soliņi', who: 'Anna', due: '', budgetCents: 30_050, status: 'in_progress' as const };
    expect(actionToInput(fields).budget).toBe('300,50');
    expect(readActionInput(actionToInput(fields)).fields).toEqual(fields);
  });
  it('shows no budget as an empty field', () => {
    expect(actionToInput({ needId: null, what: 'x', who: '', due: '', budgetCents: 0, status: 'planned' }).budget).toBe('');
  });
});

describe('inputFieldOf', () => {
  it('puts a schema error on the cents beside the typed budget', () => {
    expect(inputFieldOf('budgetCents')).toBe('budget');
    expect(inputFieldOf('who')).toBe('who');
    expect(inputFieldOf('communityId')).toBeNull();
  });
});

describe('sortActions', () => {
  it('puts the soonest due first and undated ones last, then by when they were written', () => {
    const row = (id: string, due: string, createdAt: number) => ({ id, due, createdAt });
    const sorted = sortActions([row('a', '', 1), row('b', '2026-06-01', 2), row('c', '2026-05-01', 3), row('d', '2026-06-01', 1)]);
    expect(sorted.map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });
});
