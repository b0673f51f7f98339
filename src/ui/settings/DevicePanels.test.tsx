import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import type { Notebook, TalkaDatabase } from '../../db';
import { exportBackup } from '../../db/backup';
import { closeTestNotebook, openTestNotebook, renderWithServices } from '../test-support';
import { BackupPanel } from './BackupPanel';
import { ClearDataPanel, confirmsWith } from './ClearDataPanel';
import { DataSafetyPanel } from './DataSafetyPanel';
import { loadDataOwner, setDataOwner } from '../../db/meta';
import { clearSession, saveSession, session } from '../../account/session';
import { SESSION, fakeServer, renderWithServer } from '../account/test-support';

const MB = 1024 * 1024;
let db: TalkaDatabase;
let notebook: Notebook;

beforeEach(() => {
  ({ db, notebook } = openTestNotebook('tablet-A'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await clearSession();
  await closeTestNotebook({ db });
});

describe('DataSafetyPanel', () => {
  it("shows free space, photos' share and what exists only here", () => {
    render(<DataSafetyPanel storage={{ usage: 100 * MB, quota: 2048 * MB, persisted: true }}
      inventory={{ records: 40, changes: 3, photos: 1, images: 4, imageBytes: 25 * MB }} installHint={null} />);
    expect(screen.getByTestId('space-free').textContent).toMatch(/^Brīvs: 1,9 GB — Vietas pietiek\.$/);
    expect(screen.getByTestId('space-photos').textContent).toMatch(/^Foto aizņem 25 MB \(25\s?% no izmantotā\)$/);
    expect(screen.getByTestId('unsent-summary').textContent).toBe('3 nenosūtītas izmaiņas, 1 nenosūtīts foto');
  });

  it('warns early when space runs low, and advises a backup while storage is not persistent', () => {
    render(<DataSafetyPanel storage={{ usage: 900 * MB, quota: 1000 * MB, persisted: false }}
      inventory={{ records: 0, changes: 0, photos: 0, images: 0, imageBytes: 0 }} installHint={null} />);
    expect(screen.getByTestId('space-free').textContent).toBe('Ierīcē drīz pietrūks vietas: brīvi 100 MB. Sinhronizējiet un izveidojiet rezerves kopiju.');
    expect(screen.getByText(/sinhronizējiet bieži un ik pa laikam saglabājiet rezerves kopiju/)).toBeTruthy();
    expect(screen.getByTestId('unsent-summary').textContent).toBe('Visas izmaiņas un foto ir nosūtīti uz serveri.');
  });

  it('asks to add Talka to the Home Screen on iOS with short steps', () => {
    render(<DataSafetyPanel storage={{ usage: null, quota: null, persisted: null }} inventory={undefined} installHint={{ browser: 'other' }} />);
    expect(screen.getByText('Pievienojiet Talku sākuma ekrānam')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)[0]).toBe('Vispirms atveriet šo lapu Safari pārlūkā.');
  });
});

describe('BackupPanel', () => {
  it('checks the passphrase is long enough and typed the same twice', async () => {
    renderWithServices({ db, notebook }, <BackupPanel />);
    fireEvent.input(screen.getByLabelText('Parole'), { target: { value: 'īsa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }));
    expect(await screen.findByText('Parolei jābūt vismaz 8 rakstzīmes garai.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Parole'), { target: { value: 'garāka parole' } });
    fireEvent.input(screen.getByLabelText('Parole vēlreiz'), { target: { value: 'garaka parole' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }));
    expect(await screen.findByText('Paroles nesakrīt.')).toBeTruthy();
  });

  it('downloads the file and says what is in it', async () => {
    await notebook.create('communities', communityFields());
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:talka');
    renderWithServices({ db, notebook }, <BackupPanel />);
    fireEvent.click(screen.getByLabelText('Aizsargāt ar paroli'));
    fireEvent.click(screen.getByRole('button', { name: 'Lejupielādēt rezerves kopiju' }));
    const result = await screen.findByTestId('backup-export-result', {}, { timeout: 5000 });
    expect(result.textContent).toMatch(/^Rezerves kopija “talka-rezerves-kopija-\d{4}-\d{2}-\d{2}\.talka” \(.+\) ir lejupielādēta\. Tajā: 1 ieraksts, 1 nenosūtīta izmaiņa, 0 foto\.$/);
    expect(created).toHaveBeenCalledOnce();
  });

  it('imports a protected file: a wrong passphrase is told and imports nothing, the right one brings the data', async () => {
    const other = openTestNotebook('tablet-B');
    await other.notebook.create('communities', communityFields());
    const file = await exportBackup(other.db, { deviceId: 'tablet-B', passphrase: 'pareizā parole' });
    await closeTestNotebook(other);

    renderWithServices({ db, notebook }, <BackupPanel />);
    const input = screen.getByLabelText('Rezerves kopijas fails (.talka)');
    fireEvent.change(input, { target: { files: [new File([file.bytes], file.fileName)] } });
    const form = screen.getByRole('form', { name: 'Atjaunot no rezerves kopijas' });
    fireEvent.input(within(form).getByLabelText('Parole (ja fails ir aizsargāts)'), { target: { value: 'cita parole' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importēt' }));
    expect(await within(form).findByText('Nepareiza parole (vai fails ir bojāts). Nekas netika importēts.', {}, { timeout: 5000 })).toBeTruthy();
    expect(await db.communities.count()).toBe(0);

    fireEvent.input(within(form).getByLabelText('Parole (ja fails ir aizsargāts)'), { target: { value: 'pareizā parole' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Importēt' }));
    const result = await within(form).findByTestId('backup-import-result', {}, { timeout: 5000 });
    expect(result.textContent).toBe('Importēts: 1 ieraksts, 1 nenosūtīta izmaiņa, 0 foto. Failā bija: 1 ieraksts, 1 nenosūtīta izmaiņa, 0 foto.');
    expect(await db.communities.count()).toBe(1);
  });
});

describe('ClearDataPanel', () => {
  it('names what would be lost, clears only after the word is typed, signs out and shows the sign-in page', async () => {
    await notebook.create('communities', communityFields());
    await saveSession(SESSION);
    await setDataOwner(db, SESSION.organisation.id);
    const server = fakeServer({ 'POST /api/auth/logout': { status: 200, body: { ok: true } } });
    // The download test before this one leaves happy-dom on the file's blob: address.
    (globalThis as { happyDOM?: { setURL(url: string): void } }).happyDOM?.setURL('http://localhost:3000/settings');
    renderWithServer({ db, notebook }, server, <ClearDataPanel />, '/settings');
    fireEvent.click(screen.getByRole('button', { name: 'Dzēst datus no šīs ierīces' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dzēst visus datus no šīs ierīces?' });
    expect(within(dialog).getByTestId('clear-unsent').textContent)
      .toBe('Vēl nav nosūtīts uz serveri un tiks zaudēts neatgriezeniski: 1 nenosūtīta izmaiņa, 0 nenosūtītu foto.');
    const confirm = within(dialog).getByRole('button', { name: 'Dzēst neatgriezeniski' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.input(within(dialog).getByLabelText('Lai apstiprinātu, ierakstiet vārdu DZĒST'), { target: { value: 'dzest' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.communities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await loadDataOwner(db)).toBeNull();
    expect(session.value).toBeNull();
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/auth/logout']);
    expect(location.pathname).toBe('/login');
  });

  it('accepts the word with or without diacritics, in any case, and nothing else', () => {
    expect(confirmsWith(' DZĒST ', 'DZĒST')).toBe(true);
    expect(confirmsWith('Dzest', 'DZĒST')).toBe(true);
    expect(confirmsWith('dzēs', 'DZĒST')).toBe(false);
  });
});
