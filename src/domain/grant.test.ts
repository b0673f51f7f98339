import { describe, expect, it } from 'vitest';
import { currentGrantCents } from './enrolment';
import { centsToEuroInput, parseEuroToCents, planTotal } from './grant';

const action = (budgetCents: number, status = 'planned', deleted = false) => ({ budgetCents, status, deleted });
const TODAY = '2026-05-01';
/** The grant of the community's enrolment that runs today. */
const grantOf = (grantCents: number) => currentGrantCents(
  [{ id: 'e1', communityId: 'rauna', start: '2026-01-01', end: '2026-12-31', grantCents, deleted: false }], 'rauna', TODAY,
);

describe('planTotal', () => {
  it('sets the total against the grant of the community\'s current enrolment (1,000 EUR)', () => {
    expect(planTotal([action(40_000), action(50_000)], grantOf(100_000))).toEqual({ totalCents: 90_000, limitCents: 100_000, remainingCents: 10_000, overLimit: false });
  });
  it('flags going over a 3,000 EUR grant', () => {
    const total = planTotal([action(200_000), action(150_000)], grantOf(300_000));
    expect(total.limitCents).toBe(300_000);
    expect(total.overLimit).toBe(true);
    expect(total.remainingCents).toBe(-50_000);
  });
  it('the limit itself is not over it', () => {
    expect(planTotal([action(100_000)], grantOf(100_000)).overLimit).toBe(false);
  });
  it('without an enrolment no grant is set: nothing is over and nothing remains', () => {
    expect(planTotal([action(40_000)], currentGrantCents([], 'rauna', TODAY))).toEqual({ totalCents: 40_000, limitCents: null, remainingCents: null, overLimit: false });
  });
  it('leaves out dropped and deleted actions', () => {
    expect(planTotal([action(10_000, 'dropped'), action(20_000, 'planned', true), action(5_000, 'done')], grantOf(100_000)).totalCents).toBe(5_000);
  });
});

describe('parseEuroToCents', () => {
  it('reads Latvian and English ways of writing an amount', () => {
    expect(parseEuroToCents('1 250,50')).toBe(125_050);
    expect(parseEuroToCents('1250.5')).toBe(125_050);
    expect(parseEuroToCents('€ 30')).toBe(3_000);
    expect(parseEuroToCents('')).toBe(0);
  });
  it('refuses what is not an amount', () => {
    expect(parseEuroToCents('abc')).toBeNull();
    expect(parseEuroToCents('-5')).toBeNull();
    expect(parseEuroToCents('1,234')).toBeNull();
  });
  it('round-trips cents into the input text', () => {
    expect(centsToEuroInput(125_050)).toBe('1250,50');
    expect(centsToEuroInput(3_000)).toBe('30');
  });
});
