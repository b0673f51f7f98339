import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

describe('changedFields', () => {
  const before = { name: 'Anna Ozoliņa', phone: '', consentData: false, dots: 3 };

  it('keeps only the fields whose value changed', () => {
    expect(changedFields(before, { ...before, phone: '+371 20000000', dots: 5 })).toEqual({ phone: '+371 20000000', dots: 5 });
  });

  it('gives nothing when nothing changed, so no write is needed', () => {
    expect(changedFields(before, { ...before })).toEqual({});
  });

  it('a change to a falsy value is still a change', () => {
    expect(changedFields({ ...before, consentData: true }, before)).toEqual({ consentData: false });
  });
});
