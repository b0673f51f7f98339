import type { Translations } from '../../types';
import type { MessageKey } from '../keys';
import * as common from './common';
import * as communities from './communities';
import * as header from './header';
import * as arrival from './arrival';
import * as workshops from './workshops';
import * as checkin from './checkin';
import * as needs from './needs';
import * as resources from './resources';
import * as plan from './plan';
import * as settings from './settings';
import * as account from './account';
import * as conflicts from './conflicts';
import * as syncui from './syncui';
import * as overview from './overview';
import * as reports from './reports';
import * as privacy from './privacy';
import * as photos from './photos';
import * as device from './device';

/** Every Latvian key has its English message (the type checks it). */
export const en: Translations<MessageKey> = {
  ...common.en, ...communities.en, ...header.en, ...arrival.en, ...workshops.en, ...checkin.en, ...needs.en, ...resources.en, ...plan.en, ...settings.en,
  ...account.en, ...conflicts.en, ...syncui.en,
  ...overview.en, ...reports.en, ...privacy.en, ...photos.en,
  ...device.en,
};
