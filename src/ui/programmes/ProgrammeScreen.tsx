import { useEffect, useState } from 'preact/hooks';
import { session } from '../../account/session';
import { listCommunities, useLiveQuery } from '../../db';
import { listProgrammeEnrolments, type EnrolmentRow } from '../../db/programme-queries';
import { warmProgrammeReport } from '../../db/programme-report-queries';
import { localDay } from '../../domain/days';
import { grantLimitFor } from '../../domain/enrolment';
import { isMoneyIndicator } from '../../domain/programme';
import { formatEuro, formatNumber, t, tLabel } from '../../i18n';
import { MATURITIES } from '../../../protocol';
import { useServices } from '../app-context';
import { Card, Loading, NotFoundMessage, Page } from '../components/page';
import { useRouteRecord } from '../components/use-route-record';
import { attemptSave } from '../save-error';
import { EnrolmentForm, type EnrolmentFields } from './EnrolmentForm';
import { EnrolmentList } from './EnrolmentList';
import { periodText } from './period';
import './programmes.css';

type Editing = { kind: 'new' } | { kind: 'existing'; row: EnrolmentRow } | null;

/**
 * /programmes/:id — a programme's facts, targets and enrolled communities, with the way to its report and
 * regional summary. Coordinators edit it and enrol communities here.
 */
export function ProgrammeScreen() {
  const { db, notebook } = useServices();
  const { id, record: programme } = useRouteRecord('programmes');
  const enrolments = useLiveQuery(() => listProgrammeEnrolments(db, id), [db, id]);
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  const [editing, setEditing] = useState<Editing>(null);
  const coordinator = session.value?.user.role === 'coordinator';
  const today = localDay(Date.now());
  // The report is one tap away: a coordinator's device reads and counts it while this page is idle.
  useEffect(() => {
    if (coordinator) warmProgrammeReport(db, id);
  }, [db, coordinator, id]);

  const title = t('programmes.title');
  if (programme === undefined || enrolments === undefined || communities === undefined) return <Page title={title} back="/programmes"><Loading /></Page>;
  if (programme === null) return <Page title={title} back="/programmes"><NotFoundMessage /></Page>;

  const save = (existingId: string | null) => (fields: EnrolmentFields) => attemptSave(async () => {
    if (existingId === null) await notebook.create('enrolments', fields);
    else {
      const { communityId: _community, programmeId: _programme, ...editable } = fields;
      await notebook.update('enrolments', existingId, editable);
    }
    setEditing(null);
  });
  const targetValue = (indicator: Parameters<typeof isMoneyIndicator>[0], value: number) => (isMoneyIndicator(indicator) ? formatEuro(value) : formatNumber(value));

  return (
    <Page title={programme.name} back="/programmes" actions={coordinator && (
      <a class="button" href={`/programmes/${id}/edit`}>{t('programmes.edit')}</a>
    )}>
      <nav class="programme-links" aria-label={programme.name}>
        <a class="button button--primary" href={`/programmes/${id}/report`}>{t('programmes.report')}</a>
        <a class="button" href={`/programmes/${id}/summary`}>{t('programmes.summary')}</a>
      </nav>
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
      <section class="card" aria-labelledby="programme-enrolled">
        <div class="page__header">
          <h2 id="programme-enrolled">{t('programmes.enrolled')}</h2>
          {coordinator && editing?.kind !== 'new' && (
            <button type="button" class="button button--primary" onClick={() => setEditing({ kind: 'new' })}>+ {t('enrolment.add')}</button>
          )}
        </div>
        {editing?.kind === 'new' && (
          communities.length === 0 ? <p class="notice">{t('enrolment.noCommunities')}</p> : (
            <EnrolmentForm title={t('enrolment.new')} programmes={[programme]} communities={communities} today={today}
              onSave={save(null)} onCancel={() => setEditing(null)} />
          )
        )}
        {enrolments.length === 0 ? <p class="muted">{t('programmes.noEnrolments')}</p> : (
          <EnrolmentList rows={enrolments} by="community" today={today}
            onEdit={coordinator ? (row) => setEditing({ kind: 'existing', row }) : undefined}
            editing={editing?.kind === 'existing' ? {
              id: editing.row.enrolment.id,
              form: (
                <EnrolmentForm title={t('enrolment.edit')} programmes={[programme]} communities={communities} existing={editing.row.enrolment} today={today}
                  onSave={save(editing.row.enrolment.id)} onCancel={() => setEditing(null)} />
              ),
            } : null} />
        )}
      </section>
    </Page>
  );
}
