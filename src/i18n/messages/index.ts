import * as common from './common';
import * as communities from './communities';
import * as header from './header';
import * as security from './security';
import * as arrival from './arrival';
import type { Catalogue } from './keys';

// Each feature keeps its strings in its own file. The first screen's
// Latvian strings (shell, header and sync bar, communities) ship with the
// first load; the rest of Latvian follows right after the first screen, and
// English only when chosen. The service worker precaches all of them for
// offline use.
export const lvFirst = { ...common.lv, ...communities.lv, ...header.lv, ...security.lv, ...arrival.lv };

export type { Catalogue, MessageKey } from './keys';

export async function loadLatvianRest(): Promise<Partial<Catalogue>> {
  const { lvRest } = await import('./lv-rest');
  return lvRest;
}

export async function loadEnglish(): Promise<Catalogue> {
  const { en } = await import('./en');
  return en;
}
