// The device notice and the update prompt's count are not needed for the
// first paint: they load right after it, keeping the first load small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

function deferred(load: () => Promise<ComponentType>): ComponentType {
  return function Deferred() {
    const [Loaded, setLoaded] = useState<ComponentType | null>(null);
    useEffect(() => {
      let live = true;
      load().then((component) => { if (live) setLoaded(() => component); }, () => undefined);
      return () => { live = false; };
    }, []);
    return Loaded ? <Loaded /> : null;
  };
}

export const DeviceNotice = deferred(() => import('./DeviceNotice').then((m) => m.DeviceNotice));
export const UpdateKeepsData = deferred(() => import('./UnsentSummary').then((m) => m.UpdateKeepsData));
