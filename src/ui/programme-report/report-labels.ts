// The programme report's and the regional summary's words in the interface's language, for the tables
// the domain shapes (src/domain/programme-report-export.ts, regional-summary.ts).
import type { FigureKey, ProgrammeExportLabels } from '../../domain/programme-report-export';
import type { RegionalSummaryLabels } from '../../domain/regional-summary';
import { formatDayInTable, t, tLabel } from '../../i18n';

/** A figure's name alone ("Iztērēts"), as the screen shows it beside its value. */
export function figureLabel(key: FigureKey | 'eventsByKind' | 'peopleByRole'): string {
  return tLabel('programmeReport.figure', key);
}

function labels(eventName: (date: string, title: string) => string): ProgrammeExportLabels {
  return {
    text: (key) => tLabel('programmeReport.export', key),
    // In a file the amounts' column is a plain number, so the name says the currency.
    figure: (key) => (key.endsWith('Cents') ? t('programmeReport.inEuro', { label: figureLabel(key) }) : figureLabel(key)),
    value: (group, value) => tLabel(group, value),
    eventName,
  };
}

/** For the files: days as `2026-03-14`, which a spreadsheet sorts. */
export function fileLabels(): ProgrammeExportLabels {
  return labels((date, title) => `${date} ${title}`);
}

/** For the lists on screen: days as the screen writes them in a table. */
export function screenLabels(): ProgrammeExportLabels {
  return labels((date, title) => `${formatDayInTable(date)} ${title}`);
}

export function summaryLabels(): RegionalSummaryLabels {
  return {
    sheetNeeds: t('regionalSummary.needs'),
    sheetResources: t('regionalSummary.resources'),
    sheetSwot: t('regionalSummary.sheetSwot'),
    category: t('regionalSummary.category'),
    need: t('regionalSummary.need'),
    community: t('regionalSummary.community'),
    status: t('regionalSummary.status'),
    votes: t('regionalSummary.voteColumn'),
    kind: t('regionalSummary.kind'),
    resource: t('regionalSummary.resource'),
    description: t('regionalSummary.description'),
    quadrant: t('regionalSummary.quadrant'),
    entry: t('regionalSummary.entry'),
    value: (group, value) => tLabel(group, value),
  };
}
