// Merged people (docs/protocol.md, People and merges). A merge is an edit like
// any other: the merged-away person's `mergedInto` names the person who stays.
// Nothing is rewritten: check-ins, dots and ties keep the id they were made
// with, and whoever counts or lists people resolves each id to its survivor
// here, so every device and the server agree whatever order merges arrived in.
// Chains (A into B, B into C) resolve to the end; a cycle (two devices merged
// the same pair in opposite directions offline, or longer rings) resolves to
// the smallest id in it, the same survivor everywhere. A merge into someone
// deleted or not held here stops at the last person known.

export interface MergeLink {
  id: string;
  mergedInto?: string | null | undefined;
  deleted?: boolean | undefined;
}

/** Each person's survivor: `survivors.get(id)` is the id that stands for `id` (itself when not merged). */
export function resolveSurvivors(people: Iterable<MergeLink>): Map<string, string> {
  const next = new Map<string, string | null>();
  const deleted = new Set<string>();
  for (const person of people) {
    next.set(person.id, person.mergedInto ?? null);
    if (person.deleted === true) deleted.add(person.id);
  }
  const survivors = new Map<string, string>();
  for (const [start, target] of next) {
    if (survivors.has(start)) continue;
    // Most people were never merged: they stand for themselves, no walk needed.
    if (target === null) { survivors.set(start, start); continue; }
    const path: string[] = [];
    const onPath = new Set<string>();
    let current = start;
    let survivor: string | undefined;
    for (;;) {
      const known = survivors.get(current);
      if (known !== undefined) { survivor = known; break; }
      if (onPath.has(current)) {
        // A ring: its smallest id stays.
        const ring = path.slice(path.indexOf(current));
        survivor = ring.reduce((least, id) => (id < least ? id : least));
        break;
      }
      path.push(current);
      onPath.add(current);
      const target = next.get(current) ?? null;
      if (target === null || !next.has(target) || deleted.has(target)) { survivor = current; break; }
      current = target;
    }
    for (const id of path) survivors.set(id, survivor);
  }
  return survivors;
}

/** Whether the person counts as themselves (not merged away into someone else). */
export function isSurvivor(survivors: ReadonlyMap<string, string>, id: string): boolean {
  return (survivors.get(id) ?? id) === id;
}

/** The id that stands for `id`. */
export function survivorOf(survivors: ReadonlyMap<string, string>, id: string): string {
  return survivors.get(id) ?? id;
}
