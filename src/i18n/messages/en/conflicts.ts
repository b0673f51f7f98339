import type { Translations } from '../../types';
import type { lv } from '../conflicts';

// English strings of the conflicts screens; loaded only when English is chosen.
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
