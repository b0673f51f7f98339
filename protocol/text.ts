// What text and JSON the app and the server accept, wherever it comes from.
// Text holds no control characters but tab and line breaks, and no half of a
// surrogate pair: PostgreSQL refuses NUL outright, the others break logs,
// exports and other programs that read the data, and nobody types them.
// JSON from outside is nested at most MAX_JSON_DEPTH deep and has no key that
// names a JavaScript object's prototype machinery.

/** C0 controls but tab, LF and CR; DEL and the C1 controls; unpaired surrogates (a pair is one code point under /u). */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const FORBIDDEN_CHARACTER = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}]/u;

export function isCleanText(text: string): boolean {
  return !FORBIDDEN_CHARACTER.test(text);
}

/** Deeper than any record needs (a community's contacts are four levels down in a mutation). */
export const MAX_JSON_DEPTH = 16;

/** Keys that reach an object's prototype when code copies them with `obj[key] = value` or Object.assign. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonProblemCode = 'invalid_value' | 'forbidden_key';

export interface JsonProblem {
  /** Keys and indexes from the root to the value (or to the object holding the bad key). */
  path: (string | number)[];
  code: JsonProblemCode;
}

/**
 * The first problem in a parsed JSON value, or null: a string or key that is
 * not clean text, a forbidden key, or containers nested more than `maxDepth`
 * deep (the root object or array is level 1). Walks no deeper than that, so a
 * hostile value costs no more than its size.
 */
export function findJsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const path: (string | number)[] = [];

  function walk(node: unknown, depth: number): JsonProblemCode | null {
    if (typeof node === 'string') return isCleanText(node) ? null : 'invalid_value';
    if (typeof node !== 'object' || node === null) return null;
    if (depth > maxDepth) return 'invalid_value';
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        const problem = walk(node[i], depth + 1);
        if (problem) return problem;
        path.pop();
      }
      return null;
    }
    // Own properties: JSON.parse makes `__proto__` one, which Object.entries lists.
    for (const [key, child] of Object.entries(node)) {
      if (!isCleanText(key)) return 'invalid_value';
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) return 'forbidden_key';
      const problem = walk(child, depth + 1);
      if (problem) return problem;
      path.pop();
    }
    return null;
  }

  const code = walk(value, 1);
  return code ? { path, code } : null;
}

/** A problem's path as `a.b.0.c`, each key cut short, so a message stays short whatever the keys. */
export function jsonPathText(path: readonly (string | number)[], maxKeyLength = 40): string {
  return path.map((key) => {
    const points = [...String(key)];
    return points.length > maxKeyLength ? `${points.slice(0, maxKeyLength).join('')}…` : points.join('');
  }).join('.');
}
