import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantFields, programmeFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { WorkshopScreen } from './WorkshopScreen';

let services: TestServices;
let workshopId: string;

beforeEach(async () => {
  services = openTestNotebook();
  // No one else is written after the workshop, so its creation is the newest outbox entry and notes fold into it.
  ({ workshopId } = await seedWorkshop(services, []));
  renderAt(services, '/workshops/:id', `/workshops/${workshopId}`, WorkshopScreen);
});

afterEach(() => closeTestNotebook(services));

const notesField = async () => (await screen.findByLabelText('Piezīmes')) as HTMLTextAreaElement;

/** Types `text` one character at a time, each its own input event, as a keyboard does. */
function typeInto(field: HTMLTextAreaElement, text: string) {
  for (let i = 1; i <= text.length; i++) fireEvent.input(field, { target: { value: text.slice(0, i) } });
}

describe('workshop page', () => {
  it('shows the facts, the live attendance count and the ways to check-in and voting', async () => {
    expect(await screen.findByRole('heading', { level: 1, name: 'Apkaimes darbnīca' })).toBeTruthy();
    expect(screen.getByText('Tautas nams')).toBeTruthy();
    expect(screen.getByText('Drošas kopienas')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Dalībnieku reģistrācija/ }).getAttribute('href')).toBe(`/workshops/${workshopId}/checkin`);
    expect(screen.getByRole('link', { name: /Balsošana ar punktiem/ }).getAttribute('href')).toBe(`/workshops/${workshopId}/voting`);
    await waitFor(() => expect(screen.getByTestId('attendance-count').textContent).toBe('0 dalībnieku'));
    const workshop = (await services.db.workshops.get(workshopId))!;
    const participantId = await services.notebook.create('participants', participantFields(workshop.communityId, { name: 'Anna Ozoliņa' }));
    await services.notebook.checkIn(workshop, participantId);
    await waitFor(() => expect(screen.getByTestId('attendance-count').textContent).toBe('1 dalībnieks'));
  });

  it('names the programme the event chose by id, rather than the name typed on it earlier', async () => {
    expect((await screen.findByTestId('workshop-programme')).textContent).toBe('Drošas kopienas');
    const programmeId = await services.notebook.create('programmes', programmeFields({ name: 'Kopienu stiprināšana' }));
    await services.notebook.update('workshops', workshopId, { programmeId });
    await waitFor(() => expect(screen.getByTestId('workshop-programme').textContent).toBe('Kopienu stiprināšana'));
  });

  it('notes save as you type: the database holds the full text and the record has one outbox entry', async () => {
    const field = await notesField();
    field.focus();
    typeInto(field, 'Sapulcē 14 cilvēki');
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.notes).toBe('Sapulcē 14 cilvēki'));
    expect(await screen.findByText('✓ Saglabāts')).toBeTruthy();
    const entries = await services.db.outbox.where('recordId').equals(workshopId).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields.notes).toBe('Sapulcē 14 cilvēki');
    expect(field.value).toBe('Sapulcē 14 cilvēki');
  });

  it('a change from elsewhere does not overwrite the notes while the field is in use, and shows once it is not', async () => {
    const field = await notesField();
    field.focus();
    fireEvent.focus(field);
    typeInto(field, 'Mūsu teksts');
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.notes).toBe('Mūsu teksts'));
    await services.notebook.update('workshops', workshopId, { notes: 'No citas planšetes' });
    await screen.findByText('✓ Saglabāts');
    expect(field.value).toBe('Mūsu teksts');

    fireEvent.blur(field);
    await waitFor(() => expect(field.value).toBe('No citas planšetes'));
  });

  it('a write that fails shows why and keeps the text', async () => {
    const field = await notesField();
    const tooLong = 'a'.repeat(20_001);
    fireEvent.input(field, { target: { value: tooLong } });
    expect(await screen.findByText('Pārāk garš teksts')).toBeTruthy();
    expect(field.value).toBe(tooLong);
    expect((await services.db.workshops.get(workshopId))?.notes).toBe('');
    fireEvent.input(field, { target: { value: 'īss' } });
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.notes).toBe('īss'));
    await waitFor(() => expect(screen.queryByText('Pārāk garš teksts')).toBeNull());
  });

  it('offers a past workshop with check-ins to be marked held, and marks it', async () => {
    await services.notebook.update('workshops', workshopId, { date: '2020-05-01', status: 'planned' });
    await screen.findByRole('heading', { level: 1, name: 'Apkaimes darbnīca' });
    // Past, but nobody came: nothing offered.
    await waitFor(() => expect(screen.getByTestId('attendance-count').textContent).toBe('0 dalībnieku'));
    expect(screen.queryByRole('button', { name: 'Atzīmēt kā notikušu' })).toBeNull();
    const workshop = (await services.db.workshops.get(workshopId))!;
    const participantId = await services.notebook.create('participants', participantFields(workshop.communityId, { name: 'Anna Ozoliņa' }));
    await services.notebook.checkIn(workshop, participantId);
    fireEvent.click(await screen.findByRole('button', { name: 'Atzīmēt kā notikušu' }));
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.status).toBe('held'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Atzīmēt kā notikušu' })).toBeNull());
  });

  it('asks first, says what goes with it, deletes softly, and undo brings the workshop back', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dzēst pasākumu “Apkaimes darbnīca”?' });
    await waitFor(() => expect(within(dialog).getByTestId('deletion-summary').textContent).toBe('Pasākums'));
    expect((await services.db.workshops.get(workshopId))?.deleted).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dzēst' }));
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.deleted).toBe(true));
    expect(await screen.findByText('“Apkaimes darbnīca” izdzēsts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Atsaukt' }));
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.deleted).toBe(false));
  });
});

describe('notes after a reload that beat the database write', () => {
  it('keystrokes kept in the draft are shown and stored on the next start, then the draft is cleared', async () => {
    cleanup();
    localStorage.setItem(`talka:notes-draft:${workshopId}`, 'Pēdējais burts!');
    renderAt(services, '/workshops/:id', `/workshops/${workshopId}`, WorkshopScreen);
    const field = await notesField();
    expect(field.value).toBe('Pēdējais burts!');
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.notes).toBe('Pēdējais burts!'));
    await waitFor(() => expect(localStorage.getItem(`talka:notes-draft:${workshopId}`)).toBeNull());
  });

  it('typing leaves no draft behind once the database has the text', async () => {
    const field = await notesField();
    typeInto(field, 'abc');
    await waitFor(async () => expect((await services.db.workshops.get(workshopId))?.notes).toBe('abc'));
    await waitFor(() => expect(localStorage.getItem(`talka:notes-draft:${workshopId}`)).toBeNull());
  });
});
