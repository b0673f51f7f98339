// Consent at the door: which wording of the consent text is in force, whether a
// person's consent was ever recorded, and how a coordinator's new wording joins
// the organisation's settings (a new version; earlier ones are never rewritten,
// since past consents name the version they were given with).
import type { ConsentText, Participant } from '../../protocol';

/** The wording Talka ships with, used until a coordinator words it their own way (gender-neutral: "piekrītu"). */
export const DEFAULT_CONSENT_TEXT: ConsentText = {
  version: '1',
  from: '2026-01-01',
  lv: 'Piekrītu, ka organizācija glabā manu vārdu, uzvārdu, kontaktinformāciju un ziņas par manu dalību pasākumos, '
    + 'lai aicinātu mani uz kopienas pasākumiem un par tiem atskaitītos. Fotografēšanai piekrītu vai nepiekrītu atsevišķi. '
    + 'Piekrišanu varu jebkurā brīdī atsaukt, un tad mani dati tiks dzēsti.',
  en: 'I agree that the organisation keeps my name, contact details and my attendance at events, '
    + 'to invite me to community events and to report on them. I agree or do not agree to being photographed separately. '
    + 'I may withdraw my consent at any time, and my data will then be erased.',
};

/** The versions the organisation has, oldest first; the shipped one when it has none. */
export function consentVersions(texts: readonly ConsentText[] | undefined): ConsentText[] {
  return texts && texts.length > 0 ? [...texts] : [DEFAULT_CONSENT_TEXT];
}

/**
 * The text in force on `day` (`YYYY-MM-DD`): of the versions whose `from` has come, the latest by
 * `from` (a later entry winning a tie); before any has come, the earliest.
 */
export function currentConsentText(texts: readonly ConsentText[] | undefined, day: string): ConsentText {
  const versions = consentVersions(texts);
  let current: ConsentText | null = null;
  for (const text of versions) {
    if (text.from <= day && (current === null || text.from >= current.from)) current = text;
  }
  return current ?? [...versions].sort((a, b) => a.from.localeCompare(b.from))[0]!;
}

/** The next version's name: one past the highest numbered one. */
export function nextConsentVersion(texts: readonly ConsentText[] | undefined): string {
  const numbers = consentVersions(texts).map((text) => Number.parseInt(text.version, 10)).filter(Number.isFinite);
  return String(Math.max(0, ...numbers) + 1);
}

/**
 * The settings' list with a new wording added: the shipped text kept first when the organisation had
 * none of its own (people consented to it), the earlier versions as they were.
 */
export function withNewConsentText(texts: readonly ConsentText[] | undefined, wording: { lv: string; en: string; from: string }): ConsentText[] {
  const versions = consentVersions(texts);
  return [...versions, { version: nextConsentVersion(versions), from: wording.from, lv: wording.lv.trim(), en: wording.en.trim() }];
}

/** The wording in a language; the Latvian one when the English was left empty. */
export function consentWording(text: ConsentText, language: 'lv' | 'en'): string {
  return language === 'en' && text.en.trim() ? text.en : text.lv;
}

/** Whether the person was never asked (no date recorded): check-in asks them there and then. Erased people are not asked. */
export function consentMissing(person: Pick<Participant, 'consentDate' | 'erased'>): boolean {
  return !person.erased && person.consentDate === '';
}

export interface ConsentAnswer {
  consentData: boolean;
  consentPhotos: boolean;
}

/** The participant's consent fields for answers given on `day` to `text`, recorded by `by` (a user's id). */
export function consentRecord(answer: ConsentAnswer, text: ConsentText, day: string, by: string) {
  return {
    consentData: answer.consentData, consentPhotos: answer.consentPhotos, consentDate: day, consentVersion: text.version, consentBy: by,
  };
}
