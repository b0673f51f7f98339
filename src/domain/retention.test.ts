import { describe, expect, it } from 'vitest';
import { flagForReview, monthsBefore, parseRetentionMonths } from './retention';

describe('monthsBefore', () => {
  it('steps back whole calendar months, across years, clamping to the shorter month', () => {
    expect(monthsBefore('2026-11-23', 6)).toBe('2026-05-23');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-11-23', 24)).toBe('2024-11-23');
  });
});

describe('parseRetentionMonths', () => {
  it('takes whole months from 1 to 120', () => {
    expect(parseRetentionMonths(' 18 ')).toBe(18);
    expect(parseRetentionMonths('0')).toBeNull();
    expect(parseRetentionMonths('121')).toBeNull();
    expect(parseRetentionMonths('1,5')).toBeNull();
    expect(parseRetentionMonths('')).toBeNull();
  });
});

describe('flagForReview', () => {
  const day = (text: string) => new Date(`${text}T12:00:00`).getTime();
  const person = (id: string, name: string, created: string, extra = {}) => ({ id, name, createdAt: day(created), erased: false, deleted: false, ...extra });
  const input = {
    participants: [
      person('recent', 'Anna', '2023-01-01'),
      person('old', 'Jānis', '2023-01-01'),
      person('never', 'Līga', '2024-02-01'),
      person('new', 'Pēteris', '2026-10-01'),
      person('erased', 'Dzēsts dalībnieks', '2023-01-01', { erased: true }),
      person('deleted', 'Ilze', '2023-01-01', { deleted: true }),
    ],
    workshops: [
      { id: 'w-old', date: '2024-03-10', deleted: false },
      { id: 'w-new', date: '2026-09-01', deleted: false },
    ],
    attendance: [
      { participantId: 'recent', workshopId: 'w-old', checkedInAt: day('2024-03-10'), deleted: false },
      { participantId: 'recent', workshopId: 'w-new', checkedInAt: day('2026-09-01'), deleted: false },
      { participantId: 'old', workshopId: 'w-old', checkedInAt: day('2024-03-10'), deleted: false },
      // Checked out: not seen there.
      { participantId: 'old', workshopId: 'w-new', checkedInAt: day('2026-09-01'), deleted: true },
      { participantId: 'erased', workshopId: 'w-old', checkedInAt: day('2024-03-10'), deleted: false },
    ],
  };

  it('flags people whose last attendance, or creation when they never came, is older than N months; oldest first', () => {
    const flagged = flagForReview(input, '2026-11-23', 24);
    expect(flagged.map((f) => [f.participant.id, f.lastSeen, f.attended])).toEqual([['never', '2024-02-01', 0], ['old', '2024-03-10', 1]]);
  });

  it('leaves out erased and deleted people, and flags nobody seen within the period', () => {
    expect(flagForReview(input, '2026-11-23', 36).map((f) => f.participant.id)).toEqual([]);
    expect(flagForReview(input, '2026-11-23', 1).map((f) => f.participant.id)).toEqual(['never', 'old', 'recent', 'new']);
  });
});
