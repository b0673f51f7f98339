import { describe, expect, it } from 'vitest';
import { isSurvivor, resolveSurvivors, survivorOf } from './people-merge';

const person = (id: string, mergedInto: string | null = null, deleted = false) => ({ id, mergedInto, deleted });

describe('resolveSurvivors', () => {
  it('leaves people who were never merged as themselves', () => {
    const survivors = resolveSurvivors([person('a'), person('b')]);
    expect([survivorOf(survivors, 'a'), survivorOf(survivors, 'b')]).toEqual(['a', 'b']);
    expect(survivorOf(survivors, 'unknown')).toBe('unknown');
  });

  it('follows a chain to its end: A into B, B into C', () => {
    const survivors = resolveSurvivors([person('a', 'b'), person('b', 'c'), person('c')]);
    expect(['a', 'b', 'c'].map((id) => survivorOf(survivors, id))).toEqual(['c', 'c', 'c']);
    expect(isSurvivor(survivors, 'a')).toBe(false);
    expect(isSurvivor(survivors, 'c')).toBe(true);
  });

  it('resolves opposite merges made offline to the smallest id, whatever order the records come in', () => {
    const forward = resolveSurvivors([person('m2', 'm1'), person('m1', 'm2')]);
    const backward = resolveSurvivors([person('m1', 'm2'), person('m2', 'm1')]);
    expect([survivorOf(forward, 'm1'), survivorOf(forward, 'm2')]).toEqual(['m1', 'm1']);
    expect(backward).toEqual(forward);
  });

  it('resolves a longer ring and the chains that lead into it to one survivor', () => {
    const survivors = resolveSurvivors([person('x', 'c'), person('c', 'd'), person('d', 'b'), person('b', 'c')]);
    expect(['x', 'b', 'c', 'd'].map((id) => survivorOf(survivors, id))).toEqual(['b', 'b', 'b', 'b']);
  });

  it('stops at the last person known when the target is deleted or not held here', () => {
    const survivors = resolveSurvivors([person('a', 'gone'), person('b', 'c'), person('c', null, true)]);
    expect(survivorOf(survivors, 'a')).toBe('a');
    expect(survivorOf(survivors, 'b')).toBe('b');
  });

  it('an undone merge (mergedInto back to null) gives the person back', () => {
    expect(survivorOf(resolveSurvivors([person('a', null), person('b')]), 'a')).toBe('a');
  });
});
