// Decides whether the header shows a notice about the device's data; the
// notice's own code and styles load only when there is one to show, so a first
// visit (which has none) does not fetch them.
import { onFirstRender } from './on-first-render';
import { useDeviceNotice } from './use-device-notice';

const DeviceNoticeView = onFirstRender(() => import('./DeviceNotice').then((m) => m.DeviceNoticeView));

export function DeviceNoticeGate() {
  const { notice, dismiss } = useDeviceNotice();
  if (!notice) return null;
  return <DeviceNoticeView notice={notice} onDismiss={dismiss} />;
}
