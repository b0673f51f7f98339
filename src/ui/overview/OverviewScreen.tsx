import { useLocation } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { loadOverviewRecords } from '../../db/overview-queries';
import { computeOverview } from '../../domain/overview';
import { filtersToQuery, programmeChoices, readFilters, type OverviewFilters } from '../../domain/overview-filters';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { BudgetTable } from './BudgetTable';
import { SpentVsGranted } from '../progress/SpentVsGranted';
import { ChartFigure } from './ChartFigure';
import { CommunityTable } from './CommunityTable';
import { CountTable } from './CountTable';
import { FigureGrid } from './FigureGrid';
import { FilterBar } from './FilterBar';
import { attendanceByMonthChart, needsByCategoryChart, needsByStatusChart } from './overview-charts';
import { TopNeedsTable } from './TopNeedsTable';
import './overview.css';

/**
 * /overview — every community of the organisation at once, for a coordinator
 * reporting to a funder. Computed on this device from what it holds, so it
 * works offline after a sync; the filters live in the URL for bookmarks.
 */
export function OverviewScreen() {
  const { db } = useServices();
  const { query, route } = useLocation();
  const records = useLiveQuery(() => loadOverviewRecords(db), [db]);
  const filters = readFilters(query);
  const filterKey = filtersToQuery(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey stands for the filters
  const overview = useMemo(() => (records ? computeOverview(records, filters) : undefined), [records, filterKey]);
  const choices = useMemo(() => records && {
    municipalities: [...new Set(records.communities.filter((community) => !community.deleted).map((community) => community.municipality))],
    programmes: programmeChoices(records.programmes),
  }, [records]);

  const title = t('overview.title');
  if (!records || !overview || !choices) return <Page title={title}><Loading /></Page>;

  const applyFilters = (next: OverviewFilters) => {
    const search = filtersToQuery(next);
    route(search ? `/overview?${search}` : '/overview', true);
  };

  if (overview.totals.allCommunities === 0) {
    return <Page title={title}><p class="notice">{t('overview.empty')}</p></Page>;
  }

  return (
    <Page title={title}>
      <p class="muted overview-intro">{t('overview.intro')}</p>
      <FilterBar filters={filters} municipalities={choices.municipalities} programmes={choices.programmes} onChange={applyFilters} />
      <p class="overview-shown" role="status" data-testid="overview-shown">
        {t('overview.shown', { count: overview.totals.communities, total: overview.totals.allCommunities })}
      </p>
      {overview.totals.communities === 0 ? <p class="notice">{t('overview.noMatch')}</p> : (
        <>
          <FigureGrid totals={overview.totals} />
          <div class="overview-charts">
            <ChartFigure title={t('overview.chart.needsByCategory')} spec={needsByCategoryChart(overview)} testId="chart-needs-by-category" />
            <ChartFigure title={t('overview.chart.attendanceByMonth')} spec={attendanceByMonthChart(overview)} testId="chart-attendance" />
            <ChartFigure title={t('overview.chart.needsByStatus')} spec={needsByStatusChart(overview)} testId="chart-needs-by-status" />
          </div>
          <div class="overview-tables">
            <TopNeedsTable needs={overview.topNeeds} />
            <CommunityTable communities={overview.communities} />
            <BudgetTable budgets={overview.budgets} totals={overview.budgetTotals} />
            <SpentVsGranted budgets={overview.budgets} />
            <CountTable title={t('overview.participantsByRole')} hint={t('overview.participantsByRoleHint')} group="role"
              labelHeader={t('overview.column.role')} counts={overview.participantsByRole} testId="overview-roles" />
            <CountTable title={t('overview.needsByStatus')} group="needStatus"
              labelHeader={t('overview.column.status')} counts={overview.needsByStatus} testId="overview-needs-by-status" />
            <CountTable title={t('overview.resourcesByKind')} group="resourceKind"
              labelHeader={t('overview.column.kind')} counts={overview.resourcesByKind} testId="overview-resources" />
          </div>
          <p class="muted overview-note">{t('overview.notByPeriod')}</p>
        </>
      )}
    </Page>
  );
}
