// Strings of the header and the first screen for a device that is offline or
// not yet signed in: the sync bar saying that work is kept, and a link opened
// on a fresh tablet (an invitation to a community or workshop) guiding to sign
// in first. They ship with the first load (src/i18n/first-screen-strings.test.ts).
export const lv = {
  'syncbar.offlineKept': {
    zero: '{count} izmaiņas glabājas šajā ierīcē un tiks nosūtītas, kad būs tīkls',
    one: '{count} izmaiņa glabājas šajā ierīcē un tiks nosūtīta, kad būs tīkls',
    other: '{count} izmaiņas glabājas šajā ierīcē un tiks nosūtītas, kad būs tīkls',
  },
  'syncbar.offlineSafe': 'Var strādāt bez tīkla: viss ievadītais tiek saglabāts šajā ierīcē',
  'arrival.title': 'Vispirms pieslēdzieties',
  'arrival.body': 'Šī saite ved uz ierakstu, kura vēl nav šajā ierīcē. Pieslēdzieties ar savu kontu: ieraksti tiks saņemti no servera, un šī lapa atvērsies.',
  'arrival.signIn': 'Pieslēgties un atvērt',
} as const;
