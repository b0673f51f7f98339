import { describe, expect, it } from 'vitest';
import { groupNeeds } from './need-groups';

describe('groupNeeds', () => {
  const votes = new Map([['road', 5], ['road-again', 3], ['road-third', 1], ['library', 4]]);

  it('sums the dots of needs raised as the same one, each need keeping its place in the group', () => {
    const groups = groupNeeds([
      { id: 'road' }, { id: 'road-again', sameAs: 'road' }, { id: 'road-third', sameAs: 'road-again' }, { id: 'library' },
    ], votes);
    expect(groups.get('road')).toEqual({ leadId: 'road', needIds: ['road', 'road-again', 'road-third'], votes: 9 });
    expect(groups.get('road-third')?.leadId).toBe('road');
    expect(groups.has('library')).toBe(false);
  });

  it('two tablets grouping the pair in opposite directions agree on one group', () => {
    const groups = groupNeeds([{ id: 'road', sameAs: 'road-again' }, { id: 'road-again', sameAs: 'road' }], votes);
    expect(groups.get('road')).toEqual({ leadId: 'road', needIds: ['road', 'road-again'], votes: 8 });
  });

  it('a deleted need leaves its group; an ungrouped one (sameAs back to null) stands alone', () => {
    const groups = groupNeeds([{ id: 'road' }, { id: 'road-again', sameAs: 'road', deleted: true }, { id: 'road-third', sameAs: null }], votes);
    expect(groups.size).toBe(0);
  });
});
