// Strings of the header every screen shows with the first one: the account
// area, signing out, and the sync bar. They ship with the first load (the rest
// of the account and sync strings follow it), so keep here only what the
// header itself says; src/i18n/first-screen-strings.test.ts checks it.
export const lv = {
  'header.menu': 'Izvēlne',
  'header.users': 'Lietotāji',
  'header.conflicts': 'Konflikti',
  'header.bin': 'Atkritne',
  /** The mark a record carries in its list until its conflict is reviewed (the community list is the first screen). */
  'mark.conflict': 'Konflikts',
  'mark.conflictHint': 'Šim ierakstam ir neizskatīts konflikts',
  'header.signIn': 'Pieslēgties',
  'header.signOut': 'Iziet',
  'header.account': 'Konts',
  'header.signedInAs': 'Konts: {name}, {organisation}',
  'syncbar.allSentAt': 'Visas izmaiņas nosūtītas, {time}',
  'syncbar.nothingToSend': 'Nav nenosūtītu izmaiņu',
  'syncbar.lastSync': 'Pēdējā sinhronizācija {time}',
  'syncbar.syncNow': 'Sinhronizēt',
  'syncbar.syncing': 'Sinhronizē…',
  'syncbar.signIn': 'Pieslēgties, lai sinhronizētu',
  'syncbar.progress': 'Sinhronizācijas gaita',
  'syncbar.progressSending': 'Nosūtīts: {sent} no {toSend}, saņemts: {received}',
  'syncbar.progressReceiving': 'Saņemts: {received}',
  'syncbar.failure.network': 'Serveris nav sasniedzams; izmaiņas glabājas šajā ierīcē',
  'syncbar.failure.server': 'Servera kļūda; mēģinās vēlreiz',
  'syncbar.failure.serverAt': 'Servera kļūda; mēģinās vēlreiz {time}',
  'syncbar.failure.unauthorized': 'Sesija beigusies',
  'syncbar.failure.too_large': 'Izmaiņa ir par lielu serverim',
  'syncbar.failure.rejected': 'Serveris atteica pieprasījumu',
  'syncbar.failure.cursor_reset': 'Serveris atjaunots no rezerves kopijas; dati tiek sūtīti vēlreiz',
  'syncbar.failure.upgrade': 'Serverim vajag jaunāku lietotnes versiju: atjauniniet to (nenosūtītās izmaiņas ir saglabātas)',
  'syncbar.signInAgain': 'Pieslēgties vēlreiz',
  'syncbar.refused': { zero: '{count} noraidītas izmaiņas', one: '{count} noraidīta izmaiņa', other: '{count} noraidītas izmaiņas' },
  'syncbar.conflicts': { zero: '{count} konflikti', one: '{count} konflikts', other: '{count} konflikti' },
};
