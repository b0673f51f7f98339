// Renders a screen of this feature over a real, freshly named database, at a
// real route, with a stand-in for every other route so navigation shows.
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

export async function closeTestNotebook({ db }: TestServices): Promise<void> {
  db.close();
  await db.delete();
}

function Elsewhere() {
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

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

/** A community with a workshop and the given people, as a facilitator would have it before the evening. */
export async function seedWorkshop({ notebook }: TestServices, names: readonly string[]) {
  const communityId = await notebook.create('communities', {
    name: 'Raunas kopiena', municipality: 'LV-094', parish: 'Rauna', description: '', maturity: 'emerging', contacts: [],
  });
  const workshopId = await notebook.create('workshops', {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: '2026-11-23', startTime: '18:00', endTime: '20:00',
    place: 'Tautas nams', programme: 'Drošas kopienas', facilitators: 'Ilze', agenda: '', notes: '', status: 'planned', dotsPerPerson: 3,
  });
  const participantIds: string[] = [];
  for (const name of names) {
    participantIds.push(await notebook.create('participants', {
      communityId, name, household: '', phone: '', email: '', role: 'resident',
      consentData: true, consentPhotos: false, consentDate: '2026-11-23', erased: false,
    }));
  }
  return { communityId, workshopId, participantIds };
}
