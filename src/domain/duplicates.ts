// Likely duplicates in the people register, computed on the device so they
// work offline. Only strong evidence makes a pair: the same folded name
// (case and diacritics aside, word order aside) AND one of the same phone,
// the same e-mail, the same household, or both checked in at the same event
// (two tablets took the same walk-in). A shared name alone is not enough: in
// a parish two people called Jānis Bērziņš are common, and a list of such
// pairs would bury the real ones. Gendered surname forms stay apart
// (Bērziņš and Bērziņa are two people). Strongest pairs first.
import { foldText } from './search';

export interface PersonForMatching {
  id: string;
  name: string;
  phone: string;
  email: string;
  household: string;
  mergedInto?: string | null | undefined;
  erased?: boolean | undefined;
}

export type MatchReason = 'phone' | 'email' | 'household' | 'sameEvent';

export interface DuplicateSuggestion {
  /** The pair, the smaller id first. */
  a: string;
  b: string;
  /** What besides the name matches, strongest first. */
  reasons: MatchReason[];
}

const WEIGHT: Record<MatchReason, number> = { phone: 4, email: 4, sameEvent: 3, household: 2 };

/** A name folded for matching: lower case, no diacritics, words sorted ("Bērziņa Anna" = "anna berzina"). */
export function foldName(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
}

/**
 * A Latvian phone number as its eight national digits ("+371 2000 0000", "00371 20000000" and
 * "2000-0000" all give "20000000"); other numbers as their digits; "" for none.
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('371')) return digits.slice(3);
  if (digits.length === 13 && digits.startsWith('00371')) return digits.slice(5);
  return digits;
}

function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Suggests pairs of people who are likely one person. `attendedTogether` lists, per event, the
 * people checked in at it. Merged-away and erased people are left out; `dismissed` holds pairs a
 * coordinator said are two people ("a b" with the smaller id first).
 */
export function suggestDuplicates(
  people: readonly PersonForMatching[],
  attendedTogether: Iterable<readonly string[]> = [],
  dismissed: ReadonlySet<string> = new Set(),
): DuplicateSuggestion[] {
  const byName = new Map<string, PersonForMatching[]>();
  const nameOf = new Map<string, string>();
  for (const person of people) {
    if (person.mergedInto || person.erased) continue;
    const folded = foldName(person.name);
    if (folded === '') continue;
    nameOf.set(person.id, folded);
    const group = byName.get(folded);
    if (group) group.push(person);
    else byName.set(folded, [person]);
  }

  const sameEvent = new Set<string>();
  for (const attendees of attendedTogether) {
    const byFolded = new Map<string, string[]>();
    for (const id of attendees) {
      const folded = nameOf.get(id);
      if (folded === undefined) continue;
      byFolded.set(folded, [...(byFolded.get(folded) ?? []), id]);
    }
    for (const ids of byFolded.values()) {
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) sameEvent.add(pairKey(ids[i]!, ids[j]!));
    }
  }

  const suggestions: (DuplicateSuggestion & { weight: number })[] = [];
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [first, second] = [group[i]!, group[j]!];
        const key = pairKey(first.id, second.id);
        if (dismissed.has(key)) continue;
        const reasons: MatchReason[] = [];
        const phone = normalisePhone(first.phone);
        if (phone !== '' && phone === normalisePhone(second.phone)) reasons.push('phone');
        const email = foldEmail(first.email);
        if (email !== '' && email === foldEmail(second.email)) reasons.push('email');
        if (sameEvent.has(key)) reasons.push('sameEvent');
        const household = foldText(first.household.trim());
        if (household !== '' && household === foldText(second.household.trim())) reasons.push('household');
        if (reasons.length === 0) continue;
        reasons.sort((x, y) => WEIGHT[y] - WEIGHT[x]);
        const [a, b] = first.id < second.id ? [first.id, second.id] : [second.id, first.id];
        suggestions.push({ a, b, reasons, weight: reasons.reduce((total, reason) => total + WEIGHT[reason], 0) });
      }
    }
  }
  return suggestions
    .sort((x, y) => y.weight - x.weight || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1))
    .map(({ a, b, reasons }) => ({ a, b, reasons }));
}

/** "a b" with the smaller id first. */
export function pairKey(x: string, y: string): string {
  return x < y ? `${x} ${y}` : `${y} ${x}`;
}
