// Latvia's 43 municipalities (36 novadi and 7 valstspilsētas), ISO 3166-2:LV.
import data from './lv-municipalities.json';

export interface Municipality {
  code: string;
  name: string;
  kind: 'municipality' | 'stateCity';
}

export const MUNICIPALITIES: readonly Municipality[] = [
  ...data.municipalities.map((m) => ({ ...m, kind: 'municipality' as const })),
  ...data.stateCities.map((m) => ({ ...m, kind: 'stateCity' as const })),
].sort((a, b) => a.name.localeCompare(b.name, 'lv'));

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function municipalityName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}
