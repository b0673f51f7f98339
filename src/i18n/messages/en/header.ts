import type { Translations } from '../../types';
import type { lv } from '../header';

// English strings of the header and the sync bar; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'header.menu': 'Menu',
  'header.users': 'Users',
  'header.conflicts': 'Conflicts',
  'header.signIn': 'Sign in',
  'header.signOut': 'Sign out',
  'header.account': 'Account',
  'header.signedInAs': 'Signed in: {name}, {organisation}',
  'syncbar.allSentAt': 'All changes sent, {time}',
  'syncbar.nothingToSend': 'No changes waiting',
  'syncbar.lastSync': 'Last sync {time}',
  'syncbar.syncNow': 'Sync now',
  'syncbar.syncing': 'Syncing…',
  'syncbar.signIn': 'Sign in to sync',
  'syncbar.progress': 'Sync progress',
  'syncbar.progressSending': 'Sent {sent} of {toSend}, received {received}',
  'syncbar.progressReceiving': 'Received {received}',
  'syncbar.failure.network': 'Server out of reach; changes are kept on this device',
  'syncbar.failure.server': 'Server error; will try again',
  'syncbar.failure.serverAt': 'Server error; will try again at {time}',
  'syncbar.failure.unauthorized': 'Session expired',
  'syncbar.failure.too_large': 'A change is too large for the server',
  'syncbar.failure.rejected': 'The server refused the request',
  'syncbar.failure.cursor_reset': 'The server was restored from a backup; sending everything again',
  'syncbar.failure.upgrade': 'The server needs a newer version of the app: update it (unsent changes are kept)',
  'syncbar.signInAgain': 'Sign in again',
  'syncbar.refused': { one: '{count} refused change', other: '{count} refused changes' },
  'syncbar.conflicts': { one: '{count} conflict', other: '{count} conflicts' },
};
