import { useEffect } from 'preact/hooks';
import { session } from '../../account/session';
import { listCommunities, useLiveQuery } from '../../db';
import { listProgrammeEnrolments } from '../../db/programme-queries';
import { warmProgrammeReport } from '../../db/programme-report-queries';
import { grantLimitFor } from '../../domain/enrolment';
import { isMoneyIndicator } from '../../domain/programme';
import { formatEuro, formatNumber, t, tLabel } from '../../i18n';
import { MATURITIES } from '../../../protocol';
import { useServices } from '../app-context';
import { Card, Loading, NotFoundMessage, Page } from '../components/page';
import { useRouteRecord } from '../components/use-route-record';
import { EnrolmentsSection } from './EnrolmentsSection';
import { periodText } from './period';
import './programmes.css';

/**
 * /programmes/:id — a programme's facts, targets and enrolled communities, with the way to its report and
 * regional summary. Coordinators edit it and enrol communities here.
 */
export function ProgrammeScreen() {
  const { db } = useServices();
  const { id, record: programme } = useRouteRecord('programmes');
  const enrolments = useLiveQuery(() => listProgrammeEnrolments(db, id), [db, id]);
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  const coordinator = session.value?.user.role === 'coordinator';
  // The report is one tap away: a coordinator's device reads and counts it while this page is idle.
  useEffect(() => {
    if (coordinator) warmProgrammeReport(db, id);
  }, [db, coordinator, id]);

  const title = t('programmes.title');
  if (programme === undefined || enrolments === undefined || communities === undefined) return <Page title={title} back="/programmes"><Loading /></Page>;
  if (programme === null) return <Page title={title} back="/programmes"><NotFoundMessage /></Page>;

  const targetValue = (indicator: Parameters<typeof isMoneyIndicator>[0], value: number) => (isMoneyIndicator(indicator) ? formatEuro(value) : formatNumber(value));

  return (
    <Page title={programme.name} back="/programmes" actions={coordinator && (
      <a class="button" href={`/programmes/${id}/edit`}>{t('programmes.edit')}</a>
    )}>
      {/* The report and the summary are a coordinator's (the server answers nobody else). */}
      {coordinator && (
        <nav class="programme-links" aria-label={programme.name}>
          <a class="button button--primary" href={`/programmes/${id}/report`}>{t('programmes.report')}</a>
          <a class="button" href={`/programmes/${id}/summary`}>{t('programmes.summary')}</a>
        </nav>
      )}
      <Card title={t('programmes.facts')}>
        <dl class="programme-facts">
          {programme.funder && <><dt>{t('programmes.funder')}</dt><dd>{programme.funder}</dd></>}
          {programme.organiser && <><dt>{t('programmes.organiser')}</dt><dd>{programme.organiser}</dd></>}
          <dt>{t('programmes.periodLabel')}</dt><dd>{periodText(programme)}</dd>
          <dt>{t('programmes.grantLimits')}</dt>
          <dd>
            {MATURITIES.map((maturity) => (
              <p key={maturity} class="programme-limit">
                {t('programmes.grantLimitLine', { maturity: tLabel('maturity', maturity), limit: formatEuro(grantLimitFor(programme, maturity)) })}
              </p>
            ))}
          </dd>
        </dl>
      </Card>
      <Card title={t('programmes.targets')} testId="programme-targets">
        {programme.targets.length === 0 ? <p class="muted">{t('programmes.noTargets')}</p> : (
          <ul class="row-list">
            {programme.targets.map((target) => (
              <li key={target.indicator}>
                <span class="grow">{t('programmes.target.line', { indicator: tLabel('targetIndicator', target.indicator), target: targetValue(target.indicator, target.target) })}</span>
                <span class="tag">{target.cumulative ? t('programmes.target.cumulative') : t('programmes.target.inRange')}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <EnrolmentsSection id="programme-enrolled" heading={t('programmes.enrolled')} addLabel={t('enrolment.add')} rows={enrolments} by="community"
        programmes={[programme]} communities={communities} none={t('programmes.noEnrolments')}
        nothingToEnrol={communities.length === 0 ? t('enrolment.noCommunities') : null} />
    </Page>
  );
}
