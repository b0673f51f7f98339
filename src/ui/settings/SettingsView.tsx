import { useId } from 'preact/hooks';
import { formatBytes, LANGUAGES, t, type Language, type MessageKey } from '../../i18n';
import type { StorageState } from '../../pwa/storage';
import { RadioGroupField } from '../components/fields';
import { Card } from '../components/page';

export type PersistRequest = 'granted' | 'denied' | null;

export interface SettingsViewProps {
  language: Language;
  onLanguage: (language: Language) => void;
  /** undefined while the browser is being asked. */
  storage: StorageState | undefined;
  persistRequest: PersistRequest;
  onAskPersistence: () => void;
  deviceId: string;
  pending: number | undefined;
}

const LANGUAGE_NAMES: Record<Language, MessageKey> = { lv: 'settings.languageLv', en: 'settings.languageEn' };

/** Language, what the device keeps and whether it may lose it, and the device's identity. */
export function SettingsView(props: SettingsViewProps) {
  return (
    <div class="settings">
      <LanguageChoice language={props.language} onLanguage={props.onLanguage} />
      <StorageSection storage={props.storage} persistRequest={props.persistRequest} onAskPersistence={props.onAskPersistence} />
      <DeviceSection deviceId={props.deviceId} pending={props.pending} />
    </div>
  );
}

function LanguageChoice({ language, onLanguage }: Pick<SettingsViewProps, 'language' | 'onLanguage'>) {
  return (
    <RadioGroupField legend={t('settings.language')} class="card settings__languages" value={language} onValue={onLanguage}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(LANGUAGE_NAMES[lang]), lang }))} />
  );
}

function StorageSection({ storage, persistRequest, onAskPersistence }: Pick<SettingsViewProps, 'storage' | 'persistRequest' | 'onAskPersistence'>) {
  const usedId = useId();
  return (
    <Card title={t('settings.storage')}>
      {storage === undefined ? <p class="muted" role="status">{t('status.loading')}</p> : (
        <>
          {storage.usage !== null && storage.quota !== null ? (
            <>
              <p id={usedId}>{t('settings.storageUsed', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) })}</p>
              <meter class="settings__meter" min={0} max={storage.quota} value={storage.usage}
                aria-label={t('settings.storageMeter')} aria-describedby={usedId} />
            </>
          ) : <p class="muted">{t('settings.storageUnknown')}</p>}
          <h3>{t('settings.persistence')}</h3>
          {storage.persisted === null ? <p class="muted">{t('settings.persistUnsupported')}</p> : (
            <>
              <p class={storage.persisted ? 'notice' : 'notice notice--caution'} data-testid="persistence">
                {storage.persisted ? t('settings.persisted') : t('settings.notPersisted')}
              </p>
              {!storage.persisted && (
                <button type="button" class="button button--primary" onClick={onAskPersistence}>{t('settings.askPersist')}</button>
              )}
            </>
          )}
          <div role="status">
            {persistRequest && (
              <p class="settings__result">{persistRequest === 'granted' ? t('settings.persistGranted') : t('settings.persistDenied')}</p>
            )}
          </div>
        </>
      )}
    </Card>
  );
}

function DeviceSection({ deviceId, pending }: Pick<SettingsViewProps, 'deviceId' | 'pending'>) {
  return (
    <Card title={t('settings.device')}>
      <dl class="settings__facts">
        <dt>{t('settings.deviceId')}</dt>
        <dd><code class="settings__device-id">{deviceId}</code></dd>
        <dt>{t('settings.pending')}</dt>
        <dd data-testid="settings-pending">{pending === undefined ? t('status.loading') : t('settings.pendingCount', { count: pending })}</dd>
      </dl>
    </Card>
  );
}
