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
import * as followup from './followup';

/** Latvian strings of the screens after the first one. */
export const lvRest = {
  ...account.lv, ...syncui.lv, ...workshops.lv, ...checkin.lv, ...needs.lv, ...resources.lv, ...plan.lv, ...settings.lv, ...conflicts.lv,
  ...overview.lv, ...reports.lv, ...privacy.lv, ...photos.lv,
  ...device.lv, ...followup.lv,
};
