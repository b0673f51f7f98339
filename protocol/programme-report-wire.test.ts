import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProgrammeReport } from './programme-report';
import {
  isCalendarDay, programmeReportQuerySchema, programmeReportResponseSchema, REPORT_ROW_SCHEMAS, type ProgrammeReportResponse,
} from './programme-report-wire';

const ID = '01968b12-fe80-7000-8000-000000000001';

/** The code of the first issue, or 'ok'. */
function codeOf(query: Record<string, unknown>): string {
  const result = v.safeParse(programmeReportQuerySchema, query);
  return result.success ? 'ok' : result.issues[0].message;
}

describe('programme report query', () => {
  it('takes a record id and two optional days, both ends inclusive', () => {
    expect(v.parse(programmeReportQuerySchema, { programmeId: ID })).toEqual({ programmeId: ID, from: '', to: '' });
    expect(v.parse(programmeReportQuerySchema, { programmeId: ID, from: '2026-03-01', to: '2026-03-01', other: 'x' }))
      .toEqual({ programmeId: ID, from: '2026-03-01', to: '2026-03-01' });
    expect(codeOf({ programmeId: ID, from: '', to: '2026-03-31' })).toBe('ok');
  });

  it('refuses an id that is not one, a day not of the calendar, a range that ends before it starts', () => {
    expect(codeOf({ programmeId: 'drošas-kopienas' })).toBe('bad_id');
    expect(codeOf({ programmeId: ID.toUpperCase() })).toBe('bad_id');
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-1', '01.03.2026', '2026-03-01T00:00']) {
      expect(codeOf({ programmeId: ID, from: day }), day).toBe('bad_date');
      expect(codeOf({ programmeId: ID, to: day }), day).toBe('bad_date');
    }
    expect(codeOf({ programmeId: ID, from: '2026-04-01', to: '2026-03-31' })).toBe('bad_range');
  });

  it('knows leap days', () => {
    expect([isCalendarDay('2024-02-29'), isCalendarDay('2000-02-29'), isCalendarDay('1900-02-29'), isCalendarDay('2026-12-31')]).toEqual([true, true, false, true]);
  });
});

describe('programme report reply', () => {
  it('is what programmeReport returns, type for type', () => {
    expectTypeOf<ProgrammeReportResponse>().toEqualTypeOf<ProgrammeReport>();
  });

  it('refuses a reply without a figure', () => {
    expect(v.safeParse(programmeReportResponseSchema, { programmeId: ID, from: '', to: '' }).success).toBe(false);
  });
});

describe('report rows', () => {
  it('read the fields the report uses and leave the rest', () => {
    const parsed = v.parse(REPORT_ROW_SCHEMAS.participants, {
      id: ID, deleted: false, name: 'Ilze', communityId: null, household: '', role: 'resident', erased: false, phone: '+371 2000 0000',
    });
    expect(parsed).toEqual({ id: ID, deleted: false, name: 'Ilze', communityId: null, household: '', role: 'resident', erased: false });
    expect(v.safeParse(REPORT_ROW_SCHEMAS.workshops, { id: ID, deleted: false, communityId: null, date: '2026-03-01', kind: 'party', status: 'held' }).success).toBe(false);
  });
});
