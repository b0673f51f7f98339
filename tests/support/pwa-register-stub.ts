// Stands in for vite-plugin-pwa's virtual module in unit tests: no service worker there.
import { useState } from 'preact/hooks';

export function useRegisterSW() {
  const needRefresh = useState(false);
  const offlineReady = useState(false);
  return {
    needRefresh,
    offlineReady,
    updateServiceWorker: async (_reload?: boolean) => {},
  };
}
