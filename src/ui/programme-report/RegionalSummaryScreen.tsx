import { useRoute } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import { session } from '../../account/session';
import { useLiveQuery } from '../../db';
import { loadRegionalSummaryInput } from '../../db/programme-report-queries';
import { localDay } from '../../domain/days';
import { exportFileName } from '../../domain/export-table';
import { regionalSummary, regionalSummaryTables } from '../../domain/regional-summary';
import { formatDayInText, formatNumber, t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { ExportButtons } from '../reports/ExportButtons';
import { downloadXlsx } from '../reports/download';
import { useExport } from '../reports/use-export';
import { summaryLabels } from './report-labels';
import '../reports/print.css';
import '../reports/reports.css';
import './programme-report.css';

/**
 * /programmes/:id/summary — what every community enrolled in the programme gathered, in one document:
 * needs by category with their votes, resources by kind, SWOT entries by quadrant, each with its
 * community. Printed on A4 or saved as XLSX; made from this device's data.
 */
export function RegionalSummaryScreen() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const back = `/programmes/${id}`;
  if (session.value?.user.role !== 'coordinator') {
    return <Page title={t('regionalSummary.title')} back={back}><p class="notice" data-testid="only-coordinators">{t('programmeReport.onlyCoordinators')}</p></Page>;
  }
  return <RegionalSummaryView id={id} back={back} />;
}

function RegionalSummaryView({ id, back }: { id: string; back: string }) {
  const { db } = useServices();
  const records = useLiveQuery(() => loadRegionalSummaryInput(db), [db]);
  const summary = useMemo(() => records && regionalSummary(records, id), [records, id]);
  const state = useExport();
  const programme = records?.programmes.find((row) => row.id === id && !row.deleted);
  if (!records || !summary) return <Page title={t('regionalSummary.title')} back={back}><Loading /></Page>;
  if (!programme) return <Page title={t('regionalSummary.title')} back={back}><NotFoundMessage /></Page>;
  const today = localDay(Date.now());
  const none = <p class="muted">{t('regionalSummary.none')}</p>;

  return (
    <Page title={t('regionalSummary.titleOf', { name: programme.name })} back={back} actions={
      <>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('reports.print')}</button>
        <a class="button" href={`/programmes/${id}/report`}>{t('regionalSummary.openReport')}</a>
      </>
    }>
      <p class="muted no-print">{t('regionalSummary.intro')}</p>
      <div class="no-print">
        <ExportButtons state={state} files={[{
          key: 'xlsx', label: t('reports.xlsx'), ariaLabel: t('regionalSummary.xlsx'),
          make: () => downloadXlsx(regionalSummaryTables(summary, summaryLabels()), exportFileName(t('regionalSummary.file'), programme.name, today, 'xlsx')),
        }]} />
      </div>
      <article class="print-sheet regional-summary" aria-labelledby="page-title">
        <section class="report-section" aria-labelledby="summary-communities">
          <h2 id="summary-communities">{t('regionalSummary.communities', { count: summary.communities.length })}</h2>
          {summary.communities.length === 0 ? <p class="notice">{t('regionalSummary.noCommunities')}</p> : (
            <p data-testid="summary-communities">{summary.communities.map((community) => community.name).join(', ')}</p>
          )}
        </section>

        <section class="report-section" aria-labelledby="summary-needs" data-testid="summary-needs">
          <h2 id="summary-needs">{t('regionalSummary.needs')}</h2>
          {summary.needs.length === 0 ? none : summary.needs.map((group) => (
            <section key={group.category} class="summary-group" aria-labelledby={`summary-needs-${group.category}`}>
              <h3 id={`summary-needs-${group.category}`}>
                {tLabel('needCategory', group.category)} <span class="summary-meta">({t('regionalSummary.votes', { count: group.votes })})</span>
              </h3>
              <div class="print-table-scroll" role="region" aria-labelledby={`summary-needs-${group.category}`} tabIndex={0}>
                <table class="print-table report-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('regionalSummary.need')}</th>
                      <th scope="col">{t('regionalSummary.community')}</th>
                      <th scope="col">{t('regionalSummary.status')}</th>
                      <th scope="col" class="col-figure">{t('regionalSummary.voteColumn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.items.map((need) => (
                      <tr key={need.id}>
                        <td>
                          {need.title}
                          {need.grouped > 1 && <span class="summary-meta"> ({t('regionalSummary.grouped', { count: need.grouped })})</span>}
                        </td>
                        <td>{need.community}</td>
                        <td class="col-status">{tLabel('needStatus', need.status)}</td>
                        <td class="col-figure">{formatNumber(need.votes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </section>

        <section class="report-section" aria-labelledby="summary-resources" data-testid="summary-resources">
          <h2 id="summary-resources">{t('regionalSummary.resources')}</h2>
          {summary.resources.length === 0 ? none : summary.resources.map((group) => (
            <section key={group.kind} class="summary-group" aria-labelledby={`summary-resources-${group.kind}`}>
              <h3 id={`summary-resources-${group.kind}`}>{tLabel('resourceKind', group.kind)}</h3>
              <ul>
                {group.items.map((resource) => (
                  <li key={resource.id}>
                    <strong>{resource.name}</strong> — {resource.community}
                    {resource.description && <span class="summary-meta">: {resource.description}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>

        <section class="report-section" aria-labelledby="summary-swot" data-testid="summary-swot">
          <h2 id="summary-swot">{t('regionalSummary.swot')}</h2>
          <div class="report-swot">
            {summary.swot.map((group) => (
              <section key={group.quadrant} class={`report-swot__quadrant report-swot__quadrant--${group.quadrant}`} aria-labelledby={`summary-swot-${group.quadrant}`}>
                <h3 id={`summary-swot-${group.quadrant}`}>{tLabel('swot', group.quadrant)}</h3>
                {group.items.length === 0 ? <p class="muted">—</p> : (
                  <ul>{group.items.map((item) => <li key={item.id}>{item.text} <span class="summary-meta">({item.community})</span></li>)}</ul>
                )}
              </section>
            ))}
          </div>
        </section>

        <p class="print-note">{t('programmeReport.footer', { date: formatDayInText(today) })}</p>
      </article>
    </Page>
  );
}
