import { useCallback, useEffect, useState } from 'preact/hooks';
import { countPending, useLiveQuery } from '../../db';
import { language, setLanguage, t } from '../../i18n';
import { askForPersistentStorage, readStorageState, type StorageState } from '../../pwa/storage';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Page } from '../components/page';
import { DeviceLabelPanel } from './DeviceLabelPanel';
import { ConsentTextSection } from './ConsentTextSection';
import { QuestionnaireSection } from './QuestionnaireSection';
import { DevicePanels } from './DevicePanels';
import { SettingsView, type PersistRequest } from './SettingsView';
import './settings.css';

/** /settings — language, the device's storage and its identity. */
export function SettingsScreen() {
  const { db, notebook } = useServices();
  const pending = useLiveQuery(() => countPending(db), [db]);
  const [storage, setStorage] = useState<StorageState | undefined>(undefined);
  const [persistRequest, setPersistRequest] = useState<PersistRequest>(null);

  const refreshStorage = useCallback(() => readStorageState().then(setStorage), []);
  useEffect(() => { void refreshStorage(); }, [refreshStorage]);

  const askPersistence = async () => {
    const granted = await askForPersistentStorage();
    setPersistRequest(granted ? 'granted' : 'denied');
    await refreshStorage();
  };

  return (
    <Page title={t('settings.title')} back="/">
      <SettingsView
        language={language.value}
        onLanguage={(lang) => void setLanguage(lang)}
        storage={storage}
        persistRequest={persistRequest}
        onAskPersistence={() => void askPersistence()}
        deviceId={notebook.deviceId}
        pending={pending}
      />
      <DeviceLabelPanel />
      {session.value?.user.role === 'coordinator' && <ConsentTextSection organisationId={session.value.organisation.id} />}
      {session.value?.user.role === 'coordinator' && <QuestionnaireSection organisationId={session.value.organisation.id} />}
      <DevicePanels storage={storage} onStorageChanged={() => void refreshStorage()} />
    </Page>
  );
}
