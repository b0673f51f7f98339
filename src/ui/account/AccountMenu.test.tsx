import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import { countPending } from '../../db';
import { clearSession, saveSession, session } from '../../account/session';
import { AccountMenu } from './AccountMenu';
import { closeTestNotebook, openTestNotebook, type TestServices } from '../test-support';
import { SESSION, fakeServer, renderWithServer } from './test-support';

let services: TestServices;
beforeEach(async () => {
  services = openTestNotebook();
  await saveSession(SESSION);
});
afterEach(async () => {
  await clearSession();
  await closeTestNotebook(services);
});

describe('AccountMenu (logging out with unsent changes asks first)', () => {
  it('warns how many changes are unsent, keeps them, and signs out even when the server is out of reach', async () => {
    await services.notebook.create('communities', communityFields());
    const server = fakeServer({});
    renderWithServer(services, server, <AccountMenu />);
    expect(screen.getByText('Anna Bērziņa')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Iziet no konta?' });
    expect(dialog.textContent).toContain('1 izmaiņa vēl nav nosūtīta. Tā paliek šajā ierīcē un tiks nosūtīta, kad atkal pieslēgsieties.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Iziet' }).find((button) => dialog.contains(button))!);
    await waitFor(() => expect(session.value).toBeNull());
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/auth/logout']);
    expect(await countPending(services.db)).toBe(1);
    expect(await screen.findByRole('link', { name: 'Pieslēgties' })).toBeTruthy();
  });

  it('signs out at once when nothing waits', async () => {
    const server = fakeServer({ 'POST /api/auth/logout': { status: 200, body: { ok: true } } });
    renderWithServer(services, server, <AccountMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    await waitFor(() => expect(session.value).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
