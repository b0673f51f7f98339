import { describe, expect, it } from 'vitest';
import { dotsLeft, tallyVotes, voteToTakeBack } from './votes';

const needs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const vote = (id: string, needId: string, participantId: string | null, castAt = 0, deleted = false) =>
  ({ id, needId, participantId, castAt, deleted });

describe('tallyVotes', () => {
  it('sorts needs by live dots, most first, ties in given order', () => {
    const votes = [vote('1', 'c', 'p'), vote('2', 'c', 'q'), vote('3', 'b', 'p'), vote('4', 'a', 'p', 0, true)];
    expect(tallyVotes(needs, votes).map((row) => [row.need.id, row.votes])).toEqual([['c', 2], ['b', 1], ['a', 0]]);
  });
});

describe('dotsLeft', () => {
  it('counts only the participant’s live dots', () => {
    const votes = [vote('1', 'a', 'p'), vote('2', 'b', 'p'), vote('3', 'b', 'p', 0, true), vote('4', 'a', 'q')];
    expect(dotsLeft(votes, 'p', 3)).toBe(1);
    expect(dotsLeft(votes, 'p', 1)).toBe(0);
    expect(dotsLeft(votes, null, 3)).toBe(Infinity);
  });
});

describe('voteToTakeBack', () => {
  it('picks the newest live dot of that voter on that need', () => {
    const votes = [vote('1', 'a', 'p', 10), vote('2', 'a', 'p', 20), vote('3', 'a', 'p', 30, true), vote('4', 'a', 'q', 40)];
    expect(voteToTakeBack(votes, 'a', 'p')?.id).toBe('2');
    expect(voteToTakeBack(votes, 'b', 'p')).toBeUndefined();
  });
});
