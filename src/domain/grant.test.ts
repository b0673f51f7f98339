import { describe, expect, it } from 'vitest';
import { centsToEuroInput, parseEuroToCents, planTotal } from './grant';

const action = (budgetCents: number, status = 'planned', deleted = false) => ({ budgetCents, status, deleted });

describe('planTotal', () => {
  it('sets the total against 1,000 EUR for an emerging community', () => {
    expect(planTotal([action(40_000), action(50_000)], 'emerging')).toEqual({ totalCents: 90_000, limitCents: 100_000, remainingCents: 10_000, overLimit: false });
  });
  it('sets the total against 3,000 EUR for an active one and flags going over', () => {
    const total = planTotal([action(200_000), action(150_000)], 'active');
    expect(total.limitCents).toBe(300_000);
    expect(total.overLimit).toBe(true);
    expect(total.remainingCents).toBe(-50_000);
  });
  it('leaves out dropped and deleted actions', () => {
    expect(planTotal([action(10_000, 'dropped'), action(20_000, 'planned', true), action(5_000, 'done')], 'emerging').totalCents).toBe(5_000);
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
