// The interface language: Latvian first, English second; remembered across
// reloads in idb-keyval. Components that call t() re-render when it changes.
import { signal } from '@preact/signals';
import { get, set } from 'idb-keyval';
import {
  ACTION_STATUSES, MATURITIES, NEED_CATEGORIES, NEED_STATUSES, PARTICIPANT_ROLES, RESOURCE_KINDS, SWOT_QUADRANTS, WORKSHOP_KINDS,
  WORKSHOP_STATUSES, MEASURE_KINDS, TARGET_INDICATORS,
} from '../../protocol/enums';
import { loadEnglish, loadLatvianRest, lvFirst, type Catalogue, type MessageKey } from './messages';
import * as format from './format';
import { LOCALES, type Language } from './format';
import { renderMessage, type Params } from './translate';

export type { Language };
export const LANGUAGES: readonly Language[] = ['lv', 'en'];
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
  [SWOT_QUADRANTS, 'swot'], [MEASURE_KINDS, 'measureKind'], [TARGET_INDICATORS, 'targetIndicator'],
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
  // The rest of Latvian comes with the first screen that needs it (src/app.tsx, screen()), or when t() misses a
  // string; a first visit to the community list does not fetch it. The service worker precaches it for offline use.
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

// Formatting through Intl in the current language (format.ts makes every
// number, amount and date; docs/glossary.md says which date shape goes where).

/** `2026-11-23` → "2026. gada 23. novembris" / "23 November 2026": a heading or label. */
export function formatDay(value: string, options?: Intl.DateTimeFormatOptions): string {
  return format.day(value, language.value, options);
}

/** `2026-12-06` → `06.12.2026`: a table cell, a list, a print sheet. */
export function formatDayInTable(value: string): string {
  return format.dayInTable(value, language.value);
}

/** `2026-12-06` → "2026. gada 6. decembrī" / "6 December 2026": inside a sentence. */
export function formatDayInText(value: string, withYear = true): string {
  return format.dayInText(value, language.value, withYear);
}

/** `2026-12` → "2026. gada decembrī" / "December 2026": inside a sentence. */
export function formatMonthInText(month: string): string {
  return format.monthInText(month, language.value);
}

export function formatDateTime(ms: number, options?: Intl.DateTimeFormatOptions): string {
  return format.dateTime(ms, language.value, options);
}

export function formatTime(ms: number): string {
  return format.time(ms, language.value);
}

export function formatNumber(value: number): string {
  return format.number(value, language.value);
}

/** An average and the like: "1,7" with one decimal (or `digits`). */
export function formatDecimal(value: number, digits = 1): string {
  return format.decimal(value, language.value, digits);
}

export function formatEuro(cents: number): string {
  return format.euro(cents, language.value);
}

export function formatPercent(share: number): string {
  return format.percent(share, language.value);
}

export function formatBytes(count: number): string {
  return format.bytes(count, language.value);
}

export type { MessageKey };
