import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import { countLocalRecords, countPending, loadDataOwner, setDataOwner } from '../../db';
import { clearSession, saveSession, session } from '../../account/session';
import { AccountMenu } from './AccountMenu';
import { closeTestNotebook, openTestNotebook, type TestServices } from '../test-support';
import { SESSION, fakeServer, renderWithServer } from './test-support';

let services: TestServices;
beforeEach(async () => {
  services = openTestNotebook();
  await saveSession(SESSION);
  await setDataOwner(services.db, SESSION.organisation.id);
});
afterEach(async () => {
  await clearSession();
  await closeTestNotebook(services);
});

const LOGOUT = { 'POST /api/auth/logout': { status: 200, body: { ok: true } } };

describe('AccountMenu (signing out takes the organisation’s data off the device)', () => {
  it('with changes unsent, says how many, offers a backup, and removes them only once acknowledged', async () => {
    await services.notebook.create('communities', communityFields());
    await set('talka:retention-months:org-new', 24);
    const server = fakeServer({});
    renderWithServer(services, server, <AccountMenu />, '/communities');
    expect(screen.getByText('Anna Bērziņa')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ne viss ir nosūtīts uz serveri' });
    expect(within(dialog).getByTestId('sign-out-unsent').textContent).toBe('Vēl nav nosūtīts uz serveri: 1 nenosūtīta izmaiņa, 0 nenosūtītu foto.');
    expect(within(dialog).getByRole('button', { name: 'Lejupielādēt rezerves kopiju' })).toBeTruthy();
    expect((within(dialog).getByLabelText('Aizsargāt ar paroli') as HTMLInputElement).checked).toBe(true);

    const confirm = within(dialog).getByRole('button', { name: 'Izdzēst datus un iziet' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Saprotu, ka tas, kas nav nosūtīts un nav rezerves kopijā, tiks zaudēts'));
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);

    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(session.value).toBeNull();
    // The server was out of reach: the device is emptied all the same.
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/auth/logout']);
    expect(await countLocalRecords(services.db)).toBe(0);
    expect(await countPending(services.db)).toBe(0);
    expect(await loadDataOwner(services.db)).toBeNull();
    expect(await get('talka:retention-months:org-new')).toBeUndefined();
    expect(await get('talka:session')).toBeUndefined();
    expect(await screen.findByRole('link', { name: 'Pieslēgties' })).toBeTruthy();
  });

  it('keeps everything when the person cancels', async () => {
    await services.notebook.create('communities', communityFields());
    renderWithServer(services, fakeServer(LOGOUT), <AccountMenu />, '/communities');
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ne viss ir nosūtīts uz serveri' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Atcelt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(session.value?.user.id).toBe(SESSION.user.id);
    expect(await countPending(services.db)).toBe(1);
    expect(await loadDataOwner(services.db)).toBe(SESSION.organisation.id);
  });

  it('signs out at once when everything was sent, removing the synced records too', async () => {
    const id = await services.notebook.create('communities', communityFields());
    await services.db.outbox.clear(); // as after a sync: the record stays, its change is acknowledged
    expect(await services.db.communities.get(id)).toBeTruthy();
    const server = fakeServer(LOGOUT);
    renderWithServer(services, server, <AccountMenu />, '/communities');
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(session.value).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/auth/logout']);
    expect(await countLocalRecords(services.db)).toBe(0);
    expect(await screen.findByText('Iziešana pabeigta: organizācijas dati no šīs ierīces ir izdzēsti.')).toBeTruthy();
  });
});
