// Calendar days as the protocol stores them (`YYYY-MM-DD`), in the device's own
// time zone: a workshop at 21:00 in Latvia is on that evening's date, not UTC's.

/** The local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
