import type { Translations } from '../../types';
import type { lv } from '../signout';

export const en: Translations<keyof typeof lv> = {
  'leave.title': 'Sign out',
  'leave.syncing': 'Sending changes to the server before signing out…',
  'leave.unsentTitle': 'Not everything has been sent',
  'leave.unsent': 'Not sent to the server yet: {changes}, {photos}.',
  'leave.unsentLoss': 'Signing out removes all of the organisation’s data from this device, including what has not been sent. Save it in an encrypted backup: it can be loaded later on this or another device and sent.',
  'leave.offline': 'The server cannot be reached right now. You can cancel and try again when there is a network.',
  'leave.acknowledge': 'I understand that whatever is neither sent nor in a backup will be lost',
  'leave.confirm': 'Remove the data and sign out',
  'leave.working': 'Removing…',
  'leave.done': 'Signed out: the organisation’s data has been removed from this device.',
  'leave.failed': 'The data could not be removed from this device. Please try again.',
  'otherUser.title': 'This device holds another user’s data',
  'otherUser.body': 'This device holds data ({records}) that another user of this organisation loaded. It will be removed before you sign in, and what you may see will be loaded from the server afresh.',
};
