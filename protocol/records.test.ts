import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PATCH_SCHEMAS } from './records';

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
