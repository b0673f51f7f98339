// Lists of records as people see them: deleted ones left out, names in
// Latvian alphabetical order.

const latvian = new Intl.Collator('lv');

/** The rows that exist and are not deleted (missing ones, from a bulk read, left out too). */
export function alive<T extends { deleted: boolean }>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((row): row is T => row !== undefined && !row.deleted);
}

/** Orders records by name as a Latvian reader expects (ā after a, š after s). */
export function byName(a: { name: string }, b: { name: string }): number {
  return latvian.compare(a.name, b.name);
}
