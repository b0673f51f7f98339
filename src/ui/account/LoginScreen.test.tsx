import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import { Notebook, countLocalRecords, countPending, loadDataOwner, loadDataUser, setDataOwner, setDataUser } from '../../db';
import { clearSession, session } from '../../account/session';
import { LoginScreen } from './LoginScreen';
import { closeTestNotebook, openTestNotebook, type TestServices } from '../test-support';
import { SESSION, fakeServer, renderWithServer } from './test-support';

let services: TestServices;
beforeEach(async () => {
  services = openTestNotebook();
  await clearSession();
});
afterEach(async () => {
  await closeTestNotebook(services);
  await clearSession();
});

function typeCredentials(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('E-pasts'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Parole'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Pieslēgties' }));
}

describe('LoginScreen', () => {
  it('shows a wrong password in Latvian and keeps the typed email', async () => {
    const server = fakeServer({
      'POST /api/auth/login': { status: 401, body: { error: { code: 'invalid_credentials', message: 'Wrong email or password' } } },
    });
    renderWithServer(services, server, <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'nepareiza');
    expect(await screen.findByText('Nepareizs e-pasts vai parole.')).toBeTruthy();
    expect((screen.getByLabelText('E-pasts') as HTMLInputElement).value).toBe('anna@example.lv');
    expect(server.requests[0]?.body).toEqual({ email: 'anna@example.lv', password: 'nepareiza' });
    expect(session.value).toBeNull();
  });

  it('says there is no connection and that work can go on offline', async () => {
    renderWithServer(services, fakeServer({}), <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'parole123');
    expect(await screen.findByText(/Nav savienojuma ar serveri. Varat turpināt strādāt bez tīkla/)).toBeTruthy();
    expect((screen.getByLabelText('Parole') as HTMLInputElement).value).toBe('parole123');
  });

  it('signs in, records the organisation as the owner of the device data and opens the app', async () => {
    await services.notebook.create('communities', communityFields());
    const server = fakeServer({ 'POST /api/auth/login': { status: 200, body: SESSION } });
    renderWithServer(services, server, <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'pareiza-parole');
    await waitFor(() => expect(session.value?.user.name).toBe('Anna Bērziņa'));
    expect(await loadDataOwner(services.db)).toBe('org-new');
    // Data typed before anyone signed in is kept: it had no owner.
    expect(await countLocalRecords(services.db)).toBe(1);
    expect(location.pathname).toBe('/');
  });

  it('asks before removing another organisation’s data, and requires acknowledging unsent changes', async () => {
    await services.notebook.create('communities', communityFields());
    await setDataOwner(services.db, 'org-other');
    const server = fakeServer({ 'POST /api/auth/login': { status: 200, body: SESSION } });
    renderWithServer(services, server, <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'pareiza-parole');

    const dialog = await screen.findByRole('dialog', { name: 'Šajā ierīcē ir citas organizācijas dati' });
    expect(dialog.textContent).toContain('1 ieraksts, kas pieder citai organizācijai');
    expect(dialog.textContent).toContain('“Latgales kopienu centrs”');
    expect(dialog.textContent).toContain('1 izmaiņa nekad nav nosūtīta uz serveri');
    expect(session.value).toBeNull();

    const confirm = screen.getByRole('button', { name: 'Izdzēst datus no ierīces un pieslēgties' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Saprotu, ka 1 nenosūtīta izmaiņa tiks zaudēta'));
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);

    await waitFor(() => expect(session.value?.organisation.id).toBe('org-new'));
    expect(await countLocalRecords(services.db)).toBe(0);
    expect(await countPending(services.db)).toBe(0);
    expect(await loadDataOwner(services.db)).toBe('org-new');
  });

  it('removes nothing when the person cancels', async () => {
    await services.notebook.create('communities', communityFields());
    await setDataOwner(services.db, 'org-other');
    renderWithServer(services, fakeServer({ 'POST /api/auth/login': { status: 200, body: SESSION } }), <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'pareiza-parole');
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByRole('button', { name: 'Atcelt, neko nedzēst' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(session.value).toBeNull();
    expect(await countLocalRecords(services.db)).toBe(1);
    expect(await loadDataOwner(services.db)).toBe('org-other');
  });

  it('asks before removing another user’s data of the same organisation; the same user signing in again keeps it', async () => {
    await setDataOwner(services.db, SESSION.organisation.id);
    await setDataUser(services.db, 'user-other');
    const other = new Notebook({ db: services.db, deviceId: 'test-device', author: () => 'user-other' });
    await other.create('communities', communityFields());
    renderWithServer(services, fakeServer({ 'POST /api/auth/login': { status: 200, body: SESSION } }), <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'pareiza-parole');
    const dialog = await screen.findByRole('dialog', { name: 'Šajā ierīcē ir cita lietotāja dati' });
    expect(dialog.textContent).toContain('Šajā ierīcē ir dati (1 ieraksts), ko ielādēja cits šīs organizācijas lietotājs.');
    expect(dialog.textContent).toContain('1 izmaiņa nekad nav nosūtīta uz serveri');
    expect(session.value).toBeNull();
    fireEvent.click(screen.getByLabelText('Saprotu, ka 1 nenosūtīta izmaiņa tiks zaudēta'));
    fireEvent.click(screen.getByRole('button', { name: 'Izdzēst datus no ierīces un pieslēgties' }));
    await waitFor(() => expect(session.value?.user.id).toBe(SESSION.user.id));
    expect(await countLocalRecords(services.db)).toBe(0);
    expect(await countPending(services.db)).toBe(0);
    expect(await loadDataUser(services.db)).toBe(SESSION.user.id);
  });

  it('lets the same user back in after their token expired, with everything on the device kept', async () => {
    await setDataOwner(services.db, SESSION.organisation.id);
    await setDataUser(services.db, SESSION.user.id);
    const own = new Notebook({ db: services.db, deviceId: 'test-device', author: () => SESSION.user.id });
    await own.create('communities', communityFields());
    renderWithServer(services, fakeServer({ 'POST /api/auth/login': { status: 200, body: SESSION } }), <LoginScreen />, '/login');
    typeCredentials('anna@example.lv', 'pareiza-parole');
    await waitFor(() => expect(session.value?.user.id).toBe(SESSION.user.id));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await countLocalRecords(services.db)).toBe(1);
    expect(await countPending(services.db)).toBe(1);
  });
});
