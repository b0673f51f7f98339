// Strings of marking a workshop that happened as held.
export const lv = {
  'held.offer': 'Pasākuma diena ir pagājusi, un tajā ir reģistrēti dalībnieki. Pārskatā tas jau tiek skaitīts kā noticis.',
  'held.mark': 'Atzīmēt kā notikušu',
  'held.marked': 'Pasākums atzīmēts kā noticis.',
  'held.hint': 'Notika? Atzīmējiet',
} as const;
