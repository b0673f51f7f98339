import { screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import { setDataOwner } from '../../db';
import { clearSession, saveSession } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { SESSION } from './test-support';
import { SessionGate, mayShow } from './SessionGate';

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook();
});
afterEach(async () => {
  await clearSession();
  await closeTestNotebook(services);
});

function renderGated(url: string) {
  history.replaceState(null, '', url);
  return renderWithServices(services, (
    <LocationProvider>
      <SessionGate><p data-testid="screen">records</p></SessionGate>
    </LocationProvider>
  ));
}

describe('SessionGate (no organisation data without a session)', () => {
  it('sends a device that holds an organisation’s data and has no session to the sign-in page', async () => {
    await services.notebook.create('communities', communityFields());
    await setDataOwner(services.db, SESSION.organisation.id);
    renderGated('/communities/x');
    await waitFor(() => expect(location.pathname).toBe('/login'));
  });

  it('shows the screens to the signed-in, and to a device whose data belongs to no organisation yet', async () => {
    await saveSession(SESSION);
    await setDataOwner(services.db, SESSION.organisation.id);
    renderGated('/communities/x');
    expect(await screen.findByTestId('screen')).toBeTruthy();
    expect(location.pathname).toBe('/communities/x');
  });

  it('decides by path, session and owner', () => {
    expect(mayShow('/', false, 'org-1')).toBe(false);
    expect(mayShow('/login', false, 'org-1')).toBe(true);
    expect(mayShow('/setup', false, 'org-1')).toBe(true);
    expect(mayShow('/', false, null)).toBe(true);
    expect(mayShow('/', false, undefined)).toBeUndefined();
    expect(mayShow('/', true, 'org-1')).toBe(true);
  });
});
