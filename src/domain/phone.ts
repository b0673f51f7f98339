// Latvian phone numbers as people write them in a spreadsheet: `20000000`, `+371 2000 0000`,
// `00371 20 000 000`, `(+371) 2000-0000`, or a number cell 37120000000. Written back one way,
// `+371 2000 0000`, so the same number typed two ways is found to be the same.

/** Eight digits; mobile numbers start with 2, fixed lines with 6, free and service numbers with 8 or 9. */
const NATIONAL = /^[2689]\d{7}$/;

export type PhoneCheck =
  | { kind: 'empty' }
  | { kind: 'latvian'; phone: string }
  | { kind: 'notLatvian' };

export function normaliseLatvianPhone(typed: string): PhoneCheck {
  // A leading apostrophe is how a spreadsheet (and Talka's own CSV) keeps `+371 …` from being a formula.
  const text = typed.trim().replace(/^'(?=[+\d(])/, '');
  if (text === '') return { kind: 'empty' };
  if (!/^[+\d\s().-]+$/.test(text)) return { kind: 'notLatvian' };
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+') || text.startsWith('(+')) {
    if (!digits.startsWith('371')) return { kind: 'notLatvian' };
    digits = digits.slice(3);
  } else if (digits.startsWith('00371')) {
    digits = digits.slice(5);
  } else if (digits.length === 11 && digits.startsWith('371')) {
    digits = digits.slice(3);
  }
  if (!NATIONAL.test(digits)) return { kind: 'notLatvian' };
  return { kind: 'latvian', phone: `+371 ${digits.slice(0, 4)} ${digits.slice(4)}` };
}

/** The digits that identify a number, for comparing two ways of writing it ('' when none). */
export function phoneKey(typed: string): string {
  const check = normaliseLatvianPhone(typed);
  if (check.kind === 'latvian') return check.phone.replace(/\D/g, '');
  return typed.replace(/\D/g, '');
}
