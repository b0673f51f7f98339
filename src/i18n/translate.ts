import type { Message } from './types';

export type Params = Record<string, string | number>;

/** The value kept under `key`, made the first time it is asked for (Intl objects cost far more to make than to use). */
export function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const rulesFor = (locale: string) => memo(pluralRules, locale, () => new Intl.PluralRules(locale));
const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormatFor = (locale: string) => memo(numberFormats, locale, () => new Intl.NumberFormat(locale));

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
