import type { Translations } from '../../types';
import type { lv } from '../arrival';

// English strings for an offline or not yet signed-in device; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'syncbar.offlineKept': {
    one: '{count} change is kept on this device and will be sent when there is a connection',
    other: '{count} changes are kept on this device and will be sent when there is a connection',
  },
  'syncbar.offlineSafe': 'You can work offline: everything you enter is saved on this device',
  'arrival.title': 'Sign in first',
  'arrival.body': 'This link leads to a record that is not on this device yet. Sign in with your account: the records will come from the server and this page will open.',
  'arrival.signIn': 'Sign in and open',
};
