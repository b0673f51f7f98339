import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPending } from '../../db';
import { clearSession, saveSession, session } from '../../account/session';
import { AccountMenu } from './AccountMenu';
import { SESSION, fakeServer, openTestServices, renderWithServices } from './test-support';

let services: ReturnType<typeof openTestServices>;
beforeEach(async () => {
  services = openTestServices();
  await saveSession(SESSION);
});
afterEach(async () => {
  await clearSession();
  services.db.close();
  await services.db.delete();
});

describe('AccountMenu (logging out with unsent changes asks first)', () => {
  it('warns how many changes are unsent, keeps them, and signs out even when the server is out of reach', async () => {
    await services.notebook.create('communities', {
      name: 'Rucava', municipality: 'LV-112', parish: '', description: '', maturity: 'active', contacts: [],
    });
    const server = fakeServer({});
    renderWithServices(services, server, <AccountMenu />);
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
    renderWithServices(services, server, <AccountMenu />);
    fireEvent.click(screen.getByRole('button', { name: 'Iziet' }));
    await waitFor(() => expect(session.value).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
