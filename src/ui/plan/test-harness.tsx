// Renders a screen over a real, freshly named database, at a real route.
import { render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { Notebook, TalkaDatabase } from '../../db';
import { AppContext } from '../app-context';
import { ToastHost } from '../components/toast';

export interface TestServices {
  db: TalkaDatabase;
  notebook: Notebook;
}

export function openTestNotebook(): TestServices {
  const db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  return { db, notebook: new Notebook({ db, deviceId: 'test-device' }) };
}

export function renderAt(services: TestServices, path: string, url: string, screen: ComponentType) {
  history.replaceState(null, '', url);
  return render(
    <AppContext.Provider value={services}>
      <LocationProvider>
        <Router>{[<Route key={path} path={path} component={screen} />]}</Router>
      </LocationProvider>
      <ToastHost />
    </AppContext.Provider>,
  );
}
