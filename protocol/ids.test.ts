import { describe, expect, it } from 'vitest';
import { attendanceId, derivedId, enrolmentIdFor, programmeIdFor, programmeKey, uuidv7, UUID_PATTERN } from './ids';

const zeros = (n: number) => new Uint8Array(n);

describe('uuidv7', () => {
  it('puts the time first and sets version and variant', () => {
    const id = uuidv7(0x0190_1234_5678, zeros);
    expect(id).toBe('01901234-5678-7000-8000-000000000000');
    expect(UUID_PATTERN.test(id)).toBe(true);
  });
  it('sorts by creation time', () => {
    const random = (n: number) => new Uint8Array(n).fill(255);
    expect(uuidv7(1000, random) < uuidv7(1001, zeros)).toBe(true);
  });
});

describe('derived ids', () => {
  it('are the same on every device for the same parts', () => {
    const w = '01901234-5678-7000-8000-000000000001';
    const p = '01901234-5678-7000-8000-000000000002';
    expect(attendanceId(w, p)).toBe(attendanceId(w, p));
    expect(attendanceId(w, p)).not.toBe(attendanceId(p, w));
    expect(UUID_PATTERN.test(attendanceId(w, p))).toBe(true);
    expect(derivedId('a', 'b')).not.toBe(derivedId('ab'));
  });
});

describe('programme ids', () => {
  const org = '01901234-5678-7000-8000-000000000001';
  const other = '01901234-5678-7000-8000-000000000002';

  it('compare names trimmed, spaces collapsed and lowercased the Latvian way', () => {
    expect(programmeKey('  Drošas   KOPIENAS ')).toBe('drošas kopienas');
    expect(programmeKey('ĒRGĻU\tprogramma')).toBe('ērgļu programma');
  });

  it('are one per organisation and name, whatever its spelling', () => {
    const id = programmeIdFor(org, 'Drošas kopienas');
    expect(UUID_PATTERN.test(id)).toBe(true);
    expect(programmeIdFor(org, ' drošas  KOPIENAS')).toBe(id);
    expect(id).toBe(derivedId('programme', org, 'drošas kopienas'));
    expect(programmeIdFor(org, 'Drosas kopienas')).not.toBe(id);
    expect(programmeIdFor(other, 'Drošas kopienas')).not.toBe(id);
  });

  it('give a community one enrolment per programme', () => {
    const programme = programmeIdFor(org, 'Drošas kopienas');
    expect(enrolmentIdFor(other, programme)).toBe(derivedId('enrolment', other, programme));
    expect(enrolmentIdFor(other, programme)).not.toBe(enrolmentIdFor(org, programme));
  });
});
