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
import type { Message, Translations } from '../types';

// Each feature keeps its strings in its own file; here they become one catalogue per language.
export const lv = {
  ...common.lv, ...communities.lv, ...workshops.lv, ...checkin.lv, ...needs.lv, ...resources.lv, ...plan.lv, ...settings.lv,
  ...account.lv, ...conflicts.lv, ...syncui.lv,
};
export type MessageKey = keyof typeof lv;
export const en: Translations<MessageKey> = {
  ...common.en, ...communities.en, ...workshops.en, ...checkin.en, ...needs.en, ...resources.en, ...plan.en, ...settings.en,
  ...account.en, ...conflicts.en, ...syncui.en,
};
export const catalogues: Record<'lv' | 'en', Record<MessageKey, Message>> = { lv, en };
