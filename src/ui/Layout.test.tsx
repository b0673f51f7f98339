import { fireEvent, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../account/session';
import { Layout } from './Layout';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from './test-support';

const COORDINATOR = {
  token: 'tok',
  user: { id: 'user-1', name: 'Anna Bērziņa', email: 'anna@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-1', name: 'Latgales kopienu centrs' },
};

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook('tablet-A');
  history.replaceState(null, '', '/');
});
afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

function renderLayout() {
  return renderWithServices(services, <LocationProvider><Layout><p>screen</p></Layout></LocationProvider>);
}

const navLinks = () => within(screen.getByRole('navigation', { name: 'Galvenā navigācija' })).getAllByRole('link').map((link) => link.textContent);

describe('Layout', () => {
  it('offers sign-in when nobody is signed in, in the header and in the sync bar', async () => {
    renderLayout();
    expect(navLinks()).toEqual(['Kopienas', 'Pasākumi', 'Cilvēki', 'Programmas', 'Pārskats', 'Iestatījumi', 'Pieslēgties']);
    expect(within(screen.getByRole('status', { name: 'Sinhronizācijas stāvoklis' })).getByRole('link', { name: 'Pieslēgties, lai sinhronizētu' })).toBeTruthy();
    expect(await screen.findByTestId('pending-count')).toBeTruthy();
  });

  it('shows conflicts, the bin and users to coordinators, with who is signed in and "Sign out"', () => {
    session.value = COORDINATOR;
    renderLayout();
    expect(navLinks()).toEqual(['Kopienas', 'Pasākumi', 'Cilvēki', 'Programmas', 'Pārskats', 'Eksports', 'Konflikti', 'Atkritne', 'Lietotāji', 'Iestatījumi']);
    expect(screen.getByText('Anna Bērziņa')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Iziet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Kopienas' }).getAttribute('aria-current')).toBe('page');
  });

  it('keeps conflicts and users out of a facilitator’s navigation', () => {
    session.value = { ...COORDINATOR, user: { ...COORDINATOR.user, role: 'facilitator' } };
    renderLayout();
    expect(navLinks()).toEqual(['Kopienas', 'Pasākumi', 'Cilvēki', 'Programmas', 'Pārskats', 'Iestatījumi']);
  });

  it('folds the navigation behind a menu button that says whether it is open', () => {
    renderLayout();
    const toggle = screen.getByRole('button', { name: /Izvēlne/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('navigation', { name: 'Galvenā navigācija' }).classList.contains('is-open')).toBe(true);
  });
});
