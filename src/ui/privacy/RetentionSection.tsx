import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, listCommunities, loadSettings, saveSettings, useLiveQuery } from '../../db';
import { loadRetentionInput } from '../../db/report-queries';
import { localDay } from '../../domain/days';
import { flagForReview, parseRetentionMonths, RETENTION_MONTHS } from '../../domain/retention';
import { formatDayInText, t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { TextField } from '../components/fields';
import { attemptSave } from '../save-error';
import { loadDeviceRetentionMonths } from './retention-setting';
import './privacy.css';

/** Rows drawn at once; the rest are reviewed after these. */
const LIST_LIMIT = 200;

/**
 * Coordinators: the organisation's retention period (a synced setting every device follows) and the
 * participants not seen for that long, each linked to their data.
 */
export function RetentionSection() {
  const { db, notebook } = useServices();
  const organisationId = session.value?.organisation.id ?? '';
  const [typed, setTyped] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useLiveQuery(() => loadRetentionInput(db), [db]);
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  const settings = useLiveQuery(() => loadSettings(db, organisationId), [db, organisationId]);
  const [deviceMonths, setDeviceMonths] = useState<number | null>(null);
  useEffect(() => {
    void loadDeviceRetentionMonths(organisationId).then(setDeviceMonths);
  }, [organisationId]);

  const months = settings === undefined ? null : settings?.retentionMonths ?? deviceMonths ?? DEFAULT_SETTINGS.retentionMonths;
  useEffect(() => {
    if (months !== null && typed === null) setTyped(String(months));
  }, [months, typed]);

  const flagged = useMemo(
    () => (input && months ? flagForReview(input, localDay(Date.now()), months) : undefined),
    [input, months],
  );
  const communityNames = new Map((communities ?? []).map((c) => [c.id, c.name]));
  const typedMonths = parseRetentionMonths(typed ?? '');

  const save = async (event: Event) => {
    event.preventDefault();
    if (typedMonths === null) return;
    const result = await attemptSave(() => saveSettings(notebook, organisationId, { retentionMonths: typedMonths }));
    setFailure(result?.message ?? null);
    setSaved(result === null);
  };

  return (
    <section class="card export-section retention" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('privacy.retention.heading')}</h2>
      <p class="muted">{t('privacy.retention.hint')}</p>
      <form class="retention__form" onSubmit={save} noValidate>
        <TextField label={t('privacy.retention.months')} type="number" inputMode="numeric" min={RETENTION_MONTHS.min} max={RETENTION_MONTHS.max}
          value={typed ?? ''} onValue={(value) => { setTyped(value); setSaved(false); }}
          error={failure ?? (typed !== null && typed !== '' && typedMonths === null
            ? t('privacy.retention.monthsInvalid', { min: RETENTION_MONTHS.min, max: RETENTION_MONTHS.max }) : undefined)}
          hint={t('privacy.retention.monthsHint')} />
        <button type="submit" class="button" disabled={typedMonths === null || typedMonths === months}>{t('action.save')}</button>
        {saved && <p class="muted" role="status">{t('status.saved')}</p>}
      </form>
      {flagged === undefined || months === null ? null : flagged.length === 0 ? (
        <p class="notice" data-testid="retention-count">{t('privacy.retention.none', { count: months })}</p>
      ) : (
        <>
          <p class="retention__count" data-testid="retention-count">{t('privacy.retention.count', { count: flagged.length, months })}</p>
          <ul class="row-list">
            {flagged.slice(0, LIST_LIMIT).map(({ participant, lastSeen, attended }) => (
              <li key={participant.id}>
                <span class="grow">
                  <strong>{participant.name}</strong>
                  <span class="muted"> · {participant.communityId === null ? '' : communityNames.get(participant.communityId) ?? ''}</span>
                  <br />
                  <span class="muted">
                    {attended > 0 ? t('privacy.retention.lastSeen', { date: formatDayInText(lastSeen) }) : t('privacy.retention.neverAttended', { date: formatDayInText(lastSeen) })}
                  </span>
                </span>
                <a class="button" href={`/participants/${participant.id}/data`} aria-label={t('privacy.dataOf', { name: participant.name })}>
                  {t('privacy.review')}
                </a>
              </li>
            ))}
          </ul>
          {flagged.length > LIST_LIMIT && <p class="muted">{t('privacy.retention.more', { shown: LIST_LIMIT })}</p>}
        </>
      )}
    </section>
  );
}
