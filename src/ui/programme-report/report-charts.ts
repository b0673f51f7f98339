// The report's three charts as specs (src/ui/overview/chart-spec.ts), in the interface's language.
import { PARTICIPANT_ROLES, WORKSHOP_KINDS, type ProgrammeReport } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { BAR, type ChartSpec } from '../overview/chart-spec';

/** Only the kinds with events: ten kinds, most of them empty in a programme, would crowd the chart. */
export function eventsByKindChart(report: ProgrammeReport): ChartSpec {
  const kinds = WORKSHOP_KINDS.filter((kind) => report.eventsByKind[kind] > 0);
  return {
    horizontal: true,
    stacked: false,
    labelHeader: t('programmeReport.chart.kind'),
    labels: kinds.map((kind) => tLabel('workshopKind', kind)),
    series: [{ label: t('programmeReport.chart.events'), values: kinds.map((kind) => report.eventsByKind[kind]), color: BAR }],
    summaryOrder: 'value',
  };
}

export function peopleByRoleChart(report: ProgrammeReport): ChartSpec {
  const roles = PARTICIPANT_ROLES.filter((role) => report.peopleByRole[role] > 0);
  return {
    horizontal: true,
    stacked: false,
    labelHeader: t('programmeReport.chart.role'),
    labels: roles.map((role) => tLabel('role', role)),
    series: [{ label: t('programmeReport.chart.people'), values: roles.map((role) => report.peopleByRole[role]), color: BAR }],
    summaryOrder: 'value',
  };
}

export function firstTimeChart(report: ProgrammeReport): ChartSpec {
  return {
    horizontal: true,
    stacked: false,
    labelHeader: t('programmeReport.chart.who'),
    labels: [t('programmeReport.figure.firstTimePeople'), t('programmeReport.figure.returningPeople')],
    series: [{ label: t('programmeReport.chart.people'), values: [report.firstTimePeople, report.returningPeople], color: BAR }],
    summaryOrder: 'given',
  };
}
