import { describe, expect, it } from 'vitest';
import { normaliseLatvianPhone, phoneKey } from './phone';

describe('Latvian phone numbers', () => {
  it.each([
    ['20000000'], ['+371 2000 0000'], ['+371 20 000 000'], ['00371 20000000'], ['(+371) 2000-0000'], ['37120000000'], ["'+371 2000 0000"], [' 2000 0000 '],
  ])('%s is +371 2000 0000', (typed) => {
    expect(normaliseLatvianPhone(typed)).toEqual({ kind: 'latvian', phone: '+371 2000 0000' });
  });

  it('keeps fixed lines', () => {
    expect(normaliseLatvianPhone('64 123 456')).toEqual({ kind: 'latvian', phone: '+371 6412 3456' });
  });

  it.each([['+370 612 34567'], ['1234567'], ['200000001'], ['30000000'], ['zvanīt vakarā'], ['+44 20 7946 0000']])('%s is not a Latvian number', (typed) => {
    expect(normaliseLatvianPhone(typed)).toEqual({ kind: 'notLatvian' });
  });

  it('an empty cell is no number at all', () => {
    expect(normaliseLatvianPhone('  ')).toEqual({ kind: 'empty' });
  });

  it('two ways of writing one number have one key', () => {
    expect(phoneKey('+371 26 000 001')).toBe(phoneKey('26000001'));
    expect(phoneKey('')).toBe('');
  });
});
