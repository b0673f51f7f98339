import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../protocol';
import { communityFields, needFields } from '../../../testing/fixtures';
import { getRecord, listOpenConflicts, listOutbox, type Notebook, type TalkaDatabase } from '../../db';
import { session } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderWithServices } from '../test-support';
import { ConflictsScreen } from './ConflictsScreen';

const COORDINATOR = {
  token: 'tok',
  user: { id: 'user-1', name: 'Anna Bērziņa', email: 'anna@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-1', name: 'Latgales kopienu centrs' },
};

let db: TalkaDatabase;
let notebook: Notebook;
beforeEach(() => {
  ({ db, notebook } = openTestNotebook('tablet-A'));
  session.value = COORDINATOR;
});
afterEach(async () => {
  session.value = null;
  await closeTestNotebook({ db });
});

/** A need whose title two tablets edited offline: this one's value won, tablet-B's is kept in a conflict (as a pull would bring it). */
async function needWithConflict() {
  const communityId = await notebook.create('communities', communityFields());
  const needId = await notebook.create('needs', needFields(communityId, { title: 'Ielu apgaismojums' }));
  const need = await getRecord(db, 'needs', needId);
  const conflictId = notebook.newId();
  const loserClock = formatHlc({ wall: Date.UTC(2026, 10, 20, 18, 30), counter: 0, deviceId: 'tablet-B' });
  await db.conflicts.put({
    id: conflictId, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false,
    communityId, table: 'needs', recordId: needId, field: 'title',
    winnerValue: 'Ielu apgaismojums', winnerClock: need!.clocks.title!,
    loserValue: 'Apgaismojums pie skolas', loserClock,
    resolved: false, resolvedBy: '', clocks: {},
  });
  return { needId, conflictId };
}

function renderScreen() {
  return renderWithServices({ db, notebook }, <ConflictsScreen />);
}

describe('ConflictsScreen (no typed value is discarded silently; the resolution is a synced edit)', () => {
  it('shows the record, the field, both values, who and when', async () => {
    await needWithConflict();
    renderScreen();
    const card = (await screen.findByText('Lauks: Nosaukums')).closest('li')!;
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toContain('Vajadzība');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toContain('Ielu apgaismojums');
    expect(within(card).getByText('Apgaismojums pie skolas')).toBeTruthy();
    expect(within(card).getByText(/^Šī ierīce, /)).toBeTruthy();
    expect(within(card).getByText(/^Ierīce tablet-B, .*2026/)).toBeTruthy();
  });

  it('names who made each value, on which device, and when, from the organisation\'s members (pulled, so offline too)', async () => {
    const { conflictId } = await needWithConflict();
    await db.conflicts.update(conflictId, { winnerBy: 'user-1', loserBy: 'user-2', loserDevice: 'Planšete 2' });
    await db.members.put({ id: 'user-2', name: 'Ilze Ozola', role: 'facilitator', active: true, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {} });
    renderScreen();
    const card = (await screen.findByText('Lauks: Nosaukums')).closest('li')!;
    expect(within(card).getByText(/^Anna Bērziņa \(šī ierīce\), /)).toBeTruthy();
    expect(await within(card).findByText(/^Ilze Ozola \(Planšete 2\), .*2026/)).toBeTruthy();
  });

  it('choosing the kept value writes it to the record and resolves the conflict, both queued for sync', async () => {
    const { needId, conflictId } = await needWithConflict();
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Izmantot šo vērtību' }));
    await waitFor(async () => expect((await getRecord(db, 'needs', needId))?.title).toBe('Apgaismojums pie skolas'));
    const conflict = await getRecord(db, 'conflicts', conflictId);
    expect(conflict?.resolved).toBe(true);
    expect(conflict?.resolvedBy).toBe('Anna Bērziņa');
    const outbox = await listOutbox(db);
    expect(outbox.find((entry) => entry.table === 'needs' && entry.recordId === needId)?.fields.title).toBe('Apgaismojums pie skolas');
    expect(outbox.find((entry) => entry.table === 'conflicts' && entry.recordId === conflictId)?.fields).toMatchObject({ resolved: true, resolvedBy: 'Anna Bērziņa' });
    expect(await screen.findByText('Atvērtu konfliktu nav.')).toBeTruthy();
  });

  it('takes a merged value typed by hand', async () => {
    const { needId } = await needWithConflict();
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Uzrakstīt apvienotu vērtību' }));
    const input = screen.getByLabelText('Apvienotā vērtība') as HTMLInputElement;
    expect(input.value).toBe('Ielu apgaismojums');
    fireEvent.input(input, { target: { value: 'Ielu apgaismojums pie skolas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt apvienoto' }));
    await waitFor(async () => expect((await getRecord(db, 'needs', needId))?.title).toBe('Ielu apgaismojums pie skolas'));
    expect(await listOpenConflicts(db)).toHaveLength(0);
  });

  it('refuses an empty merged title beside the field, and resolves nothing', async () => {
    await needWithConflict();
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Uzrakstīt apvienotu vērtību' }));
    fireEvent.input(screen.getByLabelText('Apvienotā vērtība'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt apvienoto' }));
    expect(await screen.findByText('Obligāts lauks')).toBeTruthy();
    expect(await listOpenConflicts(db)).toHaveLength(1);
  });

  it('renders values as text, never as markup', async () => {
    const { conflictId } = await needWithConflict();
    await db.conflicts.update(conflictId, { loserValue: '<img src=x onerror=alert(1)>' });
    const { container } = renderScreen();
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows a facilitator only their own replaced values, read only: coordinators decide', async () => {
    session.value = { ...COORDINATOR, user: { ...COORDINATOR.user, id: 'user-2', role: 'facilitator' } };
    const { conflictId } = await needWithConflict();
    const { conflictId: othersId } = await needWithConflict();
    await db.conflicts.update(conflictId, { loserBy: 'user-2' });
    await db.conflicts.update(othersId, { loserBy: 'user-3' });
    renderScreen();
    expect(await screen.findByText(/kura paliek, izlemj koordinators/)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('Lauks: Nosaukums')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Izmantot šo vērtību' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Paturēt pašreizējo' })).toBeNull();
  });
});
