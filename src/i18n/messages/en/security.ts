import type { Translations } from '../../types';
import type { lv } from '../security';

export const en: Translations<keyof typeof lv> = {
  'insecure.title': 'This address is not secure (HTTP): offline work and encrypted backups are not available',
  'insecure.how': 'Open Talka at an address that starts with https://. If there is none, whoever set up the server needs to turn on HTTPS with a certificate the tablets trust (README, section “HTTPS”).',
  'insecure.hide': 'Hide until next time',
};
