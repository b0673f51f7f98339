import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_TABLES, COORDINATOR_TABLES, ORGANISATION_TABLES, PATCH_SCHEMAS } from './records';

function issuesOf(result: v.SafeParseResult<v.GenericSchema>): string[] {
  return result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`);
}

describe('text fields', () => {
  it('refuse control characters and unpaired surrogates as invalid_value, before any trimming', () => {
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.needs, { title: 'nul \u0000 inside' }))).toEqual(['title: invalid_value']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.needs, { title: 'Soliņi\u000B' }))).toEqual(['title: invalid_value']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.needs, { description: 'lone \ud800' }))).toEqual(['description: invalid_value']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.swot, { text: '\u0007' }))).toEqual(['text: invalid_value']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.participants, { phone: '+371\u000C2000', email: 'a\u0000@b.lv' }))).toEqual(['phone: invalid_value', 'email: invalid_value']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.communities, { contacts: [{ name: 'Anna\u001B', phone: '', email: '', role: '' }] })))
      .toEqual(['contacts.0.name: invalid_value']);
  });

  it('keep tabs, line breaks and any script as typed', () => {
    const result = v.safeParse(PATCH_SCHEMAS.needs, { title: ' Soliņi 🇱🇻 ', description: 'Pirmā rinda\r\nOtrā\trinda' });
    expect(result.success && result.output).toEqual({ title: 'Soliņi 🇱🇻', description: 'Pirmā rinda\r\nOtrā\trinda' });
  });
});

describe('carrying out the plan', () => {
  it('refuses a negative or fractional amount, a deadline that is not a date, a score outside 1–5', () => {
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.spending, { amountCents: -100 }))).toEqual(['amountCents: too_small']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.spending, { amountCents: 10.5 }))).toEqual(['amountCents: invalid']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.spending, { date: '' }))).toEqual(['date: invalid_date']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.measures, { deadline: '30.04.2026' }))).toEqual(['deadline: invalid_date']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.measures, { link: 'javascript:alert(1)' }))).toEqual(['link: invalid_url']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.measures, { categories: ['roads'] }))).toEqual(['categories.0: invalid_choice']);
    const answer = { statementId: 'a', themeId: 't', themeLv: 'Tēma', themeEn: '', lv: 'Apgalvojums', en: '', score: 6, comment: '' };
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.assessmentRounds, { answers: [answer] }))).toEqual(['answers.0.score: too_large']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.visits, { nextSteps: [{ id: 's', what: 'Zvanīt', who: '', due: 'rīt', done: false }] })))
      .toEqual(['nextSteps.0.due: invalid_date']);
  });

  it('keeps an open deadline (empty) and an unanswered statement (null score)', () => {
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.measures, { deadline: '' }))).toEqual([]);
    const answer = { statementId: 'a', themeId: 't', themeLv: 'Tēma', themeEn: '', lv: 'Apgalvojums', en: '', score: null, comment: '' };
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.assessmentRounds, { answers: [answer] }))).toEqual([]);
  });
});

describe('programmes and enrolments', () => {
  it('refuses a target of an unknown indicator, a fractional grant, a start that is not a date', () => {
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.programmes, { targets: [{ indicator: 'smiles', target: 3, cumulative: false }] })))
      .toEqual(['targets.0.indicator: invalid_choice']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.programmes, { grantLimitActiveCents: 10.5 }))).toEqual(['grantLimitActiveCents: invalid']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.programmes, { start: '' }))).toEqual(['start: invalid_date']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.enrolments, { grantCents: -1 }))).toEqual(['grantCents: too_small']);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.enrolments, { representativeIds: ['Ilze'] }))).toEqual(['representativeIds.0: invalid_id']);
  });

  it('keeps an open end, no mentor yet, an event with or without a programme', () => {
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.programmes, { end: '' }))).toEqual([]);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.enrolments, { mentorId: null, end: '' }))).toEqual([]);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.workshops, { programmeId: null }))).toEqual([]);
    expect(issuesOf(v.safeParse(PATCH_SCHEMAS.workshops, { programmeId: 'KOPA' }))).toEqual(['programmeId: invalid_id']);
  });

  it('programmes are the organisation\'s and coordinators\' alone; enrolments are filed under a community, and written by coordinators', () => {
    expect(ORGANISATION_TABLES).toContain('programmes');
    expect(COORDINATOR_TABLES).toContain('programmes');
    expect(COMMUNITY_TABLES).toContain('enrolments');
    expect(COORDINATOR_TABLES).toContain('enrolments');
  });
});
