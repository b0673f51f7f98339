import type { Translations } from '../types';

// Strings of the conflicts screen, where a coordinator decides between the
// values of two concurrent offline edits.
export const lv = {
  'conflicts.title': 'Konflikti',
  'conflicts.intro': 'Divi cilvēki bez tīkla mainīja vienu un to pašu lauku. Spēkā ir vēlākā vērtība; otra ir saglabāta šeit. Izvēlieties, kura paliek, vai uzrakstiet apvienotu vērtību.',
  'conflicts.coordinatorsOnly': 'Konfliktus izskata koordinatori.',
  'conflicts.none': 'Atvērtu konfliktu nav.',
  'conflicts.count': { zero: '{count} atvērtu konfliktu', one: '{count} atvērts konflikts', other: '{count} atvērti konflikti' },
  'conflicts.field': 'Lauks: {field}',
  'conflicts.recordGone': 'ieraksta šajā ierīcē nav',
  'conflicts.current': 'Pašreizējā vērtība',
  'conflicts.kept': 'Saglabātā otra vērtība',
  'conflicts.by': '{who}, {when}',
  'conflicts.thisDevice': 'Šī ierīce',
  'conflicts.device': 'Ierīce {id}',
  'conflicts.keepCurrent': 'Paturēt pašreizējo',
  'conflicts.useKept': 'Izmantot šo vērtību',
  'conflicts.merge': 'Uzrakstīt apvienotu vērtību',
  'conflicts.mergedValue': 'Apvienotā vērtība',
  'conflicts.saveMerged': 'Saglabāt apvienoto',
  'conflicts.resolved': 'Konflikts atrisināts.',
  'conflicts.open': 'Atvērt ierakstu',
} as const;

export const en: Translations<keyof typeof lv> = {
  'conflicts.title': 'Conflicts',
  'conflicts.intro': 'Two people changed the same field while offline. The later value is in force; the other is kept here. Choose which stays, or write a merged value.',
  'conflicts.coordinatorsOnly': 'Conflicts are reviewed by coordinators.',
  'conflicts.none': 'No open conflicts.',
  'conflicts.count': { one: '{count} open conflict', other: '{count} open conflicts' },
  'conflicts.field': 'Field: {field}',
  'conflicts.recordGone': 'the record is not on this device',
  'conflicts.current': 'Current value',
  'conflicts.kept': 'The other value, kept',
  'conflicts.by': '{who}, {when}',
  'conflicts.thisDevice': 'This device',
  'conflicts.device': 'Device {id}',
  'conflicts.keepCurrent': 'Keep the current value',
  'conflicts.useKept': 'Use this value',
  'conflicts.merge': 'Write a merged value',
  'conflicts.mergedValue': 'Merged value',
  'conflicts.saveMerged': 'Save the merged value',
  'conflicts.resolved': 'Conflict resolved.',
  'conflicts.open': 'Open the record',
};
