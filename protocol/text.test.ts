import { describe, expect, it } from 'vitest';
import { findJsonProblem, isCleanText, jsonPathText, MAX_JSON_DEPTH } from './text';

/** `[[[…'bottom'…]]]`, `depth` arrays deep. */
function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('isCleanText', () => {
  it('accepts what people type: letters of any script, emoji, tabs and line breaks, direction marks', () => {
    for (const text of ['', 'Ķemeru ūdeņi — “pēdiņas”', 'a\tb\nc\r\nd', '🇱🇻 ☕ 😀', '\u202Egnp.exe', 'nbsp\u00A0here', "'; DROP TABLE x; --"]) {
      expect(isCleanText(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('refuses NUL and the other control characters, and unpaired surrogates', () => {
    for (const text of ['nul \u0000', '\u0001', 'bell\u0007', 'vertical\u000Btab', 'form\u000Cfeed', '\u001B[31mred', 'del\u007F', 'c1\u0085', '\u009F',
      'lone \ud800 high', 'lone \udfff low', 'reversed \udc00\ud800 pair', 'cut pair \ud83d']) {
      expect(isCleanText(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('findJsonProblem', () => {
  it('finds nothing in clean values, however wide', () => {
    expect(findJsonProblem({ title: 'Soliņi', contacts: [{ name: 'Anna', phone: '+371 2000 0000' }], n: 3, ok: true, none: null })).toBeNull();
    expect(findJsonProblem(Array.from({ length: 10_000 }, (_, i) => ({ i, text: `rinda ${i}` })))).toBeNull();
    expect(findJsonProblem('plain')).toBeNull();
    expect(findJsonProblem(42)).toBeNull();
  });

  it('names the path to bad text, in values and in keys (the key itself left out)', () => {
    expect(findJsonProblem({ fields: { contacts: [{ name: 'a\u0000' }] } })).toEqual({ path: ['fields', 'contacts', 0, 'name'], code: 'invalid_value' });
    expect(findJsonProblem({ fields: { ['bad\u0001key']: 1 } })).toEqual({ path: ['fields'], code: 'invalid_value' });
    expect(findJsonProblem(['\ud800'])).toEqual({ path: [0], code: 'invalid_value' });
    expect(findJsonProblem('\u0000')).toEqual({ path: [], code: 'invalid_value' });
  });

  it('refuses __proto__, constructor and prototype as keys at any depth', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const parsed: unknown = JSON.parse(`{"fields":{"winnerValue":[{"ok":1,"${key}":{"isAdmin":true}}]}}`);
      expect(findJsonProblem(parsed), key).toEqual({ path: ['fields', 'winnerValue', 0, key], code: 'forbidden_key' });
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // As values they are just words.
    expect(findJsonProblem({ title: '__proto__', role: 'constructor' })).toBeNull();
  });

  it(`allows ${MAX_JSON_DEPTH} levels of nesting and refuses one more, without walking further`, () => {
    expect(findJsonProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    const tooDeep = findJsonProblem(nested(MAX_JSON_DEPTH + 1));
    expect(tooDeep?.code).toBe('invalid_value');
    expect(tooDeep?.path).toHaveLength(MAX_JSON_DEPTH);
    // Far deeper than the call stack would allow a naive walk.
    expect(findJsonProblem(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))?.code).toBe('invalid_value');
    expect(findJsonProblem({ a: nested(3) }, 3)?.path).toEqual(['a', 0, 0]);
  });
});

describe('jsonPathText', () => {
  it('joins with dots and cuts long keys at a character boundary', () => {
    expect(jsonPathText(['fields', 'contacts', 0, 'name'])).toBe('fields.contacts.0.name');
    expect(jsonPathText(['😀'.repeat(50)], 3)).toBe('😀😀😀…');
  });
});
