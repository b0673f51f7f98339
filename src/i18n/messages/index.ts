import * as common from './common';
import * as communities from './communities';
import * as workshops from './workshops';
import * as checkin from './checkin';
import * as needs from './needs';
import * as resources from './resources';
import * as plan from './plan';
import * as settings from './settings';
import * as account from './account';
import * as conflicts from './conflicts';
import * as syncui from './syncui';
import type { Message } from '../types';

// Each feature keeps its strings in its own file; here they become one
// catalogue. Latvian ships with the first load; English is fetched (and
// precached for offline use) only when someone chooses it.
export const lv = {
  ...common.lv, ...communities.lv, ...workshops.lv, ...checkin.lv, ...needs.lv, ...resources.lv, ...plan.lv, ...settings.lv,
  ...account.lv, ...conflicts.lv, ...syncui.lv,
};
export type MessageKey = keyof typeof lv;
export type Catalogue = Record<MessageKey, Message>;

export async function loadEnglish(): Promise<Catalogue> {
  const { en } = await import('./en');
  return en;
}
