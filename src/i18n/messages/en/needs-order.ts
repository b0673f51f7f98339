import type { Translations } from '../../types';
import type { lv } from '../needs-order';

// English strings of the needs board's order and of choosing who is responsible; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'needsOrder.label': 'Order',
  'needsOrder.votes': 'By votes',
  'needsOrder.newest': 'Newest first',
  'needsOrder.oldest': 'Oldest first',
  'needsOrder.ownerHint': 'Choose a person or a user from the list, or type the name of someone else',
  'needsOrder.ownerUser': 'Talka user',
  'needsOrder.ownerPerson': 'Participant',
};
