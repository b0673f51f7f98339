// For screen tests: a real, freshly named database and notebook, and a screen
// rendered at a real route, with a stand-in for every other route so a
// navigation away shows where it went.
import { render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { Notebook, TalkaDatabase } from '../db';
import { AppContext } from './app-context';
import { ToastHost } from './components/toast';

export interface TestServices {
  db: TalkaDatabase;
  notebook: Notebook;
}

export function openTestNotebook(): TestServices {
  const db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  return { db, notebook: new Notebook({ db, deviceId: 'test-device' }) };
}

export async function closeTestNotebook({ db }: { db: TalkaDatabase }): Promise<void> {
  db.close();
  await db.delete();
}

function Elsewhere() {
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

/** Renders `screen` as the app would at `url`, its route `path` giving the params. */
export function renderAt(services: TestServices, path: string, url: string, screen: ComponentType) {
  history.replaceState(null, '', url);
  return render(
    <AppContext.Provider value={services}>
      <LocationProvider>
        <Router>
          <Route path={path} component={screen} />
          <Route default component={Elsewhere} />
        </Router>
      </LocationProvider>
      <ToastHost />
    </AppContext.Provider>,
  );
}
