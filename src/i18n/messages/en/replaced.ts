import type { Translations } from '../../types';
import type { lv } from '../replaced';

// English strings of conflicts people can act on; loaded only when English is chosen.
export const en: Translations<keyof typeof lv> = {
  'replaced.notice': { one: '{count} of your changes was replaced by another device’s', other: '{count} of your changes were replaced by other devices’' },
  'conflicts.ownIntro': 'These are values of yours that other devices’ changes replaced. Both values are kept; a coordinator decides which stays.',
  'replaced.review': 'review',
  'conflicts.person': '{name}',
  'conflicts.personOnDevice': '{name} ({device})',
  'conflicts.unknownPerson': 'an unknown user',
  'conflicts.deviceNamed': 'device “{device}”',
  'deviceLabel.title': 'This device’s name',
  'deviceLabel.label': 'Name',
  'deviceLabel.hint': 'For example “Tablet 2”. In conflicts, others will see which device each value came from.',
  'deviceLabel.save': 'Save the name',
  'deviceLabel.saved': 'Device name saved. Others will see it after the next sync.',
  'deviceLabel.tooLong': 'The name may be at most 60 characters long.',
};
