import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../account/session';
import { UsersScreen } from './UsersScreen';
import { closeTestNotebook, openTestNotebook, type TestServices } from '../test-support';
import { SESSION, fakeServer, renderWithServer } from './test-support';

const ANNA = { id: 'user-1', name: 'Anna Bērziņa', email: 'anna@example.lv', role: 'coordinator', active: true, createdAt: 1 };
const JANIS = { id: 'user-2', name: 'Jānis Kalniņš', email: 'janis@example.lv', role: 'facilitator', active: true, createdAt: 2 };

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook();
  session.value = SESSION;
});
afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

describe('UsersScreen', () => {
  it('lists the users with role and state, sending the session token', async () => {
    const server = fakeServer({ 'GET /api/users': { status: 200, body: { users: [ANNA, JANIS] } } });
    renderWithServer(services, server, <UsersScreen />, '/users');
    const row = (await screen.findByText('Jānis Kalniņš')).closest('li')!;
    expect(within(row).getByText('janis@example.lv')).toBeTruthy();
    expect(within(row).getByText('Fasilitators')).toBeTruthy();
    expect(within(row).getByText('Aktīvs')).toBeTruthy();
    expect(screen.getByText('2 lietotāji')).toBeTruthy();
    expect(server.requests[0]?.authorization).toBe('Bearer test-token');
  });

  it('adds a facilitator', async () => {
    const server = fakeServer({
      'GET /api/users': { status: 200, body: { users: [ANNA] } },
      'POST /api/users': (body) => ({ status: 201, body: { user: { ...JANIS, ...(body as object) } } }),
    });
    renderWithServer(services, server, <UsersScreen />, '/users');
    await screen.findByText('Anna Bērziņa');
    fireEvent.input(screen.getByLabelText('Vārds un uzvārds'), { target: { value: 'Jānis Kalniņš' } });
    fireEvent.input(screen.getByLabelText('E-pasts'), { target: { value: 'janis@example.lv' } });
    fireEvent.input(screen.getByLabelText('Sākotnējā parole'), { target: { value: 'sakumparole' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pievienot lietotāju' }));
    expect(await screen.findByText('Jānis Kalniņš')).toBeTruthy();
    expect(server.requests.at(-1)?.body).toEqual({ name: 'Jānis Kalniņš', email: 'janis@example.lv', role: 'facilitator', password: 'sakumparole' });
    expect((screen.getByLabelText('Vārds un uzvārds') as HTMLInputElement).value).toBe('');
  });

  it('deactivates a user after asking', async () => {
    const server = fakeServer({
      'GET /api/users': { status: 200, body: { users: [ANNA, JANIS] } },
      'POST /api/users/user-2/deactivate': { status: 200, body: { user: { ...JANIS, active: false } } },
    });
    renderWithServer(services, server, <UsersScreen />, '/users');
    const row = (await screen.findByText('Jānis Kalniņš')).closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Deaktivizēt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deaktivizēt lietotāju Jānis Kalniņš?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deaktivizēt' }));
    expect(await within(row).findByText('Deaktivizēts')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Aktivizēt' })).toBeTruthy();
  });

  it('says that managing users needs a connection', async () => {
    renderWithServer(services, fakeServer({}), <UsersScreen />, '/users');
    expect(await screen.findByText(/Lietotāju pārvaldībai vajag interneta savienojumu/)).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Pievienot lietotāju' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('tells a facilitator that coordinators manage users', () => {
    session.value = { ...SESSION, user: { ...SESSION.user, role: 'facilitator' } };
    renderWithServer(services, fakeServer({}), <UsersScreen />, '/users');
    expect(screen.getByText('Lietotājus pārvalda tikai koordinatori.')).toBeTruthy();
  });
});
