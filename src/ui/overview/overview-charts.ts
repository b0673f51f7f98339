// The overview's three charts as specs, in the interface's language.
import { NEED_STATUSES } from '../../../protocol';
import type { Overview } from '../../domain/overview';
import { formatDay, t, tLabel } from '../../i18n';
import { BAR, STATUS_COLORS, type ChartSpec } from './chart-spec';

export function needsByCategoryChart(overview: Overview): ChartSpec {
  return {
    horizontal: true,
    stacked: false,
    labelHeader: t('overview.column.category'),
    labels: overview.needsByCategory.map((row) => tLabel('needCategory', row.key)),
    series: [{ label: t('overview.column.needs'), values: overview.needsByCategory.map((row) => row.count), color: BAR }],
    summaryOrder: 'value',
  };
}

/** `2026-03` → "2026. g. marts" / "Mar 2026". */
export function monthLabel(month: string): string {
  return formatDay(`${month}-01`, { year: 'numeric', month: 'short' });
}

export function attendanceByMonthChart(overview: Overview): ChartSpec {
  return {
    horizontal: false,
    stacked: false,
    labelHeader: t('overview.column.month'),
    labels: overview.attendanceByMonth.map((row) => monthLabel(row.month)),
    axisLabels: overview.attendanceByMonth.map((row) => [
      formatDay(`${row.month}-01`, { month: 'short' }), formatDay(`${row.month}-01`, { year: 'numeric' }),
    ]),
    series: [{ label: t('overview.column.attendance'), values: overview.attendanceByMonth.map((row) => row.attendance), color: BAR }],
    summaryOrder: 'given',
  };
}

export function needsByStatusChart(overview: Overview): ChartSpec {
  return {
    horizontal: true,
    stacked: true,
    labelHeader: t('overview.column.community'),
    labels: overview.communities.map((community) => community.name),
    series: NEED_STATUSES.map((status) => ({
      label: tLabel('needStatus', status),
      values: overview.communities.map((community) => community.needsByStatus[status]),
      color: STATUS_COLORS[status],
    })),
    summaryOrder: 'value',
  };
}
