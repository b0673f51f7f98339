// The SWOT board's arrangement of items: one column per quadrant, oldest
// first, so a point stays where the group saw it appear.
import { SWOT_QUADRANTS, keyed, type SwotQuadrant } from '../../protocol';

export function groupByQuadrant<T extends { quadrant: SwotQuadrant; createdAt: number; id: string }>(items: readonly T[]): Record<SwotQuadrant, T[]> {
  const groups = keyed(SWOT_QUADRANTS, (): T[] => []);
  for (const item of items) groups[item.quadrant].push(item);
  for (const quadrant of SWOT_QUADRANTS) {
    groups[quadrant].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return groups;
}

/** The workshop held on `today`, if there is exactly one: items typed during it most likely come from it. */
export function workshopOnDay<T extends { id: string; date: string }>(workshops: readonly T[], today: string): string {
  const held = workshops.filter((workshop) => workshop.date === today);
  return held.length === 1 ? held[0]!.id : '';
}

/** A short form of a text for a toast or a button's label. */
export function previewText(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}

/** Today's date on this device, `YYYY-MM-DD`, in local time. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
