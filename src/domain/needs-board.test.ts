import { describe, expect, it } from 'vitest';
import type { NeedCategory, NeedStatus, ResourceKind } from '../../protocol';
import {
  countVotesByNeed, filterNeeds, groupByKind, isNeedOrder, isOpenForVoting, ownerChoices, resourcesByNeed, sortNeeds, toggleId,
} from './needs-board';

const need = (id: string, category: NeedCategory, status: NeedStatus) => ({ id, category, status });
const resource = (name: string, kind: ResourceKind, needIds: string[]) => ({ name, kind, needIds });

describe('isOpenForVoting', () => {
  it('leaves solved and dropped needs out of the vote', () => {
    expect(isOpenForVoting({ status: 'raised' })).toBe(true);
    expect(isOpenForVoting({ status: 'prioritised' })).toBe(true);
    expect(isOpenForVoting({ status: 'in_progress' })).toBe(true);
    expect(isOpenForVoting({ status: 'solved' })).toBe(false);
    expect(isOpenForVoting({ status: 'dropped' })).toBe(false);
  });
});

describe('filterNeeds', () => {
  const needs = [need('a', 'safety', 'raised'), need('b', 'youth', 'raised'), need('c', 'safety', 'solved')];

  it('shows everything when no filter is chosen', () => {
    expect(filterNeeds(needs, { category: '', status: '' })).toEqual(needs);
  });

  it('combines category and status', () => {
    expect(filterNeeds(needs, { category: 'safety', status: '' }).map((n) => n.id)).toEqual(['a', 'c']);
    expect(filterNeeds(needs, { category: 'safety', status: 'solved' }).map((n) => n.id)).toEqual(['c']);
    expect(filterNeeds(needs, { category: '', status: 'raised' }).map((n) => n.id)).toEqual(['a', 'b']);
  });
});

describe('resourcesByNeed', () => {
  it('lists on each need the resources that point at it, once each', () => {
    const hall = resource('Hall', 'place', ['n1', 'n2', 'n1']);
    const tractor = resource('Tractor', 'equipment', ['n2']);
    const byNeed = resourcesByNeed([hall, tractor]);
    expect(byNeed.get('n1')).toEqual([hall]);
    expect(byNeed.get('n2')).toEqual([hall, tractor]);
    expect(byNeed.get('n3')).toBeUndefined();
  });
});

describe('countVotesByNeed', () => {
  it('counts live dots only', () => {
    const counts = countVotesByNeed([
      { needId: 'a', deleted: false }, { needId: 'a', deleted: false }, { needId: 'a', deleted: true }, { needId: 'b', deleted: false },
    ]);
    expect(counts.get('a')).toBe(2);
    expect(counts.get('b')).toBe(1);
    expect(counts.get('c')).toBeUndefined();
  });
});

describe('groupByKind', () => {
  it('keeps every kind in the fixed order, empty ones too', () => {
    const groups = groupByKind([resource('Hall', 'place', []), resource('Anna sews', 'skill', [])]);
    expect(groups.map((g) => g.kind)).toEqual(['skill', 'group', 'institution', 'place', 'equipment', 'natural', 'funding']);
    expect(groups[0]!.resources.map((r) => r.name)).toEqual(['Anna sews']);
    expect(groups[3]!.resources.map((r) => r.name)).toEqual(['Hall']);
    expect(groups[1]!.resources).toEqual([]);
  });
});

describe('toggleId', () => {
  it('adds and removes one id and keeps the rest, hidden ones included', () => {
    expect(toggleId(['x', 'y'], 'z', true)).toEqual(['x', 'y', 'z']);
    expect(toggleId(['x', 'y'], 'x', false)).toEqual(['y']);
    expect(toggleId(['x', 'y'], 'x', true)).toEqual(['y', 'x']);
  });
});

describe('needs in order', () => {
  const need = (id: string, createdAt: number) => ({ id, createdAt });
  const needs = [need('a', 1), need('b', 2), need('c', 3), need('d', 4)];
  const votes = new Map([['a', 3], ['c', 3], ['d', 1]]);

  it('by votes, ties by the date raised (newest first)', () => {
    expect(sortNeeds(needs, votes, 'votes').map((n) => n.id)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('newest or oldest first, whatever the votes', () => {
    expect(sortNeeds(needs, votes, 'newest').map((n) => n.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortNeeds(needs, votes, 'oldest').map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('knows its orders and nothing else', () => {
    expect(isNeedOrder('votes')).toBe(true);
    expect(isNeedOrder('random')).toBe(false);
    expect(isNeedOrder(null)).toBe(false);
  });

  it('offers users and people, each name once, a user before a person of the same name', () => {
    expect(ownerChoices([{ name: 'Jānis Bērziņš' }, { name: 'Anna Ozoliņa' }, { name: ' ' }], [{ name: 'Anna Ozoliņa' }, { name: 'Ārija Kalna' }])).toEqual([
      { name: 'Anna Ozoliņa', kind: 'user' }, { name: 'Ārija Kalna', kind: 'user' }, { name: 'Jānis Bērziņš', kind: 'person' },
    ]);
  });
});
