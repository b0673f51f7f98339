// The bin ("Atkritne"): what was deleted, newest first, who deleted it and
// when; restoring an entry brings it and everything deleted with it back as
// ordinary synced edits, so every device sees it return. Coordinators only
// (the server refuses a facilitator's restore of a community regardless).
import { useState } from 'preact/hooks';
import { session } from '../../account/session';
import { listBin, useLiveQuery } from '../../db';
import type { BinEntry } from '../../domain/deletion-scope';
import { formatDateTime, t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { showToast } from '../components/toast';
import { describeSaveError } from '../save-error';
import { tableLabel } from '../sync/record-summary';
import { useMemberNames } from './use-member-names';
import './bin.css';

export function BinScreen() {
  const current = session.value;
  if (!current || current.user.role !== 'coordinator') {
    return (
      <Page title={t('bin.title')}>
        <p class="notice">{t('bin.coordinatorsOnly')}{!current && <> <a href="/login">{t('header.signIn')}</a></>}</p>
      </Page>
    );
  }
  return <BinList />;
}

function BinList() {
  const { db, notebook } = useServices();
  const entries = useLiveQuery(() => listBin(db), [db]);
  const names = useMemberNames();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const restore = async (entry: BinEntry) => {
    const key = entry.deletedClock;
    setBusy(key);
    setErrors(({ [key]: _dropped, ...rest }) => rest);
    try {
      await notebook.restoreTogether([entry.head, ...entry.others]);
      showToast({ message: t('bin.restored', { name: entry.head.title || t('bin.untitled') }) });
    } catch (error) {
      setErrors((all) => ({ ...all, [key]: describeSaveError(error).message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page title={t('bin.title')}>
      <p>{t('bin.intro')}</p>
      {entries === undefined || names === undefined ? <Loading /> : entries.length === 0 ? <p class="notice">{t('bin.empty')}</p> : (
        <ul class="bin" aria-label={t('bin.listLabel')}>
          {entries.map((entry) => {
            const headingId = `bin-${entry.head.table}-${entry.head.id}`;
            const who = (entry.deletedBy && names.get(entry.deletedBy)) || t('bin.someone');
            return (
              <li key={entry.deletedClock} class="bin__entry" aria-labelledby={headingId} data-testid="bin-entry">
                <h2 id={headingId} class="bin__title">
                  <span class="tag">{tableLabel(entry.head.table)}</span> {entry.head.title || <span class="muted">{t('bin.untitled')}</span>}
                </h2>
                {entry.others.length > 0 && <p class="bin__with">{t('bin.withOthers', { count: entry.others.length })}</p>}
                <p class="muted bin__who">{t('bin.deletedBy', { who, when: formatDateTime(entry.deletedAt) })}</p>
                <button type="button" class="button button--primary" disabled={busy !== null} onClick={() => void restore(entry)}>
                  {busy === entry.deletedClock ? t('bin.restoring') : t('bin.restore')}
                </button>
                {errors[entry.deletedClock] && <p class="form-error" role="alert">{errors[entry.deletedClock]}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
