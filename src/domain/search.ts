// Search that forgives missing diacritics and case: `berzins` finds `Bērziņš`,
// `ozolina` finds `Ozoliņa`.

/** Lower case with diacritics removed (NFD, combining marks dropped). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export interface SearchIndex<T> {
  items: readonly T[];
  folded: readonly string[];
}

/** Folds each item's searchable text once, so each keystroke only compares strings. */
export function buildSearchIndex<T>(items: readonly T[], text: (item: T) => string): SearchIndex<T> {
  return { items, folded: items.map((item) => foldText(text(item))) };
}

/** Items whose text contains every word of the query, in index order. */
export function searchIndex<T>(index: SearchIndex<T>, query: string, limit = Infinity): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.items.slice(0, limit);
  const found: T[] = [];
  for (let i = 0; i < index.items.length && found.length < limit; i++) {
    const haystack = index.folded[i]!;
    if (words.every((word) => haystack.includes(word))) found.push(index.items[i]!);
  }
  return found;
}
