// Strings of the needs board's order and of choosing who is responsible for a need.
export const lv = {
  'needsOrder.label': 'Kārtot',
  'needsOrder.votes': 'Pēc balsīm',
  'needsOrder.newest': 'Jaunākās vispirms',
  'needsOrder.oldest': 'Vecākās vispirms',
  'needsOrder.ownerHint': 'Izvēlieties dalībnieku vai lietotāju no saraksta vai ierakstiet cita cilvēka vārdu',
  'needsOrder.ownerUser': 'Talka lietotājs',
  'needsOrder.ownerPerson': 'Dalībnieks',
} as const;
