import { useRoute } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PARTICIPANT_ROLES, WORKSHOP_KINDS } from '../../../protocol';
import { session } from '../../account/session';
import { useLiveQuery } from '../../db';
import { loadLastSync } from '../../db/meta';
import { localDay } from '../../domain/days';
import { exportFileName } from '../../domain/export-table';
import { figureList, programmeReportTables, summaryTable, type FigureKey } from '../../domain/programme-report-export';
import { formatDateTime, formatDayInTable, formatDayInText, formatNumber, t, tLabel } from '../../i18n';
import { syncStatus } from '../../sync/status';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { ChartFigure } from '../overview/ChartFigure';
import { DataTable } from '../overview/DataTable';
import { ExportButtons } from '../reports/ExportButtons';
import { downloadCsv, downloadXlsx } from '../reports/download';
import { useExport } from '../reports/use-export';
import { RangeForm } from './RangeForm';
import { ReportFigures } from './ReportFigures';
import { ReportTable } from './ReportTable';
import { TargetBars } from './TargetBars';
import { eventMonths, rangeProblem } from './range';
import { eventsByKindChart, firstTimeChart, peopleByRoleChart } from './report-charts';
import { figureLabel, fileLabels, screenLabels } from './report-labels';
import { useProgrammeReport, type ReportRange } from './use-programme-report';
import '../overview/overview.css';
import '../reports/print.css';
import '../reports/reports.css';
import './programme-report.css';

/** A day range as the screen writes it: "01.03.2026 – 31.03.2026", or from a day with no end. */
function rangeText(from: string, to: string): string {
  return to === ''
    ? t('programmeReport.periodOpen', { from: formatDayInTable(from) })
    : t('programmeReport.periodRange', { from: formatDayInTable(from), to: formatDayInTable(to) });
}

/**
 * /programmes/:id/report — a programme's indicator report for a coordinator: the figures over a range of
 * days, each opening the list behind it, charts, targets, a printable A4 view and XLSX and CSV files.
 * Computed on this device (protocol/programme-report.ts) from what it holds, so it works offline.
 */
export function ProgrammeReportScreen() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const back = `/programmes/${id}`;
  if (session.value?.user.role !== 'coordinator') {
    return <Page title={t('programmeReport.title')} back={back}><p class="notice" data-testid="only-coordinators">{t('programmeReport.onlyCoordinators')}</p></Page>;
  }
  return <ProgrammeReportView id={id} back={back} />;
}

