import type { Count } from '../../domain/overview';
import { formatNumber, t, tLabel } from '../../i18n';
import { Card } from '../components/page';
import { DataTable } from './DataTable';

export interface CountTableProps<K extends string> {
  title: string;
  /** Label group of the keys, e.g. 'role' or 'resourceKind' (see tLabel). */
  group: string;
  labelHeader: string;
  counts: readonly Count<K>[];
  hint?: string;
  testId?: string;
}

/** A closed set of values with how many of each, and the total. */
export function CountTable<K extends string>({ title, group, labelHeader, counts, hint, testId }: CountTableProps<K>) {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <Card title={title} class="overview-count" testId={testId}>
      {hint && <p class="muted overview-note">{hint}</p>}
      <DataTable caption={title} hideCaption
        columns={[{ header: labelHeader }, { header: t('overview.column.count'), numeric: true }]}
        rows={counts.map((row) => ({
          key: row.key, header: tLabel(group, row.key), cells: [formatNumber(row.count)], class: row.count === 0 ? 'is-zero' : undefined,
        }))}
        foot={{ header: t('overview.total'), cells: [formatNumber(total)] }} />
    </Card>
  );
}
