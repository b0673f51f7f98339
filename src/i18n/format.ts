// Every number, amount and date the interface shows is made here, through
// Intl in the given language, never by hand (docs/glossary.md, Dates and
// numbers). Dates have three shapes:
// - in a table or list cell: `06.12.2026` (dayInTable);
// - in running text, after a verb or a noun: Latvian's locative,
//   "2026. gada 6. decembrī", "2026. gada decembrī" (dayInText, monthInText);
// - alone as a heading or label: "2026. gada 6. decembris" (day).
// src/i18n/latvian-messages.test.ts fails on a screen that builds one itself.
import { memo } from './translate';

export type Language = 'lv' | 'en';
export const LOCALES: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const dateFormat = (lang: Language, options: Intl.DateTimeFormatOptions) =>
  memo(dateFormats, `${lang}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(LOCALES[lang], options));
const numberFormat = (lang: Language, options: Intl.NumberFormatOptions = {}) =>
  memo(numberFormats, `${lang}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(LOCALES[lang], options));

/** Latvian month names in the locative ("decembrī"): Intl gives only the nominative and genitive. */
const LV_MONTHS_LOCATIVE = [
  'janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī',
] as const;

function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** `2026-12-06` → "2026. gada 6. decembris" / "6 December 2026" (a heading or label). */
export function day(day: string, lang: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const parts = parseDay(day);
  if (!parts) return day;
  return dateFormat(lang, { ...options, timeZone: 'UTC' }).format(utc(parts.y, parts.m, parts.d));
}

/** `2026-12-06` → `06.12.2026` / `06/12/2026`: table cells, lists, print sheets. */
export function dayInTable(value: string, lang: Language): string {
  return day(value, lang, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** `2026-12-06` → "2026. gada 6. decembrī" ("6. decembrī" without the year) / "6 December 2026": inside a sentence. */
export function dayInText(value: string, lang: Language, withYear = true): string {
  const parts = parseDay(value);
  if (!parts) return value;
  if (lang === 'en') return day(value, lang, withYear ? { dateStyle: 'long' } : { day: 'numeric', month: 'long' });
  const dayAndMonth = `${numberFormat(lang).format(parts.d)}. ${LV_MONTHS_LOCATIVE[parts.m - 1]!}`;
  return withYear ? `${String(parts.y)}. gada ${dayAndMonth}` : dayAndMonth;
}

/** `2026-12` → "2026. gada decembrī" / "December 2026": a month inside a sentence. */
export function monthInText(month: string, lang: Language): string {
  const parts = parseDay(`${month}-01`);
  if (!parts) return month;
  if (lang === 'en') return day(`${month}-01`, lang, { year: 'numeric', month: 'long' });
  return `${String(parts.y)}. gada ${LV_MONTHS_LOCATIVE[parts.m - 1]!}`;
}

export function dateTime(ms: number, lang: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return dateFormat(lang, options).format(ms);
}

export function time(ms: number, lang: Language): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function number(value: number, lang: Language): string {
  return numberFormat(lang).format(value);
}

/** 1.666… → "1,7" / "1.7": a figure with a fixed number of decimals (an average). */
export function decimal(value: number, lang: Language, digits = 1): string {
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Cents → "1 234,50 €" / "€1,234.50": the only way an amount reaches the screen. */
export function euro(cents: number, lang: Language): string {
  return numberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** 0.125 → "12,5 %" (one decimal below 10 %). */
export function percent(share: number, lang: Language): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: share < 0.1 ? 1 : 0 }).format(share);
}

export function bytes(count: number, lang: Language): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat(lang, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
