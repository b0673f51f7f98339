import { describe, expect, it } from 'vitest';
import type { ProgrammeReportInput } from '../../protocol';
import { memoisedProgrammeReport } from './programme-report-memo';

function input(): ProgrammeReportInput {
  return {
    programmes: [{ id: 'p1', deleted: false, start: '2026-01-01', end: '2026-12-31', targets: [] }],
    enrolments: [], communities: [{ id: 'c1', deleted: false, municipality: 'LV-002' }],
    workshops: [
      { id: 'e1', deleted: false, communityId: 'c1', date: '2026-03-10', kind: 'workshop', status: 'held', programmeId: 'p1' },
      { id: 'e2', deleted: false, communityId: 'c1', date: '2026-04-10', kind: 'workshop', status: 'held', programmeId: 'p1' },
    ],
    participants: [{ id: 'a', deleted: false, name: 'Anna', communityId: 'c1', household: '', role: 'resident', erased: false }],
    attendance: [{ id: 'x1', deleted: false, workshopId: 'e1', participantId: 'a' }, { id: 'x2', deleted: false, workshopId: 'e2', participantId: 'a' }],
    needs: [], actions: [],
  };
}

describe('the programme report, counted once per records and range', () => {
  it('gives the same report object for the same records and range, and counts anew for another range or other records', () => {
    const records = input();
    const whole = memoisedProgrammeReport(records, { programmeId: 'p1' });
    expect(memoisedProgrammeReport(records, { programmeId: 'p1', from: '', to: '' })).toBe(whole);
    const april = memoisedProgrammeReport(records, { programmeId: 'p1', from: '2026-04-01', to: '2026-04-30' });
    expect([whole?.events, april?.events, april?.returningPeople]).toEqual([2, 1, 1]);
    const changed = { ...input(), attendance: input().attendance.slice(0, 1) };
    expect(memoisedProgrammeReport(changed, { programmeId: 'p1' })?.participations).toBe(1);
    expect(memoisedProgrammeReport(records, { programmeId: 'p1' })).toBe(whole);
  });

  it('keeps a dozen ranges, forgetting the oldest first', () => {
    const records = input();
    const first = memoisedProgrammeReport(records, { programmeId: 'p1', from: '2026-01-01' });
    for (let day = 2; day <= 13; day++) memoisedProgrammeReport(records, { programmeId: 'p1', from: `2026-01-${String(day).padStart(2, '0')}` });
    expect(memoisedProgrammeReport(records, { programmeId: 'p1', from: '2026-01-01' })).not.toBe(first);
  });
});