function ProgrammeReportView({ id, back }: { id: string; back: string }) {
  const { db } = useServices();
  // What was typed, and the last range that holds: a wrong date keeps what was typed and the figures stay.
  const [typed, setTyped] = useState<ReportRange | null>(null);
  const [applied, setApplied] = useState<ReportRange>({ from: '', to: '' });
  const [open, setOpen] = useState<FigureKey | null>(null);
  const { records, lookup, report } = useProgrammeReport(id, applied);
  const storedSync = useLiveQuery(() => loadLastSync(db), [db]);
  const lastSync = syncStatus.value?.lastSyncAt ?? storedSync ?? null;
  const state = useExport();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const months = useMemo(() => (records ? eventMonths(records.workshops, id) : []), [records, id]);
  const list = open && report && lookup ? figureList(open, report, lookup, screenLabels()) : null;

  useEffect(() => {
    if (open) listHeading.current?.focus();
  }, [open]);

  const programme = records?.programmes.find((row) => row.id === id && !row.deleted);
  if (records === undefined || report === undefined || !lookup) return <Page title={t('programmeReport.title')} back={back}><Loading /></Page>;
  if (report === null || !programme) return <Page title={t('programmeReport.title')} back={back}><NotFoundMessage /></Page>;

  const shown = typed ?? { from: programme.start, to: programme.end };
  const problem = rangeProblem(shown, programme);
  const onRange = (next: ReportRange) => {
    setTyped(next);
    if (rangeProblem(next, programme) === null) setApplied(next);
  };
  const today = localDay(Date.now());
  const period = report.to === '' ? report.from : `${report.from}_${report.to}`;
  const fileName = (extension: 'xlsx' | 'csv') => exportFileName(t('programmeReport.file'), programme.name, period, extension);

  return (
    <Page title={t('programmeReport.titleOf', { name: programme.name })} back={back} actions={
      <>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('reports.print')}</button>
        <a class="button" href={`/programmes/${id}/summary`}>{t('programmeReport.openSummary')}</a>
      </>
    }>
      <article class="print-sheet programme-report" aria-labelledby="page-title">
        <header class="print-header">
          <dl class="print-facts">
            <div><dt>{t('programmeReport.funder')}</dt><dd>{programme.funder || '—'}</dd></div>
            <div><dt>{t('programmeReport.organiser')}</dt><dd>{programme.organiser || '—'}</dd></div>
            <div><dt>{t('programmeReport.period')}</dt><dd>{rangeText(programme.start, programme.end)}</dd></div>
          </dl>
        </header>

        <RangeForm programme={programme} range={shown} problem={problem} months={months} year={today.slice(0, 4)} onRange={onRange} />

        <p class="report-shown" role="status" data-testid="report-range">
          {t('programmeReport.rangeShown', { range: rangeText(report.from, report.to) })}
        </p>
        <p class="muted report-data-note" data-testid="report-sync-note">
          {lastSync === null ? t('programmeReport.neverSynced') : t('programmeReport.dataNote', { time: formatDateTime(lastSync) })}
        </p>

        <ReportFigures report={report} open={open} onOpen={(key) => setOpen(open === key ? null : key)} />

        {open && list && (
          <section id="report-list" class="report-section report-list" aria-labelledby="report-list-title" data-testid="report-list">
            <div class="report-list__head">
              <h2 id="report-list-title" ref={listHeading} tabIndex={-1}>{t('programmeReport.listOf', { figure: figureLabel(open) })}</h2>
              <button type="button" class="button" onClick={() => {
                // Back to the figure the list was opened from, so a keyboard does not start again at the top.
                document.querySelector<HTMLButtonElement>(`[data-testid="figure-${open}"]`)?.focus();
                setOpen(null);
              }}>{t('programmeReport.closeList')}</button>
            </div>
            {list.rows.length === 0 ? <p class="muted">{t('programmeReport.listEmpty')}</p>
              : <ReportTable table={list} caption={figureLabel(open)} testId="report-list-table" />}
          </section>
        )}

        <section class="report-section report-charts no-print" aria-label={t('programmeReport.charts')}>
          <div class="overview-charts">
            <ChartFigure title={t('programmeReport.chart.eventsByKind')} spec={eventsByKindChart(report)} testId="chart-events-by-kind" />
            <ChartFigure title={t('programmeReport.chart.peopleByRole')} spec={peopleByRoleChart(report)} testId="chart-people-by-role" />
            <ChartFigure title={t('programmeReport.chart.firstTime')} spec={firstTimeChart(report)} testId="chart-first-time" />
          </div>
        </section>

        <section class="report-section report-breakdowns print-only" aria-label={t('programmeReport.charts')}>
          <DataTable caption={t('programmeReport.chart.eventsByKind')}
            columns={[{ header: t('programmeReport.chart.kind') }, { header: t('programmeReport.chart.events'), numeric: true }]}
            rows={WORKSHOP_KINDS.filter((kind) => report.eventsByKind[kind] > 0)
              .map((kind) => ({ key: kind, header: tLabel('workshopKind', kind), cells: [formatNumber(report.eventsByKind[kind])] }))} />
          <DataTable caption={t('programmeReport.chart.peopleByRole')}
            columns={[{ header: t('programmeReport.chart.role') }, { header: t('programmeReport.chart.people'), numeric: true }]}
            rows={PARTICIPANT_ROLES.filter((role) => report.peopleByRole[role] > 0)
              .map((role) => ({ key: role, header: tLabel('role', role), cells: [formatNumber(report.peopleByRole[role])] }))} />
        </section>

        <TargetBars targets={report.targets} />

        <section class="report-section no-print" aria-labelledby="report-files-title">
          <h2 id="report-files-title">{t('reports.exports.title')}</h2>
          <p class="muted">{t('programmeReport.exportHint')}</p>
          <ExportButtons state={state} files={[
            {
              key: 'xlsx', label: t('reports.xlsx'), ariaLabel: t('programmeReport.xlsx'),
              make: () => downloadXlsx(programmeReportTables(report, lookup, fileLabels(), today), fileName('xlsx')),
            },
            {
              key: 'csv', label: t('reports.csv'), ariaLabel: t('programmeReport.csv'),
              make: () => downloadCsv(summaryTable(report, lookup, fileLabels(), today), fileName('csv')),
            },
          ]} />
        </section>

        <p class="print-note">{t('programmeReport.footer', { date: formatDayInText(today) })}</p>
      </article>
    </Page>
  );
}
