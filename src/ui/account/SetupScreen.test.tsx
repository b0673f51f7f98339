import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataOwner } from '../../db';
import { clearSession, session } from '../../account/session';
import { SetupScreen, readSetupToken } from './SetupScreen';
import { closeTestNotebook, openTestNotebook, type TestServices } from '../test-support';
import { SESSION, fakeServer, renderWithServer } from './test-support';

const TOKEN = 'Zx8kQ2mN4pR6sT8vW0yA2cE4';
const SETUP_NEEDED = { status: 200, body: { needed: true } };

let services: TestServices;
beforeEach(async () => {
  services = openTestNotebook();
  await clearSession();
});
afterEach(async () => {
  await closeTestNotebook(services);
  await clearSession();
});

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

const FORM = {
  'Organizācijas nosaukums': 'Latgales kopienu centrs',
  'Jūsu vārds un uzvārds': 'Anna Bērziņa',
  'E-pasts': 'anna@example.lv',
  'Parole': 'garaparole1',
  'Parole vēlreiz': 'garaparole1',
};

describe('SetupScreen', () => {
  it('reads the token from the URL fragment', () => {
    expect(readSetupToken(`#${TOKEN}`)).toBe(TOKEN);
    expect(readSetupToken('')).toBe('');
  });

  it('checks the form before sending: short password, passwords that differ', async () => {
    const server = fakeServer({ 'GET /api/setup/status': SETUP_NEEDED });
    renderWithServer(services, server, <SetupScreen />, `/setup#${TOKEN}`);
    fill({ ...FORM, 'Parole': 'īsa', 'Parole vēlreiz': 'cita' });
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    expect(await screen.findByText('Pārāk īss — vismaz 8 rakstzīmes')).toBeTruthy();
    fill({ 'Parole': 'garaparole1' });
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    expect(await screen.findByText('Paroles nesakrīt')).toBeTruthy();
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('says clearly when the link was used or has expired', async () => {
    const server = fakeServer({
      'GET /api/setup/status': SETUP_NEEDED,
      'POST /api/setup': { status: 403, body: { error: { code: 'invalid_setup_token', message: 'This setup link is wrong, used or older than 24 hours' } } },
    });
    renderWithServer(services, server, <SetupScreen />, `/setup#${TOKEN}`);
    fill(FORM);
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    expect(await screen.findByText(/Šī iestatīšanas saite jau ir izmantota vai tai beidzies derīguma termiņš/)).toBeTruthy();
    expect(session.value).toBeNull();
  });

  it('puts a taken email beside the email field', async () => {
    const server = fakeServer({
      'GET /api/setup/status': SETUP_NEEDED,
      'POST /api/setup': { status: 409, body: { error: { code: 'email_taken', message: 'taken' } } },
    });
    renderWithServer(services, server, <SetupScreen />, `/setup#${TOKEN}`);
    fill(FORM);
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    expect(await screen.findByText('Šis e-pasts jau ir reģistrēts')).toBeTruthy();
    expect(screen.getByLabelText('E-pasts').getAttribute('aria-invalid')).toBe('true');
  });

  it('puts text the server refuses (a control character in it) beside its field, keeping what was typed', async () => {
    const server = fakeServer({
      'GET /api/setup/status': SETUP_NEEDED,
      'POST /api/setup': { status: 400, body: { error: { code: 'invalid_value', message: 'name: invalid_value' } } },
    });
    renderWithServer(services, server, <SetupScreen />, `/setup#${TOKEN}`);
    fill(FORM);
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    expect(await screen.findByText(/Tekstā ir neredzamas vadības rakstzīmes/)).toBeTruthy();
    expect(screen.getByLabelText('Jūsu vārds un uzvārds').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Jūsu vārds un uzvārds') as HTMLInputElement).value).toBe('Anna Bērziņa');
  });

  it('creates the organisation, keeps the session and goes on to the users', async () => {
    const server = fakeServer({ 'GET /api/setup/status': SETUP_NEEDED, 'POST /api/setup': { status: 200, body: SESSION } });
    renderWithServer(services, server, <SetupScreen />, `/setup#${TOKEN}`);
    fill(FORM);
    fireEvent.click(screen.getByRole('button', { name: 'Izveidot organizāciju' }));
    await waitFor(() => expect(session.value?.organisation.name).toBe('Latgales kopienu centrs'));
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({
      token: TOKEN, organisation: 'Latgales kopienu centrs', name: 'Anna Bērziņa', email: 'anna@example.lv', password: 'garaparole1',
    });
    expect(await loadDataOwner(services.db)).toBe('org-new');
    expect(location.pathname).toBe('/users');
  });

  it('says when the link has no token, or the server is set up already', async () => {
    const { unmount } = renderWithServer(services, fakeServer({}), <SetupScreen />, '/setup');
    expect(screen.getByText(/Šajā saitē nav iestatīšanas koda/)).toBeTruthy();
    unmount();
    renderWithServer(services, fakeServer({ 'GET /api/setup/status': { status: 200, body: { needed: false } } }), <SetupScreen />, `/setup#${TOKEN}`);
    expect(await screen.findByText(/Organizācija šajā serverī jau ir izveidota/)).toBeTruthy();
  });
});
