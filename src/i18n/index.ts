// The interface language: Latvian first, English second; remembered across
// reloads in idb-keyval. Components that call t() re-render when it changes.
import { signal } from '@preact/signals';
import { get, set } from 'idb-keyval';
import {
  ACTION_STATUSES, MATURITIES, NEED_CATEGORIES, NEED_STATUSES, PARTICIPANT_ROLES, RESOURCE_KINDS, SWOT_QUADRANTS, WORKSHOP_KINDS,
  WORKSHOP_STATUSES, MEASURE_KINDS,
} from '../../protocol/enums';
import { afterFirstScreen } from '../pwa/first-screen';
import { loadEnglish, loadLatvianRest, lvFirst, type Catalogue, type MessageKey } from './messages';
import { memo, renderMessage, type Params } from './translate';

export type Language = 'lv' | 'en';
export const LANGUAGES: readonly Language[] = ['lv', 'en'];
const LOCALES: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };
const LANGUAGE_KEY = 'talka:language';

export const language = signal<Language>('lv');
/** Bumped when more messages arrive, so components that used t() render again. */
const messagesLoaded = signal(0);
let latvian: Partial<Catalogue> = lvFirst;
let english: Catalogue | null = null;
let latvianRest: Promise<void> | null = null;

/** Loads the Latvian strings of the screens after the first one (once). */
export function loadAllMessages(): Promise<void> {
  latvianRest ??= loadLatvianRest().then(
    (rest) => {
      latvian = { ...latvian, ...rest };
      messagesLoaded.value++;
    },
    (error: unknown) => {
      latvianRest = null; // try again on the next t() that misses
      throw error;
    },
  );
  return latvianRest;
}

async function ensureCatalogue(lang: Language): Promise<void> {
  if (lang === 'en' && !english) english = await loadEnglish();
  if (lang === 'lv') await loadAllMessages();
}

function messageFor(key: string): Catalogue[MessageKey] | undefined {
  void messagesLoaded.value;
  const own = language.value === 'en' && english ? english : latvian;
  const found: Partial<Record<string, Catalogue[MessageKey]>> = own;
  return found[key];
}

export function locale(): string {
  return LOCALES[language.value];
}

export function t(key: MessageKey, params?: Params): string {
  const message = messageFor(key);
  if (message === undefined) {
    // Not loaded yet (a moment after start): the component renders again when it is.
    loadAllMessages().catch(() => undefined);
    return '';
  }
  return renderMessage(message, LOCALES[language.value], params);
}

/** Translates a code from the protocol schemas (`required`, `too_long`, …). */
export function tValidation(code: string): string {
  const key = `validation.${code}`;
  return isMessageKey(key) ? t(key) : t('validation.invalid');
}

export function isMessageKey(key: string): key is MessageKey {
  return messageFor(key) !== undefined;
}

/** The label of a value from a closed set, e.g. tLabel('needCategory', 'safety'). */
export function tLabel(group: string, value: string): string {
  const key = `${group}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** The message group that names the values of each closed set. */
const CHOICE_GROUPS = new Map<readonly string[], string>([
  [MATURITIES, 'maturity'], [WORKSHOP_KINDS, 'workshopKind'], [WORKSHOP_STATUSES, 'workshopStatus'], [PARTICIPANT_ROLES, 'role'],
  [NEED_CATEGORIES, 'needCategory'], [NEED_STATUSES, 'needStatus'], [RESOURCE_KINDS, 'resourceKind'], [ACTION_STATUSES, 'actionStatus'],
  [SWOT_QUADRANTS, 'swot'], [MEASURE_KINDS, 'measureKind'],
]);

/** A value of a closed set (protocol/enums.ts) in the user's language; the value itself for a set without labels. */
export function tChoice(choices: readonly string[], value: string): string {
  const group = CHOICE_GROUPS.get(choices);
  return group ? tLabel(group, value) : value;
}

function applyToDocument(lang: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function loadLanguage(): Promise<void> {
  const saved = await get<unknown>(LANGUAGE_KEY).catch(() => undefined);
  // The rest of Latvian follows the first screen (sooner if a screen asks t() for a string not loaded yet).
  void afterFirstScreen().then(loadAllMessages).catch(() => undefined);
  if (saved === 'en') {
    await ensureCatalogue('en').catch(() => undefined);
    if (english) language.value = 'en';
  }
  applyToDocument(language.value);
}

export async function setLanguage(lang: Language): Promise<void> {
  await ensureCatalogue(lang);
  language.value = lang;
  applyToDocument(lang);
  await set(LANGUAGE_KEY, lang);
}

// Formatting through Intl in the current language. Formatters are made once
// per locale and options (building one costs far more than formatting with
// it, and lists format a date per row).

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  memo(dateFormats, `${locale()}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale(), options));
const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
  memo(numberFormats, `${locale()}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale(), options));

/** `2026-11-23` → "2026. gada 23. novembris" / "23 November 2026". */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const [y, m, d] = day.split('-').map(Number);
  return dateFormat({ ...options, timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!));
}

export function formatDateTime(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return dateFormat(options).format(ms);
}

export function formatTime(ms: number): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatEuro(cents: number): string {
  return numberFormat({ style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat({ style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

export type { MessageKey };
