// Strings of conflicts people can act on: who made each value and on which
// device, the notice after a sync replaced this device's values, and the
// device's own name.
export const lv = {
  'replaced.notice': {
    zero: '{count} jūsu izmaiņas aizstātas ar citu ierīču izmaiņām',
    one: '{count} jūsu izmaiņa aizstāta ar citas ierīces izmaiņu',
    other: '{count} jūsu izmaiņas aizstātas ar citu ierīču izmaiņām',
  },
  'conflicts.ownIntro': 'Šīs ir jūsu vērtības, kuras aizstāja citu ierīču izmaiņas. Abas vērtības ir saglabātas; kura paliek, izlemj koordinators.',
  'replaced.review': 'pārskatīt',
  'conflicts.person': '{name}',
  'conflicts.personOnDevice': '{name} ({device})',
  'conflicts.unknownPerson': 'nezināms lietotājs',
  'conflicts.deviceNamed': 'ierīce “{device}”',
  'deviceLabel.title': 'Šīs ierīces nosaukums',
  'deviceLabel.label': 'Nosaukums',
  'deviceLabel.hint': 'Piemēram, “Planšete 2”. Konfliktos citi redzēs, no kuras ierīces nāca katra vērtība.',
  'deviceLabel.save': 'Saglabāt nosaukumu',
  'deviceLabel.saved': 'Ierīces nosaukums saglabāts. Citi to redzēs pēc nākamās sinhronizācijas.',
  'deviceLabel.tooLong': 'Nosaukums nedrīkst būt garāks par 60 rakstzīmēm.',
} as const;
