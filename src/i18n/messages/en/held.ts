import type { Translations } from '../../types';
import type { lv } from '../held';

// English strings of marking a workshop held; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'held.offer': 'The event’s day has passed and people were checked in. The overview already counts it as held.',
  'held.mark': 'Mark as held',
  'held.marked': 'Event marked as held.',
  'held.hint': 'Happened? Mark it',
};
