import { SWOT_QUADRANTS } from '../../../protocol';
import type { WorkshopReportData } from '../../db/report-queries';
import { currentGrantCents } from '../../domain/enrolment';
import { planTotal } from '../../domain/grant';
import { groupByQuadrant } from '../../domain/swot-board';
import { tallyVotes } from '../../domain/votes';
import { formatDayInTable, formatDayInText, formatEuro, t, tLabel } from '../../i18n';
import { useObjectUrl } from '../photos/blob-urls';
import { WorkshopHeader } from './WorkshopHeader';


export interface WorkshopReportProps {
  data: WorkshopReportData;
  /** `YYYY-MM-DD`: the day the report is made, as the action plan stands that day. */
  today: string;
}

/** The workshop's report, to print or save as PDF: facts, agenda, notes, attendance, needs and dots, SWOT, action plan, photos. */
export function WorkshopReport({ data, today }: WorkshopReportProps) {
  const { workshop, community } = data;
  const tally = tallyVotes(data.needs, data.votes);
  const dots = tally.reduce((sum, row) => sum + row.votes, 0);
  const swot = groupByQuadrant(data.swot);
  const needTitles = new Map(data.needs.map((need) => [need.id, need.title]));
  const total = community ? planTotal(data.actions, currentGrantCents(data.enrolments, community.id, today)) : null;

  return (
    <article class="print-sheet workshop-report" aria-label={t('reports.report.sheetLabel')}>
      <WorkshopHeader workshop={workshop} community={community} />
      <p class="report-attendance" data-testid="report-attendance">
        {t('reports.report.attendance', { count: data.attendanceCount })}
      </p>

      <section class="report-section" aria-labelledby="report-agenda">
        <h3 id="report-agenda">{t('workshop.agenda')}</h3>
        {workshop.agenda.trim() ? <p class="prewrap">{workshop.agenda}</p> : <p class="muted">{t('reports.report.none')}</p>}
      </section>

      <section class="report-section" aria-labelledby="report-notes">
        <h3 id="report-notes">{t('workshop.notes')}</h3>
        {workshop.notes.trim() ? <p class="prewrap">{workshop.notes}</p> : <p class="muted">{t('reports.report.none')}</p>}
      </section>

      <section class="report-section" aria-labelledby="report-needs">
        <h3 id="report-needs">{t('reports.report.needs')}</h3>
        {tally.length === 0 ? <p class="muted">{t('reports.report.none')}</p> : (
          <div class="print-table-scroll" role="group" tabIndex={0} aria-labelledby="report-needs">
            <table class="print-table report-table">
              <thead>
                <tr>
                  <th scope="col" class="col-number">{t('reports.col.number')}</th>
                  <th scope="col">{t('reports.col.need')}</th>
                  <th scope="col">{t('reports.col.category')}</th>
                  <th scope="col">{t('reports.col.status')}</th>
                  <th scope="col" class="col-figure">{t('reports.col.votes')}</th>
                </tr>
              </thead>
              <tbody>
                {tally.map(({ need, votes }, index) => (
                  <tr key={need.id}>
                    <td class="col-number">{index + 1}</td>
                    <td>{need.title}</td>
                    <td>{tLabel('needCategory', need.category)}</td>
                    <td>{tLabel('needStatus', need.status)}</td>
                    <td class="col-figure">{votes}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>{t('reports.col.total')}</th>
                  <td class="col-figure">{dots}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section class="report-section" aria-labelledby="report-swot">
        <h3 id="report-swot">{t('reports.report.swot')}</h3>
        {data.swot.length === 0 ? <p class="muted">{t('reports.report.none')}</p> : (
          <div class="report-swot">
            {SWOT_QUADRANTS.map((quadrant) => (
              <section key={quadrant} class={`report-swot__quadrant report-swot__quadrant--${quadrant}`} aria-labelledby={`report-swot-${quadrant}`}>
                <h4 id={`report-swot-${quadrant}`}>{tLabel('swot', quadrant)}</h4>
                {swot[quadrant].length === 0 ? <p class="muted">—</p> : (
                  <ul>{swot[quadrant].map((item) => <li key={item.id}>{item.text}</li>)}</ul>
                )}
              </section>
            ))}
          </div>
        )}
      </section>

      <section class="report-section" aria-labelledby="report-plan">
        <h3 id="report-plan">{t('reports.report.plan', { date: formatDayInText(today) })}</h3>
        {data.actions.length === 0 ? <p class="muted">{t('reports.report.none')}</p> : (
          <div class="print-table-scroll" role="group" tabIndex={0} aria-labelledby="report-plan">
            <table class="print-table report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.col.what')}</th>
                  <th scope="col">{t('reports.col.need')}</th>
                  <th scope="col">{t('reports.col.who')}</th>
                  <th scope="col">{t('reports.col.due')}</th>
                  <th scope="col" class="col-figure">{t('reports.report.budget')}</th>
                  <th scope="col" class="col-status">{t('reports.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.actions.map((action) => (
                  <tr key={action.id}>
                    <td>{action.what}</td>
                    <td>{action.needId ? needTitles.get(action.needId) ?? '' : ''}</td>
                    <td>{action.who}</td>
                    <td class="col-day">{action.due ? formatDayInTable(action.due) : ''}</td>
                    <td class="col-figure">{formatEuro(action.budgetCents)}</td>
                    <td class="col-status">{tLabel('actionStatus', action.status)}</td>
                  </tr>
                ))}
              </tbody>
              {total && (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={4}>
                      {total.limitCents === null ? t('reports.report.planTotalNoGrant') : t('reports.report.planTotal', { limit: formatEuro(total.limitCents) })}
                      {total.overLimit && total.remainingCents !== null && <> {t('reports.report.overLimit', { amount: formatEuro(-total.remainingCents) })}</>}
                    </th>
                    <td class="col-figure">{formatEuro(total.totalCents)}</td>
                    <td />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </section>

      <section class="report-section report-photos" aria-labelledby="report-photos">
        <h3 id="report-photos">{t('reports.report.photos')}</h3>
        {data.photos.length === 0 ? (
          <div class="report-photos__place" role="note">{t('reports.report.photosPlace')}</div>
        ) : (
          <ul class="report-photos__grid">
            {data.photos.map(({ photo, image }, index) => (
              <li key={photo.id}><ReportPhoto sha256={photo.sha256} image={image} caption={photo.caption} number={index + 1} /></li>
            ))}
          </ul>
        )}
      </section>

      <p class="print-note">{t('reports.report.footer', { date: formatDayInText(today) })}</p>
    </article>
  );
}

interface ReportPhotoProps {
  sha256: string;
  image: Blob | null;
  caption: string;
  number: number;
}

/** One photo with its caption; a marked empty frame while its image is not on this device yet. */
function ReportPhoto({ sha256, image, caption, number }: ReportPhotoProps) {
  const url = useObjectUrl(sha256, image);
  const label = caption || t('reports.report.photoNumber', { number });
  return (
    <figure class="report-photo">
      {url ? <img src={url} alt={label} /> : <div class="report-photos__place" role="note">{t('reports.report.photoMissing')}</div>}
      <figcaption>{label}</figcaption>
    </figure>
  );
}
