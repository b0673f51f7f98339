// Leaving the device: signing out (after a last sync, with a backup offered
// when changes remain unsent), and signing in where another user's data is.
export const lv = {
  'leave.title': 'Iziet no konta',
  'leave.syncing': 'Pirms iziešanas nosūta izmaiņas uz serveri…',
  'leave.unsentTitle': 'Ne viss ir nosūtīts uz serveri',
  'leave.unsent': 'Vēl nav nosūtīts uz serveri: {changes}, {photos}.',
  'leave.unsentLoss': 'Izejot no konta, visi organizācijas dati tiek izdzēsti no šīs ierīces, arī tas, kas nav nosūtīts. Saglabājiet to šifrētā rezerves kopijā: to vēlāk var ielādēt šajā vai citā ierīcē un nosūtīt.',
  'leave.offline': 'Serveris šobrīd nav sasniedzams. Varat atcelt un mēģināt vēlāk, kad būs tīkls.',
  'leave.acknowledge': 'Saprotu, ka tas, kas nav nosūtīts un nav rezerves kopijā, tiks zaudēts',
  'leave.confirm': 'Izdzēst datus un iziet',
  'leave.working': 'Dzēš…',
  'leave.done': 'Iziešana pabeigta: organizācijas dati no šīs ierīces ir izdzēsti.',
  'leave.failed': 'Neizdevās izdzēst datus no šīs ierīces. Mēģiniet vēlreiz.',
  'otherUser.title': 'Šajā ierīcē ir cita lietotāja dati',
  'otherUser.body': 'Šajā ierīcē ir dati ({records}), ko ielādēja cits šīs organizācijas lietotājs. Pirms pieslēgšanās tie tiks izdzēsti, un tas, kas pieejams jums, tiks ielādēts no servera no jauna.',
};
