import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { programmeFields } from '../../../testing/fixtures';
import { loadLastProgramme, saveLastProgramme } from '../../db/programme-queries';
import { localDay } from '../../domain/days';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { WorkshopFormScreen } from './WorkshopFormScreen';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, []);
});

afterEach(() => closeTestNotebook(services));

const field = async (label: string) => (await screen.findByLabelText(label)) as HTMLInputElement;

describe('workshop form', () => {
  it('creates a workshop dated today with 3 dots per person, of the programme chosen by id, and opens it', async () => {
    const kopa = await services.notebook.create('programmes', programmeFields({ name: 'KOPA' }));
    await services.notebook.create('programmes', programmeFields({ name: 'Drošas kopienas' }));
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    expect((await field('Datums')).value).toBe(localDay(Date.now()));
    fireEvent.input(await field('Nosaukums'), { target: { value: 'KOPA forums' } });
    fireEvent.change(await field('Veids'), { target: { value: 'forum' } });
    fireEvent.change(await field('Programma'), { target: { value: kopa } });
    fireEvent.submit((await field('Nosaukums')).form!);

    const elsewhere = await screen.findByTestId('elsewhere');
    const created = (await services.db.workshops.toArray()).find((w) => w.title === 'KOPA forums')!;
    expect(elsewhere.textContent).toBe(`/workshops/${created.id}`);
    expect(created).toMatchObject({
      communityId: seeded.communityId, kind: 'forum', programmeId: kopa, programme: '', dotsPerPerson: 3, status: 'planned', notes: '', date: localDay(Date.now()),
    });
  });

  it('offers the organisation\'s live programmes by name, and starts a new event with the one this device used last', async () => {
    const kopa = await services.notebook.create('programmes', programmeFields({ name: 'KOPA' }));
    await services.notebook.create('programmes', programmeFields({ name: 'Drošas kopienas' }));
    const gone = await services.notebook.create('programmes', programmeFields({ name: 'Beigusies' }));
    await services.notebook.remove('programmes', gone);
    await saveLastProgramme(services.db, kopa);
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    const programme = (await field('Programma')) as unknown as HTMLSelectElement;
    expect([...programme.options].map((option) => option.textContent)).toEqual(['Bez programmas', 'Drošas kopienas', 'KOPA']);
    expect(programme.value).toBe(kopa);
  });

  it('preselects the only programme; an event with only the programme typed earlier shows it until one is chosen', async () => {
    const only = await services.notebook.create('programmes', programmeFields({ name: 'Drošas kopienas' }));
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    expect(((await field('Programma')) as unknown as HTMLSelectElement).value).toBe(only);
    cleanup();

    // The seeded event has 'Drošas kopienas' typed and no programme id.
    const update = vi.spyOn(services.notebook, 'update');
    renderAt(services, '/workshops/:id/edit', `/workshops/${seeded.workshopId}/edit`, WorkshopFormScreen);
    const programme = (await field('Programma')) as unknown as HTMLSelectElement;
    expect(programme.value).toBe('');
    expect(await screen.findByText('Agrāk ierakstīts: Drošas kopienas')).toBeTruthy();
    fireEvent.change(programme, { target: { value: only } });
    expect(screen.queryByText('Agrāk ierakstīts: Drošas kopienas')).toBeNull();
    fireEvent.submit(programme.form!);
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/workshops/${seeded.workshopId}`);
    expect(update).toHaveBeenCalledExactlyOnceWith('workshops', seeded.workshopId, { programmeId: only });
    expect(await loadLastProgramme(services.db)).toBe(only);
  });

  it('shows errors beside the fields and keeps what was typed', async () => {
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    fireEvent.input(await field('Vieta'), { target: { value: 'Skola' } });
    fireEvent.input(await field('Balsošanas punkti vienam dalībniekam'), { target: { value: '40' } });
    fireEvent.submit((await field('Vieta')).form!);
    expect(await screen.findByText('Obligāts lauks')).toBeTruthy();
    expect(screen.getByText('Pārāk liela vērtība')).toBeTruthy();
    expect((await field('Vieta')).value).toBe('Skola');
    expect(await services.db.workshops.count()).toBe(1);
  });

  it('refuses an end time before the start time', async () => {
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    fireEvent.input(await field('Nosaukums'), { target: { value: 'Sapulce' } });
    fireEvent.input(await field('Sākums'), { target: { value: '18:00' } });
    fireEvent.input(await field('Beigas'), { target: { value: '17:00' } });
    fireEvent.submit((await field('Nosaukums')).form!);
    expect(await screen.findByText('Beigām jābūt vēlāk par sākumu')).toBeTruthy();
    expect(await services.db.workshops.count()).toBe(1);
  });

  it('editing sends only the changed fields', async () => {
    const update = vi.spyOn(services.notebook, 'update');
    renderAt(services, '/workshops/:id/edit', `/workshops/${seeded.workshopId}/edit`, WorkshopFormScreen);
    const status = await field('Statuss');
    await waitFor(() => expect((screen.getByLabelText('Nosaukums') as HTMLInputElement).value).toBe('Apkaimes darbnīca'));
    fireEvent.change(status, { target: { value: 'held' } });
    fireEvent.submit(status.form!);
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/workshops/${seeded.workshopId}`);
    expect(update).toHaveBeenCalledExactlyOnceWith('workshops', seeded.workshopId, { status: 'held' });
  });
});
