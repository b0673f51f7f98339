// Walks every Latvian message (docs/glossary.md): none missing, none left in
// English, every count through Intl.PluralRules('lv') with Latvian's three
// forms, and no number, amount or date built by hand, neither in a message
// nor in the code that fills one in (format.ts is the one place that formats).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as format from './format';
import { lvFirst } from './messages';
import { en } from './messages/en';
import { lvRest } from './messages/lv-rest';
import { renderMessage } from './translate';
import type { Message } from './types';

const lv: Record<string, Message> = { ...lvFirst, ...lvRest };
const english: Record<string, Message> = en;

/**
 * Latvian messages that are rightly the same as the English ones: the
 * product's name, the languages' own names (each written in its language, so
 * a reader who does not read the other finds it), file format names, and a
 * line of unit symbols (px, MB) that both languages write alike.
 */
const SAME_IN_BOTH = new Set([
  'app.name', 'settings.languageEn', 'settings.languageLv', 'reports.xlsx', 'reports.csv', 'photos.details',
  // A figure's name with the currency's code after it ("Iztērēts, EUR").
  'programmeReport.inEuro',
]);

const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
/** The words of a message, placeholders left out: a message of only placeholders and punctuation is the same in every language. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]+/gu, ' ').trim();

describe('every Latvian message', () => {
  it('is there for every key the English has, and the other way round', () => {
    expect(Object.keys(english).filter((key) => !(key in lv))).toEqual([]);
    expect(Object.keys(lv).filter((key) => !(key in english))).toEqual([]);
  });

  it('is not empty', () => {
    expect(Object.entries(lv).filter(([, message]) => texts(message).some((text) => text.trim() === '')).map(([key]) => key)).toEqual([]);
  });

  it('is not left in English', () => {
    const same = Object.keys(lv).filter((key) => {
      if (SAME_IN_BOTH.has(key)) return false;
      const ours = texts(lv[key]!).map(words).join('|');
      return ours !== '' && ours === texts(english[key]!).map(words).join('|');
    });
    expect(same).toEqual([]);
  });

  it('keeps the list of messages the same in both languages short and true', () => {
    for (const key of SAME_IN_BOTH) expect(JSON.stringify(lv[key]), key).toBe(JSON.stringify(english[key]));
  });

  it('counts through plural forms: zero, one and other, each saying the count', () => {
    const bad = Object.entries(lv).filter(([, message]) => {
      if (typeof message === 'string') {
        // A count in running text needs its noun to agree with it; in brackets after a heading it stands alone.
        return /\{count\}/.test(message.replace(/\(\{count\}\)/g, ''));
      }
      return message.zero === undefined || message.one === undefined || texts(message).some((text) => !text.includes('{count}') && !/\{\w+\}/.test(text));
    });
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('leaves amounts, dates and numbers to the formatters: no currency, date parts or digits beside a placeholder', () => {
    const byHand = [
      /\{\w+\}\s*(€|EUR\b)/, /(€|EUR)\s*\{\w+\}/, // an amount with its currency glued on: formatEuro says it
      /\{\w+\}[./-]\{\w+\}/, /gada\s*\{\w+\}/, /\{\w+\}\.?\s*gad/, /\{\w+\}\.\s*(janv|febr|mart|apr|mai|jūn|jūl|aug|sept|okt|nov|dec)/i, // a date pieced together: formatDayInText / formatDayInTable
      /\d\{\w+\}|\{\w+\}\d/, /\{\w+\}\s*%/, // digits or a percent sign stuck to a number
    ];
    const bad = Object.entries(lv).filter(([, message]) => texts(message).some((text) => byHand.some((pattern) => pattern.test(text))));
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('fills every number in through Intl.NumberFormat(lv)', () => {
    const big = 1234567.5;
    const expected = new Intl.NumberFormat('lv-LV').format(big);
    for (const [key, message] of Object.entries(lv)) {
      const names = new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
      if (names.size === 0) continue;
      const params = Object.fromEntries([...names].map((name) => [name, big]));
      const out = renderMessage(message, 'lv-LV', params);
      expect(out.split(expected).length - 1, key).toBeGreaterThanOrEqual(1);
      expect(out, key).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('Latvian plural forms', () => {
  const say = (key: string, count: number) => renderMessage(lv[key]!, 'lv-LV', { count });

  it('1, 21 and 101 take "one"; 0 and 11 the genitive "zero"; 2 "other"', () => {
    expect([0, 1, 2, 11, 21, 101].map((count) => say('checkin.count', count))).toEqual([
      '0 dalībnieku', '1 dalībnieks', '2 dalībnieki', '11 dalībnieku', '21 dalībnieks', '101 dalībnieks',
    ]);
    expect([0, 1, 2, 11, 21, 101].map((count) => say('sync.pending', count))).toEqual([
      '0 izmaiņu gaida nosūtīšanu', '1 izmaiņa gaida nosūtīšanu', '2 izmaiņas gaida nosūtīšanu', '11 izmaiņu gaida nosūtīšanu',
      '21 izmaiņa gaida nosūtīšanu', '101 izmaiņa gaida nosūtīšanu',
    ]);
    expect([0, 1, 2, 11, 21, 101].map((count) => new Intl.PluralRules('lv').select(count))).toEqual(['zero', 'one', 'other', 'zero', 'one', 'one']);
  });

  it('English has one and other', () => {
    expect([0, 1, 2, 11, 21].map((count) => renderMessage(english['checkin.count']!, 'en-GB', { count }))).toEqual([
      '0 participants', '1 participant', '2 participants', '11 participants', '21 participants',
    ]);
  });
});

describe('the formatting module', () => {
  it('writes euros the Latvian way, through Intl', () => {
    expect(format.euro(123450, 'lv')).toBe(new Intl.NumberFormat('lv-LV', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(format.euro(123450, 'lv').replace(/\s/g, ' ')).toMatch(/^1 ?234,50 €$/);
  });

  it('puts a date in running text in the locative and in a table as 06.12.2026', () => {
    expect(format.dayInText('2026-12-06', 'lv')).toBe('2026. gada 6. decembrī');
    expect(format.dayInText('2026-12-06', 'lv', false)).toBe('6. decembrī');
    expect(format.dayInText('2026-03-21', 'lv', false)).toBe('21. martā');
    expect(format.monthInText('2026-12', 'lv')).toBe('2026. gada decembrī');
    expect(format.monthInText('2026-07', 'lv')).toBe('2026. gada jūlijā');
    expect(format.dayInTable('2026-12-06', 'lv')).toBe('06.12.2026');
    expect(format.day('2026-12-06', 'lv')).toBe('2026. gada 6. decembris');
    expect(format.dayInText('2026-12-06', 'en')).toBe('6 December 2026');
    expect(format.monthInText('2026-12', 'en')).toBe('December 2026');
  });

  it('leaves a value that is not a day as it is', () => {
    expect(format.dayInText('someday', 'lv')).toBe('someday');
    expect(format.dayInTable('', 'lv')).toBe('');
  });
});

// The screens fill messages in; they must not format numbers, amounts or dates themselves.
const root = process.cwd();
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Formatting by hand, with why each one is refused. */
const BY_HAND: readonly [pattern: RegExp, why: string, only?: string][] = [
  [/new Intl\.(NumberFormat|DateTimeFormat|PluralRules|RelativeTimeFormat)\b/, 'a formatter of its own: use src/i18n/format.ts through i18n'],
  [/\.toLocale(Date|Time)?String\(/, 'toLocaleString: use formatNumber / formatDay…'],
  [/\.toFixed\(/, 'toFixed writes a decimal point: use formatNumber / formatEuro'],
  // src/domain computes days from dates (days.ts); a screen only shows them.
  [/\.get(UTC)?(Date|Month|FullYear)\(\)/, 'a date taken apart on a screen: use formatDayInText / formatDayInTable', 'src/ui/'],
  [/[`'"][^`'"\n]*(€|\bEUR\b)[^`'"\n]*[`'"]\s*\+|\+\s*[`'"][^`'"\n]*(€|\bEUR\b)|\$\{[^}]+\}\s*(€|EUR\b)/, 'a currency glued on: use formatEuro'],
  [/===?\s*1\s*\?\s*['"`]/, 'a plural chosen by hand: use a plural message'],
];

/** Files allowed one of the above, and why. */
const ALLOWED = new Map<string, RegExp>([
  // The one formatting module.
  ['src/i18n/format.ts', /./],
  ['src/i18n/translate.ts', /Intl\.(PluralRules|NumberFormat)/],
  // The amount as typed into the budget field, which parseEuroToCents reads back: not shown as an amount.
  ['src/domain/grant.ts', /toFixed/],
]);

describe('screens leave formatting to src/i18n/format.ts', () => {
  const files = [...sources(join(root, 'src/ui')), ...sources(join(root, 'src/domain')), ...sources(join(root, 'src/i18n')), join(root, 'src/app.tsx')];

  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));

  it('no screen formats a number, amount or date by hand', () => {
    const found: string[] = [];
    for (const file of files) {
      const name = relative(root, file);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const [pattern, why, only] of BY_HAND) {
          if (only && !name.startsWith(only)) continue;
          if (pattern.test(line) && !ALLOWED.get(name)?.test(line)) found.push(`${name}:${String(index + 1)} ${why}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches a hand-made amount, date and plural', () => {
    const caught = (line: string) => BY_HAND.some(([pattern]) => pattern.test(line));
    expect(caught('const s = `${euros} €`;')).toBe(true);
    expect(caught("const s = amount.toFixed(2) + ' EUR';")).toBe(true);
    expect(caught('const d = `${date.getDate()}.${date.getMonth() + 1}`;')).toBe(true);
    expect(caught("const word = n === 1 ? 'dalībnieks' : 'dalībnieki';")).toBe(true);
    expect(caught('const s = formatEuro(cents);')).toBe(false);
  });
});
