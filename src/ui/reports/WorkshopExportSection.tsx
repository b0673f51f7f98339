import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listWorkshopChoices, loadWorkshopExport } from '../../db/report-queries';
import { participantLines, participantTable } from '../../domain/export-rows';
import { exportFileName } from '../../domain/export-table';
import { formatDayInTable, t } from '../../i18n';
import { useServices } from '../app-context';
import { SelectField } from '../components/fields';
import { ExportButtons } from './ExportButtons';
import { participantLabels } from './export-labels';
import { downloadCsv, downloadXlsx } from './download';
import { useExport } from './use-export';

export interface WorkshopExportSectionProps {
  communities: readonly StoredRecord<'communities'>[];
  /** A workshop to start with (from `?workshop=`), if any. */
  initialWorkshopId: string;
}

/** The participant list of one workshop: the people checked in, as XLSX or CSV. */
export function WorkshopExportSection({ communities, initialWorkshopId }: WorkshopExportSectionProps) {
  const { db } = useServices();
  const [communityId, setCommunityId] = useState('');
  const [workshopId, setWorkshopId] = useState(initialWorkshopId);
  const state = useExport();

  // Start on the given workshop's community, or the first community.
  useEffect(() => {
    if (communityId) return;
    void (async () => {
      const start = initialWorkshopId ? await db.workshops.get(initialWorkshopId) : undefined;
      setCommunityId(start?.communityId ?? communities[0]?.id ?? '');
    })();
  }, [db, initialWorkshopId, communities, communityId]);

  const workshops = useLiveQuery(() => listWorkshopChoices(db, communityId), [db, communityId]);
  useEffect(() => {
    if (workshops && !workshops.some((w) => w.id === workshopId)) setWorkshopId(workshops[0]?.id ?? '');
  }, [workshops, workshopId]);
  const data = useLiveQuery(async () => (workshopId ? loadWorkshopExport(db, workshopId) : null), [db, workshopId]);
  const lines = data ? participantLines(data) : [];

  const fileName = (extension: 'xlsx' | 'csv') =>
    data ? exportFileName(t('reports.file.participants'), data.community?.name ?? '', data.workshop.date, extension) : '';
  const table = () => participantTable(lines, participantLabels(), 'workshop');

  return (
    <section class="card export-section" aria-labelledby="export-workshop-heading">
      <h2 id="export-workshop-heading">{t('reports.workshop.heading')}</h2>
      <p class="muted">{t('reports.workshop.hint')}</p>
      <div class="form-grid">
        <SelectField label={t('reports.community')} value={communityId}
          options={communities.map((c) => ({ value: c.id, label: c.name }))} onValue={setCommunityId} />
        <SelectField label={t('reports.workshop.choose')} value={workshopId}
          options={(workshops ?? []).map((w) => ({ value: w.id, label: `${formatDayInTable(w.date)} · ${w.title}` }))}
          onValue={setWorkshopId} />
      </div>
      {workshops?.length === 0 && <p class="muted">{t('reports.workshop.none')}</p>}
      {data && <p class="export-preview" data-testid="workshop-export-count">{t('reports.participantCount', { count: lines.length })}</p>}
      <ExportButtons state={state} disabled={!data} files={[
        { key: 'xlsx', label: t('reports.xlsx'), ariaLabel: t('reports.workshop.xlsx'), make: () => downloadXlsx([table()], fileName('xlsx')) },
        { key: 'csv', label: t('reports.csv'), ariaLabel: t('reports.workshop.csv'), make: () => downloadCsv(table(), fileName('csv')) },
      ]} />
    </section>
  );
}
