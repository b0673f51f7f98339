import { formatDayInTable, t } from '../../i18n';

/** A programme's or an enrolment's period in a line: "01.01.2026–31.12.2026", or "no 01.01.2026" while open-ended. */
export function periodText({ start, end }: { start: string; end: string }): string {
  return end === ''
    ? t('programmes.from', { start: formatDayInTable(start) })
    : t('programmes.period', { start: formatDayInTable(start), end: formatDayInTable(end) });
}
