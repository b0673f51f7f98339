import { useState } from 'preact/hooks';
import type { StoredRecord } from '../../db';
import { loadSpendingExport } from '../../db/report-queries';
import { localDay } from '../../domain/days';
import { actionsTable, needsTable, resourcesTable, spendingTable, type SpendingExportInput } from '../../domain/export-lists';
import { exportFileName, type ExportTable } from '../../domain/export-table';
import type { ListLabels } from '../../domain/export-lists';
import { t, type MessageKey } from '../../i18n';
import { useServices } from '../app-context';
import { SelectField } from '../components/fields';
import { ExportButtons } from './ExportButtons';
import { listLabels } from './export-labels';
import { spendingLabels } from './spending-labels';
import { downloadXlsx } from './download';
import { useExport } from './use-export';

interface ListFile {
  key: string;
  label: MessageKey;
  file: MessageKey;
  table: (input: SpendingExportInput, labels: ListLabels) => ExportTable;
}

const LISTS: readonly ListFile[] = [
  { key: 'needs', label: 'reports.lists.needs', file: 'reports.file.needs', table: needsTable },
  { key: 'resources', label: 'reports.lists.resources', file: 'reports.file.resources', table: resourcesTable },
  { key: 'actions', label: 'reports.lists.actions', file: 'reports.file.actions', table: actionsTable },
  { key: 'spending', label: 'export.spendingList', file: 'export.spendingFile', table: (input) => spendingTable(input, spendingLabels()) },
];

/** Needs with votes and status, the asset map and the action plan of one community or all, as XLSX. */
export function CommunityListsSection({ communities }: { communities: readonly StoredRecord<'communities'>[] }) {
  const { db } = useServices();
  const [communityId, setCommunityId] = useState('');
  const state = useExport();
  const community = communities.find((c) => c.id === communityId);

  const make = (list: ListFile) => async () => {
    const input = await loadSpendingExport(db, communityId);
    const subject = community?.name ?? t('reports.allCommunities');
    await downloadXlsx([list.table(input, listLabels())], exportFileName(t(list.file), subject, localDay(Date.now()), 'xlsx'));
  };

  return (
    <section class="card export-section" aria-labelledby="export-lists-heading">
      <h2 id="export-lists-heading">{t('reports.lists.heading')}</h2>
      <div class="form-grid">
        <SelectField label={t('reports.community')} value={communityId}
          options={[{ value: '', label: t('reports.allCommunities') }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
          onValue={setCommunityId} />
      </div>
      <ExportButtons state={state} files={LISTS.map((list) => ({ key: list.key, label: t(list.label), make: make(list) }))} />
    </section>
  );
}
