import { describe, expect, it } from 'vitest';
import {
  currentEnrolment, currentGrantCents, defaultEnrolmentEnd, endsBeforeStart, grantLimitFor, grantWithinLimit, householdKey, representativeWarnings, runsOn,
} from './enrolment';

const programme = { grantLimitEmergingCents: 100_000, grantLimitActiveCents: 300_000 };
const person = (id: string, household = '') => ({ id, household });

describe('defaultEnrolmentEnd', () => {
  it('ends twelve months on, less a day', () => {
    expect(defaultEnrolmentEnd('2026-03-14')).toBe('2027-03-13');
    expect(defaultEnrolmentEnd('2026-01-01')).toBe('2026-12-31');
  });
  it('a start on the first of a month ends on the last day of the month before, February too', () => {
    expect(defaultEnrolmentEnd('2027-03-01')).toBe('2028-02-29');
    expect(defaultEnrolmentEnd('2026-03-01')).toBe('2027-02-28');
  });
  it('from 29 February it ends on 28 February', () => {
    expect(defaultEnrolmentEnd('2028-02-29')).toBe('2029-02-28');
  });
  it('gives nothing for what is not a day', () => {
    expect(defaultEnrolmentEnd('')).toBe('');
  });
});

describe('grant limit', () => {
  it('takes the programme\'s limit for the maturity at entry', () => {
    expect(grantLimitFor(programme, 'emerging')).toBe(100_000);
    expect(grantLimitFor(programme, 'active')).toBe(300_000);
  });
  it('allows the limit itself, not a cent more', () => {
    expect(grantWithinLimit(100_000, programme, 'emerging')).toBe(true);
    expect(grantWithinLimit(100_001, programme, 'emerging')).toBe(false);
    expect(grantWithinLimit(100_001, programme, 'active')).toBe(true);
  });
});

describe('representativeWarnings', () => {
  it('warns of fewer than two and more than three people', () => {
    expect(representativeWarnings([])).toEqual(['tooFew']);
    expect(representativeWarnings([person('a', 'Ozoli')])).toEqual(['tooFew']);
    expect(representativeWarnings([person('a', '1'), person('b', '2'), person('c', '3'), person('d', '4')])).toEqual(['tooMany']);
  });
  it('has nothing to say of two or three people of different households', () => {
    expect(representativeWarnings([person('a', 'Ozoli'), person('b', 'Bērziņi')])).toEqual([]);
    expect(representativeWarnings([person('a', 'Ozoli'), person('b', 'Bērziņi'), person('c', 'Ozoli')])).toEqual([]);
  });
  it('warns when everyone is of one household, whatever the spelling', () => {
    expect(representativeWarnings([person('a', 'Ozoli'), person('b', ' ozoli ')])).toEqual(['oneHousehold']);
  });
  it('a person without a household written is a household of their own', () => {
    expect(representativeWarnings([person('a'), person('b')])).toEqual([]);
    expect(householdKey(person('a'))).not.toBe(householdKey(person('b')));
  });
  it('a household is its name: one person at home in the community and one tied to it, both "Ozoli", are one', () => {
    const atHome = { ...person('a', 'Ozoli'), communityId: 'rauna' };
    const tied = { ...person('b', 'Ozoli'), communityId: null };
    expect(representativeWarnings([atHome, tied])).toEqual(['oneHousehold']);
  });
  it('counts a person picked twice once', () => {
    expect(representativeWarnings([person('a', 'Ozoli'), person('a', 'Ozoli')])).toEqual(['tooFew']);
  });
});

describe('periods', () => {
  it('runs from its start to its end, both included; an empty end is open', () => {
    const period = { start: '2026-01-01', end: '2026-12-31' };
    expect(runsOn(period, '2025-12-31')).toBe(false);
    expect(runsOn(period, '2026-01-01')).toBe(true);
    expect(runsOn(period, '2026-12-31')).toBe(true);
    expect(runsOn(period, '2027-01-01')).toBe(false);
    expect(runsOn({ start: '2026-01-01', end: '' }, '2030-01-01')).toBe(true);
  });
  it('an end before the start is refused; the same day is a one-day period', () => {
    expect(endsBeforeStart({ start: '2026-02-01', end: '2026-01-31' })).toBe(true);
    expect(endsBeforeStart({ start: '2026-02-01', end: '2026-02-01' })).toBe(false);
    expect(endsBeforeStart({ start: '2026-02-01', end: '' })).toBe(false);
  });
});

describe('currentEnrolment', () => {
  const enrolment = (id: string, start: string, end: string, grantCents: number, more: { communityId?: string; deleted?: boolean } = {}) =>
    ({ id, communityId: more.communityId ?? 'rauna', start, end, grantCents, deleted: more.deleted ?? false });

  it('is the community\'s enrolment whose period holds today', () => {
    const enrolments = [enrolment('past', '2025-01-01', '2025-12-31', 50_000), enrolment('now', '2026-01-01', '2026-12-31', 80_000)];
    expect(currentEnrolment(enrolments, 'rauna', '2026-05-01')?.id).toBe('now');
    expect(currentGrantCents(enrolments, 'rauna', '2026-05-01')).toBe(80_000);
    expect(currentGrantCents(enrolments, 'rauna', '2025-06-01')).toBe(50_000);
  });
  it('of several running today, the one that started last', () => {
    const enrolments = [enrolment('later', '2026-03-01', '', 30_000), enrolment('earlier', '2026-01-01', '2026-12-31', 80_000)];
    expect(currentEnrolment(enrolments, 'rauna', '2026-05-01')?.id).toBe('later');
  });
  it('none when the community is in no programme today, nor for a deleted or another community\'s enrolment', () => {
    expect(currentEnrolment([enrolment('future', '2027-01-01', '', 1)], 'rauna', '2026-05-01')).toBeNull();
    expect(currentEnrolment([enrolment('gone', '2026-01-01', '', 1, { deleted: true })], 'rauna', '2026-05-01')).toBeNull();
    expect(currentGrantCents([enrolment('other', '2026-01-01', '', 1, { communityId: 'drabesi' })], 'rauna', '2026-05-01')).toBeNull();
  });
});
