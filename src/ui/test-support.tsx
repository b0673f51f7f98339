// For screen tests: a real, freshly named database and notebook, a component
// rendered over them, or a screen rendered at a real route with a stand-in for
// every other route so a navigation away shows where it went.
import { fireEvent, render } from '@testing-library/preact';
import type { ComponentChildren, ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { communityFields, participantFields, workshopFields } from '../../testing/fixtures';
import type { Role } from '../../protocol';
import { session } from '../account/session';
import { Notebook, TalkaDatabase } from '../db';
import { AppContext } from './app-context';
import { ToastHost } from './components/toast';

export interface TestServices {
  db: TalkaDatabase;
  notebook: Notebook;
}

export function openTestNotebook(deviceId = 'test-device'): TestServices {
  const db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  return { db, notebook: new Notebook({ db, deviceId }) };
}

export async function closeTestNotebook({ db }: { db: TalkaDatabase }): Promise<void> {
  db.close();
  await db.delete();
}

/** Signs the screens in as Dace Priede of Vidzemes kopienu centrs in `role` (no server is asked). */
export function signInAs(role: Role): void {
  session.value = {
    token: 'tok', user: { id: `user-${role}`, name: 'Dace Priede', email: 'dace@example.lv', role }, organisation: { id: 'org-1', name: 'Vidzemes kopienu centrs' },
  };
}

/** Renders `ui` with the app's services, as the app's shell would provide them. */
export function renderWithServices(services: TestServices, ui: ComponentChildren) {
  return render(<AppContext.Provider value={services}>{ui}</AppContext.Provider>);
}

function Elsewhere() {
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

/** Renders `screen` as the app would at `url`, its route `path` giving the params. */
export function renderAt(services: TestServices, path: string, url: string, screen: ComponentType) {
  history.replaceState(null, '', url);
  return renderWithServices(services, (
    <>
      <LocationProvider>
        <Router>
          <Route path={path} component={screen} />
          <Route default component={Elsewhere} />
        </Router>
      </LocationProvider>
      <ToastHost />
    </>
  ));
}

/** A community with a workshop and the given people, as a facilitator would have it before the evening. */
export async function seedWorkshop({ notebook }: TestServices, names: readonly string[]) {
  const communityId = await notebook.create('communities', communityFields({ name: 'Raunas kopiena', municipality: 'LV-094', parish: 'Rauna' }));
  const workshopId = await notebook.create('workshops', workshopFields(communityId, {
    date: '2026-11-23', programme: 'Drošas kopienas', facilitators: 'Ilze',
  }));
  const participantIds: string[] = [];
  for (const name of names) {
    participantIds.push(await notebook.create('participants', participantFields(communityId, { name, consentDate: '2026-11-23' })));
  }
  return { communityId, workshopId, participantIds };
}

/**
 * Presses Enter in a text field. happy-dom does not submit a form on Enter
 * the way a browser does (implicit submission), so this does it for it.
 */
export function pressEnter(input: HTMLInputElement): void {
  const proceed = fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  if (proceed) input.form?.requestSubmit();
}
