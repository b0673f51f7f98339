import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, participantFields, workshopFields } from '../../../testing/fixtures';
import { Notebook } from '../../db';
import { session } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { RetentionSection } from './RetentionSection';
import { set } from 'idb-keyval';
import { settingsId } from '../../../protocol';
import { loadSettings } from '../../db';

const DAY = 24 * 60 * 60 * 1000;
let services: TestServices;
let organisation: string;

async function seed() {
  let now = Date.now() - 3 * 365 * DAY;
  const notebook = new Notebook({ db: services.db, deviceId: 'test-device', now: () => now });
  const communityId = await notebook.create('communities', communityFields());
  const person = (name: string, erased = false) => notebook.create('participants', participantFields(communityId, { name, erased }));
  // Made three years ago and never seen since.
  const old = await person('Jānis Bērziņš');
  await person('Dzēsts dalībnieks', true);
  // Made three years ago, at a workshop six weeks ago.
  const recent = await person('Anna Ozoliņa');
  now = Date.now() - 45 * DAY;
  const workshopId = await notebook.create('workshops', workshopFields(communityId, { date: new Date(now).toISOString().slice(0, 10) }));
  await notebook.checkIn({ id: workshopId, communityId }, recent);
  // New this week.
  now = Date.now() - 2 * DAY;
  await person('Pēteris Kļaviņš');
  return { old };
}

beforeEach(() => {
  services = openTestNotebook();
  organisation = `org-${crypto.randomUUID()}`;
  session.value = {
    token: 't', user: { id: 'u1', name: 'Dace', email: 'dace@example.lv', role: 'coordinator' }, organisation: { id: organisation, name: 'Org' },
  };
});

afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

function show() {
  renderWithServices(services, <RetentionSection />);
}

describe('retention review', () => {
  it('flags, after the default 24 months, only who was last seen before then, linked to their data', async () => {
    const { old } = await seed();
    show();
    await waitFor(() => expect(screen.getByTestId('retention-count').textContent).toMatch(/^1 dalībnieks nav redzēts ilgāk par 24 mēn\./));
    const link = screen.getByRole('link', { name: 'Personas dati: Jānis Bērziņš' });
    expect(link.getAttribute('href')).toBe(`/participants/${old}/data`);
    const item = link.closest('li')!;
    expect(within(item).getByText(/^Pasākumi nav apmeklēti; ieraksts izveidots/)).toBeTruthy();
    expect(screen.queryByText('Anna Ozoliņa')).toBeNull();
    expect(screen.queryByText('Dzēsts dalībnieks')).toBeNull();
  });

  it('saves a shorter period as the organisation\'s synced setting, and flags by it', async () => {
    await seed();
    show();
    const months = await screen.findByLabelText('Atzīmēt, ja nav redzēts ilgāk par (mēnešos)');
    await waitFor(() => expect((months as HTMLInputElement).value).toBe('24'));
    fireEvent.input(months, { target: { value: '0' } });
    expect(await screen.findByText('Ievadiet veselu skaitli no 1 līdz 120')).toBeTruthy();
    fireEvent.input(months, { target: { value: '1' } });
    fireEvent.submit(months.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('retention-count').textContent).toMatch(/^2 dalībnieki nav redzēti ilgāk par 1 mēn\./));
    expect(screen.getByRole('link', { name: 'Personas dati: Anna Ozoliņa' })).toBeTruthy();
    expect((await loadSettings(services.db, organisation))?.retentionMonths).toBe(1);
    // A synced edit: in the outbox for the server, under the organisation's one settings id.
    expect(await services.db.outbox.where('recordId').equals(settingsId(organisation)).count()).toBe(1);
  });

  it('offers the period this device kept on its own before settings synced, until the organisation saves one', async () => {
    await set(`talka:retention-months:${organisation}`, 6);
    await seed();
    show();
    const months = await screen.findByLabelText('Atzīmēt, ja nav redzēts ilgāk par (mēnešos)');
    await waitFor(() => expect((months as HTMLInputElement).value).toBe('6'));
  });
});
