// Fixtures for the needs and resources screen tests: a real database and
// notebook, a seeded community, and a screen rendered at a route.
import { fireEvent, render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { EditableFields } from '../../../protocol';
import { Notebook, TalkaDatabase } from '../../db';
import { AppContext } from '../app-context';
import { ToastHost } from '../components/toast';

export function openNotebook() {
  const db = new TalkaDatabase(`test-${crypto.randomUUID()}`);
  const notebook = new Notebook({ db, deviceId: 'test-device' });
  return { db, notebook };
}

export async function closeNotebook({ db }: { db: TalkaDatabase }): Promise<void> {
  db.close();
  await db.delete();
}

/** Where a link out of the screen under test lands. */
function Elsewhere() {
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

export async function seedCommunity(notebook: Notebook): Promise<string> {
  return notebook.create('communities', {
    name: 'Kalnciema kopiena', municipality: 'LV-041', parish: 'Kalnciems', description: '', maturity: 'emerging', contacts: [],
  });
}

export async function seedWorkshop(notebook: Notebook, communityId: string, dotsPerPerson = 2) {
  const fields: EditableFields<'workshops'> = {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: '2026-03-14', startTime: '18:00', endTime: '',
    place: 'Tautas nams', programme: '', facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson,
  };
  const id = await notebook.create('workshops', fields);
  return { id, communityId };
}

export async function seedParticipant(notebook: Notebook, communityId: string, name: string): Promise<string> {
  return notebook.create('participants', {
    communityId, name, household: '', phone: '', email: '', role: 'resident',
    consentData: true, consentPhotos: false, consentDate: '2026-03-14', erased: false,
  });
}

export async function seedNeed(notebook: Notebook, communityId: string, title: string, extra: Partial<EditableFields<'needs'>> = {}) {
  return notebook.create('needs', {
    communityId, workshopId: null, title, description: '', category: 'other', status: 'raised', owner: '', ...extra,
  });
}

/** Renders one screen as the app would at `url`, its route `pattern` giving the params. */
export function renderScreen(services: { db: TalkaDatabase; notebook: Notebook }, url: string, pattern: string, Screen: ComponentType) {
  history.replaceState(null, '', url);
  return render(
    <AppContext.Provider value={services}>
      <LocationProvider>
        <Router>
          <Route path={pattern} component={Screen} />
          <Route default component={Elsewhere} />
        </Router>
      </LocationProvider>
      <ToastHost />
    </AppContext.Provider>,
  );
}

/**
 * Presses Enter in a text field. happy-dom does not submit a form on Enter
 * the way a browser does (implicit submission), so this does it for it.
 */
export function pressEnter(input: HTMLInputElement): void {
  const proceed = fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  if (proceed) input.form?.requestSubmit();
}
