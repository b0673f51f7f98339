// The message keys: every Latvian message file's keys together. English is
// checked against them (en/index.ts), and so is the rest of the app's t().
import type * as common from './common';
import type * as communities from './communities';
import type * as header from './header';
import type * as arrival from './arrival';
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
import type * as people from './people';
import type * as bin from './bin';
import type * as held from './held';
import type * as replaced from './replaced';
import type * as signout from './signout';
import type * as security from './security';
import type * as consent from './consent';
import type * as peopleImport from './people-import';
import type * as needsOrder from './needs-order';
import type * as followup from './followup';
import type * as programmeReport from './programme-report';
import type * as programmes from './programmes';
import type { Message } from '../types';

type AllLatvian = typeof common.lv & typeof communities.lv & typeof header.lv & typeof arrival.lv & typeof account.lv & typeof syncui.lv &
  typeof workshops.lv & typeof checkin.lv & typeof needs.lv & typeof resources.lv &
  typeof plan.lv & typeof settings.lv & typeof conflicts.lv & typeof overview.lv & typeof reports.lv & typeof privacy.lv &
  typeof photos.lv & typeof device.lv & typeof people.lv & typeof bin.lv & typeof held.lv & typeof replaced.lv & typeof signout.lv & typeof security.lv &
  typeof consent.lv & typeof peopleImport.lv & typeof needsOrder.lv & typeof followup.lv & typeof programmeReport.lv & typeof programmes.lv;
export type MessageKey = keyof AllLatvian;
export type Catalogue = Record<MessageKey, Message>;

