import { describe, expect, it } from 'vitest';
import type { ConsentText } from '../../protocol';
import {
  DEFAULT_CONSENT_TEXT, consentMissing, consentRecord, consentWording, currentConsentText, nextConsentVersion, withNewConsentText,
} from './consent';

const v1: ConsentText = { version: '1', from: '2026-01-01', lv: 'Piekrītu A.', en: 'I agree A.' };
const v2: ConsentText = { version: '2', from: '2026-06-01', lv: 'Piekrītu B.', en: '' };

describe('consent texts', () => {
  it('uses the shipped, gender-neutral text until the organisation words its own', () => {
    expect(currentConsentText(undefined, '2026-12-06')).toBe(DEFAULT_CONSENT_TEXT);
    expect(currentConsentText([], '2026-12-06')).toBe(DEFAULT_CONSENT_TEXT);
    expect(DEFAULT_CONSENT_TEXT.lv).toMatch(/^Piekrītu/);
    expect(DEFAULT_CONSENT_TEXT.lv).not.toMatch(/piekritis|piekritusi/);
  });

  it('takes the latest version in force on the day, and the earliest before any is', () => {
    expect(currentConsentText([v1, v2], '2026-05-31')).toBe(v1);
    expect(currentConsentText([v1, v2], '2026-06-01')).toBe(v2);
    expect(currentConsentText([v2, v1], '2026-12-01')).toBe(v2);
    expect(currentConsentText([v2], '2026-01-01')).toBe(v2);
  });

  it('adds a new wording as the next version, keeping every earlier one and the shipped one it replaces', () => {
    const first = withNewConsentText([], { lv: ' Jauns teksts ', en: 'New text', from: '2026-12-06' });
    expect(first).toEqual([DEFAULT_CONSENT_TEXT, { version: '2', from: '2026-12-06', lv: 'Jauns teksts', en: 'New text' }]);
    const second = withNewConsentText(first, { lv: 'Vēl', en: '', from: '2026-12-07' });
    expect(second.slice(0, 2)).toEqual(first);
    expect(second[2]!.version).toBe('3');
    expect(nextConsentVersion([v1, { ...v2, version: 'x' }])).toBe('2');
  });

  it('shows the Latvian wording in English when the English was left empty', () => {
    expect(consentWording(v1, 'en')).toBe('I agree A.');
    expect(consentWording(v2, 'en')).toBe('Piekrītu B.');
    expect(consentWording(v2, 'lv')).toBe('Piekrītu B.');
  });

  it('asks only people never asked, and not the erased', () => {
    expect(consentMissing({ consentDate: '', erased: false })).toBe(true);
    expect(consentMissing({ consentDate: '2026-01-02', erased: false })).toBe(false);
    expect(consentMissing({ consentDate: '', erased: true })).toBe(false);
  });

  it('records both answers apart, with the day, the version and who recorded them', () => {
    expect(consentRecord({ consentData: true, consentPhotos: false }, v2, '2026-12-06', 'user-1')).toEqual({
      consentData: true, consentPhotos: false, consentDate: '2026-12-06', consentVersion: '2', consentBy: 'user-1',
    });
  });
});
