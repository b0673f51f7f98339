// The device notice, the update prompt and its count are not needed for the
// first paint: they load once the first screen is on screen, keeping the first
// load small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterFirstScreen } from '../../pwa/first-screen';

/** A component whose code loads after the first screen; nothing renders until then. */
export function deferred(load: () => Promise<ComponentType>): ComponentType {
  return function Deferred() {
    const [Loaded, setLoaded] = useState<ComponentType | null>(null);
    useEffect(() => {
      let live = true;
      afterFirstScreen().then(load).then((component) => { if (live) setLoaded(() => component); }, () => undefined);
      return () => { live = false; };
    }, []);
    return Loaded ? <Loaded /> : null;
  };
}

export const DeviceNotice = deferred(() => import('./DeviceNoticeGate').then((m) => m.DeviceNoticeGate));
/** Registers the service worker and offers updates: the registration too waits for the first screen. */
export const ReloadPrompt = deferred(() => import('./ReloadPrompt').then((m) => m.ReloadPrompt));
/** Tells the user once when a sync replaced values they typed here (src/ui/conflicts/ReplacedNotice.tsx). */
export const ReplacedNotice = deferred(() => import('../conflicts/ReplacedNotice').then((m) => m.ReplacedNotice));
/** Says that plain HTTP allows no offline work (src/ui/components/InsecureBanner.tsx); loaded only where it shows. */
export const InsecureBanner = deferred(() => import('../components/InsecureBanner').then((m) => m.InsecureBanner));
