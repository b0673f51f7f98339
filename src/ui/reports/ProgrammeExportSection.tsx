import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { loadProgrammeExport } from '../../db/report-queries';
import { listProgrammes } from '../../db/programme-queries';
import { localDay } from '../../domain/days';
import { isPeriod, quarterOf } from '../../domain/export-period';
import {
  attendanceTable, participantLines, participantTable, summarisePeriod, summaryTable, workshopTable,
} from '../../domain/export-rows';
import { exportFileName } from '../../domain/export-table';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { SelectField, TextField } from '../components/fields';
import { ExportButtons } from './ExportButtons';
import { participantLabels } from './export-labels';
import { downloadCsv, downloadXlsx } from './download';
import { useExport } from './use-export';

/** A programme's participants over a period, across every community: the funder's participant list and attendance. */
export function ProgrammeExportSection() {
  const { db } = useServices();
  const programmes = useLiveQuery(() => listProgrammes(db), [db]);
  const [programme, setProgramme] = useState('');
  const [range, setRange] = useState(() => quarterOf(localDay(Date.now())));
  const state = useExport();

  useEffect(() => {
    if (programmes && !programmes.some((row) => row.id === programme)) setProgramme(programmes[0]?.id ?? '');
  }, [programmes, programme]);

  const validRange = isPeriod(range.from, range.to);
  const data = useLiveQuery(
    async () => (programme && validRange ? loadProgrammeExport(db, programme, range.from, range.to) : null),
    [db, programme, range.from, range.to, validRange],
  );
  const lines = data ? participantLines(data) : [];
  const summary = data ? summarisePeriod(data, lines) : null;

  if (programmes === undefined) return null;
  const period = `${range.from}-${range.to}`;
  const programmeName = programmes.find((row) => row.id === programme)?.name ?? '';
  const fileName = (extension: 'xlsx' | 'csv') => exportFileName(t('reports.file.participants'), programmeName, period, extension);
  const tables = () => {
    const labels = participantLabels();
    const facts: [string, string | number][] = [
      [t('reports.summary.programme'), programmeName],
      [t('reports.summary.period'), `${range.from} – ${range.to}`],
      [t('reports.summary.workshops'), summary?.workshops ?? 0],
      [t('reports.summary.participants'), summary?.uniqueParticipants ?? 0],
      [t('reports.summary.attendances'), summary?.attendances ?? 0],
      [t('reports.summary.prepared'), localDay(Date.now())],
    ];
    return {
      summary: summaryTable(t('reports.summary.title'), facts, labels),
      participants: participantTable(lines, labels, 'period'),
      attendance: attendanceTable(lines, labels),
      workshops: data ? workshopTable(data, lines, labels) : null,
    };
  };

  return (
    <section class="card export-section" aria-labelledby="export-programme-heading">
      <h2 id="export-programme-heading">{t('reports.programme.heading')}</h2>
      <p class="muted">{t('reports.programme.hint')}</p>
      {programmes.length === 0 ? <p class="notice">{t('reports.programme.none')}</p> : (
        <>
          <div class="form-grid">
            <SelectField label={t('reports.programme.choose')} value={programme}
              options={programmes.map((row) => ({ value: row.id, label: row.name }))} onValue={setProgramme} />
            <TextField label={t('reports.from')} type="date" value={range.from} onValue={(from) => setRange({ ...range, from })}
              error={validRange ? undefined : t('reports.rangeInvalid')} />
            <TextField label={t('reports.to')} type="date" value={range.to} onValue={(to) => setRange({ ...range, to })} />
          </div>
          {summary && (
            <p class="export-preview" data-testid="programme-export-summary">
              {t('reports.summary.line', {
                workshops: t('reports.workshopCount', { count: summary.workshops }),
                participants: t('reports.participantCount', { count: summary.uniqueParticipants }),
                attendances: t('reports.attendanceCount', { count: summary.attendances }),
              })}
            </p>
          )}
          <ExportButtons state={state} disabled={!data} files={[
            {
              key: 'xlsx', label: t('reports.xlsx'), ariaLabel: t('reports.programme.xlsx'), make: () => {
                const { summary: first, participants, attendance, workshops } = tables();
                return downloadXlsx([first, participants, attendance, ...(workshops ? [workshops] : [])], fileName('xlsx'));
              },
            },
            { key: 'csv', label: t('reports.csv'), ariaLabel: t('reports.programme.csv'), make: () => downloadCsv(tables().participants, fileName('csv')) },
          ]} />
        </>
      )}
    </section>
  );
}
