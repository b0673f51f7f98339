import type { Translations } from '../../types';
import type { lv } from '../settings';

// English strings of the settings screens; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'settings.title': 'Settings',
  'settings.language': 'Interface language',
  'settings.languageLv': 'Latviešu',
  'settings.languageEn': 'English',
  'settings.storage': 'Device storage',
  'settings.storageUsed': '{used} used of {quota} available',
  'settings.storageMeter': 'Storage used',
  'settings.storageUnknown': 'This browser does not tell how much space is used.',
  'settings.persistence': 'Persistence',
  'settings.persisted': 'Persistent — the browser will not clear the data even when the device runs out of space.',
  'settings.notPersisted': 'Not persistent — when the device runs out of space, the browser may clear data, unsent changes included.',
  'settings.persistUnsupported': 'This browser does not let the app ask for persistent storage.',
  'settings.askPersist': 'Ask for persistent storage',
  'settings.persistGranted': 'The browser granted persistent storage.',
  'settings.persistDenied': 'The browser has not allowed it yet. Install Talka as an app (“Add to home screen”) and try again.',
  'settings.device': 'This device',
  'settings.deviceId': 'Device id',
  'settings.pending': 'Waiting to be sent',
  'settings.pendingCount': { one: '{count} change', other: '{count} changes' },
};
