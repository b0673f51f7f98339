// Calendar days as the protocol stores them (`YYYY-MM-DD`), in the device's own
// time zone: a workshop at 21:00 in Latvia is on that evening's date, not UTC's.

/** The numbers of a `YYYY-MM` month or a `YYYY-MM-DD` day (day 1 for a month); NaN for parts that are missing. */
export function dayParts(text: string): { year: number; month: number; day: number } {
  const [year = NaN, month = NaN, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

export function monthParts(text: string): { year: number; month: number } {
  const { year, month } = dayParts(text);
  return { year, month };
}

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
