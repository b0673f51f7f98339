import type { Message } from './types';

export type Params = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormatFor(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

function interpolate(text: string, params: Params | undefined, locale: string): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormatFor(locale).format(value) : value;
  });
}

/**
 * Renders a message: picks the plural form for `params.count` by the
 * locale's own rules (Latvian: 1, 21, 31 are "one"; 0, 10–20, 30 are "zero")
 * and fills `{name}` placeholders.
 */
export function renderMessage(message: Message, locale: string, params?: Params): string {
  if (typeof message === 'string') return interpolate(message, params, locale);
  const count = typeof params?.count === 'number' ? params.count : 0;
  const form = rulesFor(locale).select(count);
  return interpolate(message[form] ?? message.other, params, locale);
}
