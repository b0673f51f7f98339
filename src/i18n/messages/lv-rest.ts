import * as account from './account';
import * as syncui from './syncui';
import * as workshops from './workshops';
import * as checkin from './checkin';
import * as needs from './needs';
import * as resources from './resources';
import * as plan from './plan';
import * as settings from './settings';
import * as conflicts from './conflicts';
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
import * as consent from './consent';
import * as peopleImport from './people-import';
import * as needsOrder from './needs-order';
import * as followup from './followup';
import * as programmeReport from './programme-report';
import * as programmes from './programmes';

/** Latvian strings of the screens after the first one. */
export const lvRest = {
  ...account.lv, ...syncui.lv, ...workshops.lv, ...checkin.lv, ...needs.lv, ...resources.lv, ...plan.lv, ...settings.lv, ...conflicts.lv,
  ...overview.lv, ...reports.lv, ...privacy.lv, ...photos.lv,
  ...device.lv, ...people.lv, ...bin.lv, ...held.lv, ...replaced.lv, ...signout.lv,
  ...consent.lv, ...peopleImport.lv, ...needsOrder.lv, ...followup.lv, ...programmeReport.lv, ...programmes.lv,
};
