import * as common from './common';
import * as communities from './communities';
import * as header from './header';
import type * as account from './account';
import type * as syncui from './syncui';
import type * as workshops from './workshops';
import type * as checkin from './checkin';
import type * as needs from './needs';
import type * as resources from './resources';
import type * as plan from './plan';
import type * as settings from './settings';
import type * as conflicts from './conflicts';
import type * as overview from './overview';
import type * as reports from './reports';
import type * as privacy from './privacy';
import type * as photos from './photos';
import type * as device from './device';
import type { Message } from '../types';

// Each feature keeps its strings in its own file. The first screen's
// Latvian strings (shell, header and sync bar, communities) ship with the
// first load; the rest of Latvian follows right after the first screen, and
// English only when chosen. The service worker precaches all of them for
// offline use.
export const lvFirst = { ...common.lv, ...communities.lv, ...header.lv };

type AllLatvian = typeof lvFirst & typeof account.lv & typeof syncui.lv & typeof workshops.lv & typeof checkin.lv & typeof needs.lv & typeof resources.lv &
  typeof plan.lv & typeof settings.lv & typeof conflicts.lv & typeof overview.lv & typeof reports.lv & typeof privacy.lv &
  typeof photos.lv & typeof device.lv;
export type MessageKey = keyof AllLatvian;
export type Catalogue = Record<MessageKey, Message>;

export async function loadLatvianRest(): Promise<Partial<Catalogue>> {
  const { lvRest } = await import('./lv-rest');
  return lvRest;
}

export async function loadEnglish(): Promise<Catalogue> {
  const { en } = await import('./en');
  return en;
}
