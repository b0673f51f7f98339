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
import * as people from './people';
import * as bin from './bin';
import * as held from './held';
import * as replaced from './replaced';
import * as signout from './signout';
import * as security from './security';
import * as consent from './consent';
import * as peopleImport from './people-import';
import * as needsOrder from './needs-order';
import * as followup from './followup';
import * as programmeReport from './programme-report';
import * as programmes from './programmes';

/** Every Latvian key has its English message (the type checks it). */
export const en: Translations<MessageKey> = {
  ...common.en, ...communities.en, ...header.en, ...arrival.en, ...workshops.en, ...checkin.en, ...needs.en, ...resources.en, ...plan.en, ...settings.en,
  ...account.en, ...conflicts.en, ...syncui.en,
  ...overview.en, ...reports.en, ...privacy.en, ...photos.en,
  ...device.en, ...people.en, ...bin.en, ...held.en, ...replaced.en, ...signout.en, ...security.en,
  ...consent.en, ...peopleImport.en, ...needsOrder.en, ...followup.en, ...programmeReport.en, ...programmes.en,
};
