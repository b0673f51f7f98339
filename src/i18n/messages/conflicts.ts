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
