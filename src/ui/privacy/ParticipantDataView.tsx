import type { ParticipantRecordData } from '../../db/report-queries';
import { formatDateTime, formatDayInTable, t, tLabel } from '../../i18n';

/** Everything held about one participant, as a person reads it. */
export function ParticipantDataView({ data }: { data: ParticipantRecordData }) {
  const { participant: p } = data;
  const yesNo = (value: boolean) => (value ? t('reports.yes') : t('reports.no'));
  const facts: [string, string][] = [
    [t('participant.name'), p.erased ? t('privacy.erasedName') : p.name],
    [t('reports.col.community'), data.community?.name ?? ''],
    [t('participant.household'), p.household],
    [t('participant.phone'), p.phone],
    [t('participant.email'), p.email],
    [t('participant.role'), tLabel('role', p.role)],
    [t('reports.col.consentData'), yesNo(p.consentData)],
    [t('reports.col.consentPhotos'), yesNo(p.consentPhotos)],
    [t('participant.consentDate'), p.consentDate ? formatDayInTable(p.consentDate) : ''],
    [t('privacy.createdAt'), formatDateTime(p.createdAt)],
    [t('privacy.updatedAt'), formatDateTime(p.updatedAt)],
  ];
  return (
    <>
      {p.erased && <p class="notice privacy-erased" role="status">{t('privacy.erasedNotice')}</p>}
      <section class="card privacy-section" aria-labelledby="privacy-record-heading">
        <h2 id="privacy-record-heading">{t('privacy.record')}</h2>
        <dl class="privacy-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value || <span class="muted">{t('privacy.empty')}</span>}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="card privacy-section" aria-labelledby="privacy-attendance-heading">
        <h2 id="privacy-attendance-heading">{t('privacy.attendance', { count: data.attendance.length })}</h2>
        {data.attendance.length === 0 ? <p class="muted">{t('privacy.noAttendance')}</p> : (
          <ul class="row-list">
            {data.attendance.map(({ attendance, workshop }) => (
              <li key={attendance.id}>
                <span class="grow">
                  <strong>{workshop?.title ?? t('privacy.unknownWorkshop')}</strong>
                  <span class="muted"> · {workshop ? formatDayInTable(workshop.date) : ''}{workshop?.place ? ` · ${workshop.place}` : ''}</span>
                </span>
                <span class="muted">{t('privacy.checkedInAt', { time: formatDateTime(attendance.checkedInAt, { timeStyle: 'short' }) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card privacy-section" aria-labelledby="privacy-votes-heading">
        <h2 id="privacy-votes-heading">{t('privacy.votes', { count: data.votes.length })}</h2>
        {data.votes.length === 0 ? <p class="muted">{t('privacy.noVotes')}</p> : (
          <ul class="row-list">
            {data.votes.map(({ vote, need, workshop }) => (
              <li key={vote.id}>
                <span class="grow">
                  <strong>{need?.title ?? t('privacy.unknownNeed')}</strong>
                  <span class="muted"> · {workshop ? `${workshop.title}, ${formatDayInTable(workshop.date)}` : ''}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.conflicts.length > 0 && (
        <p class="muted">{t('privacy.conflicts', { count: data.conflicts.length })}</p>
      )}
    </>
  );
}
