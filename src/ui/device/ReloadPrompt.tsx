// The only importer of the PWA plugin's register module. An update is offered,
// never forced, and is held back while a form holds unsaved input.
import { useRegisterSW } from 'virtual:pwa-register/preact';
import { t } from '../../i18n';
import { onFirstRender } from './on-first-render';

/** Loaded only when an update is offered: counting unsent work needs the database's queries, which a first visit does not load. */
const UpdateKeepsData = onFirstRender(() => import('./UnsentSummary').then((m) => m.UpdateKeepsData));
import { dirtyForms } from '../dirty-forms';

export function ReloadPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  if (!needRefresh && !offlineReady) return null;
  const formOpen = dirtyForms.value.size > 0;

  return (
    <div class="update-prompt" role="alertdialog" aria-live="polite" aria-labelledby="update-prompt-text">
      <p id="update-prompt-text">{needRefresh ? t('update.available') : t('update.offlineReady')}</p>
      {needRefresh && <UpdateKeepsData />}
      {needRefresh && formOpen && <p class="muted">{t('update.unsavedForm')}</p>}
      <div class="button-row">
        {needRefresh && (
          <button type="button" class="button button--primary" disabled={formOpen}
            onClick={() => void updateServiceWorker(true)}>{t('update.reload')}</button>
        )}
        <button type="button" class="button" onClick={() => { setNeedRefresh(false); setOfflineReady(false); }}>
          {needRefresh ? t('update.later') : t('action.close')}
        </button>
      </div>
    </div>
  );
}
