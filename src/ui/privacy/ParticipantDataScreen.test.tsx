// A personal data request on a real database: the coordinator sees everything
// held about a participant, downloads it as JSON, and erases it as one synced
// edit that leaves attendance and votes as anonymous counts.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { needFields } from '../../../testing/fixtures';
import { ERASED_NAME } from '../../domain/export-participant';
import { session } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { ParticipantDataScreen } from './ParticipantDataScreen';

const COORDINATOR = {
  token: 'token', user: { id: 'user-dace', name: 'Dace Priede', email: 'dace@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-1', name: 'Vidzemes kopienu centrs' },
};

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let janisId: string;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa']);
  janisId = seeded.participantIds[0]!;
  const { notebook } = services;
  await notebook.update('participants', janisId, { household: 'Kalnāji', phone: '+371 26 000 001', email: 'janis@example.lv', consentPhotos: true });
  const workshop = { id: seeded.workshopId, communityId: seeded.communityId };
  await notebook.checkIn(workshop, janisId);
  await notebook.checkIn(workshop, seeded.participantIds[1]!);
  const needId = await notebook.create('needs', needFields(seeded.communityId, { workshopId: seeded.workshopId, title: 'Apgaismojums pie pieturas' }));
  await notebook.castVote(workshop, needId, janisId);
  await notebook.castVote(workshop, needId, janisId);
  // As after a sync: nothing waits to be sent.
  await services.db.outbox.clear();
  session.value = COORDINATOR;
});

afterEach(async () => {
  session.value = null;
  vi.restoreAllMocks();
  await closeTestNotebook(services);
});

function open(id = janisId) {
  renderAt(services, '/participants/:id/data', `/participants/${id}/data`, ParticipantDataScreen);
}

describe('a participant\'s data', () => {
  it('shows the record, consent, attendance with the workshop and votes', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Personas dati: Jānis Bērziņš' })).toBeTruthy();
    expect(screen.getByText('Kalnāji')).toBeTruthy();
    expect(screen.getByText('+371 26 000 001')).toBeTruthy();
    expect(screen.getByText('janis@example.lv')).toBeTruthy();
    const attendance = screen.getByRole('region', { name: 'Apmeklētie pasākumi (1)' });
    expect(within(attendance).getByText('Apkaimes darbnīca')).toBeTruthy();
    const votes = screen.getByRole('region', { name: 'Balsis (2)' });
    expect(within(votes).getAllByText('Apgaismojums pie pieturas')).toHaveLength(2);
  });

  it('downloads everything as JSON', async () => {
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return 'blob:participant';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    // The test's window would follow the download link; the file is all we need.
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    open();
    fireEvent.click(await screen.findByRole('button', { name: /Lejupielādēt JSON/ }));
    expect(made).toHaveLength(1);
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toMatch(/^talka-personas-dati-janis-berzins-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(await made[0]!.text());
    expect(document.organisation).toBe('Vidzemes kopienu centrs');
    expect(document.participant).toMatchObject({ name: 'Jānis Bērziņš', household: 'Kalnāji', consent: { data: true, photos: true } });
    expect(document.attendance).toHaveLength(1);
    expect(document.votes).toHaveLength(2);
  });

  it('is for coordinators only', async () => {
    session.value = { ...COORDINATOR, user: { ...COORDINATOR.user, role: 'facilitator' } };
    open();
    expect(await screen.findByText(/izpilda koordinators/)).toBeTruthy();
    expect(screen.queryByText('Kalnāji')).toBeNull();
  });
});

describe('erasure', () => {
  it('says what happens, asks for a tick, then replaces the personal fields in one synced edit; attendance and votes stay', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst personas datus' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dzēst personas datus: Jānis Bērziņš?' });
    expect(dialog.textContent).toContain('vārds tiks aizstāts ar “Dzēsts dalībnieks”');
    expect(dialog.textContent).toContain('1 apmeklējums un 2 balsis paliks kā anonīmi skaitļi');
    expect(dialog.textContent).toContain('nonāks visās ierīcēs');
    const confirm = within(dialog).getByRole('button', { name: 'Dzēst personas datus' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Saprotu, ka dzēšanu nevar atsaukt'));
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);

    expect(await screen.findByRole('heading', { level: 1, name: 'Personas dati: Dzēsts dalībnieks' })).toBeTruthy();
    expect(screen.queryByText('Kalnāji')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dzēst personas datus' })).toBeNull();

    const { db } = services;
    const record = await db.participants.get(janisId);
    expect(record).toMatchObject({
      name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true, deleted: false,
    });
    expect(JSON.stringify(record)).not.toMatch(/Jānis|Bērziņš|Kalnāji|26 000 001|janis@/);

    const attendance = (await db.attendance.where('participantId').equals(janisId).toArray()).filter((row) => !row.deleted);
    expect(attendance).toHaveLength(1);
    const votes = (await db.votes.toArray()).filter((vote) => vote.participantId === janisId && !vote.deleted);
    expect(votes).toHaveLength(2);

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'participants', recordId: janisId, op: 'put' });
    expect(outbox[0]!.fields).toMatchObject({ name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, erased: true });

    // The other participant is untouched.
    expect((await db.participants.get(seeded.participantIds[1]!))?.name).toBe('Anna Ozoliņa');
  });

  it('cancelling changes nothing', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst personas datus' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Atcelt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await services.db.participants.get(janisId))?.name).toBe('Jānis Bērziņš');
    expect(await services.db.outbox.count()).toBe(0);
  });

  it('empties the values a conflict kept about the record and resolves it on the device (the server does the same to every copy)', async () => {
    const { db, notebook } = services;
    await db.conflicts.put({
      id: '01900000-0000-7000-8000-0000000000cf', communityId: seeded.communityId, table: 'participants', recordId: janisId, field: 'phone',
      winnerValue: '+371 26 000 001', winnerClock: '1700000000000:0000:a', loserValue: '+371 29 999 999', loserClock: '1700000000000:0001:b',
      resolved: false, resolvedBy: '', createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {},
    });
    const { eraseParticipant } = await import('../../db/erasure');
    await eraseParticipant(notebook, janisId, 'user-dace');
    expect(await db.conflicts.get('01900000-0000-7000-8000-0000000000cf')).toMatchObject({
      winnerValue: '', loserValue: '', resolved: true, resolvedBy: 'user-dace',
    });
    expect(await db.outbox.count()).toBe(1);
  });
});
