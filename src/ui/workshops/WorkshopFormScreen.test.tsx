import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditableFields } from '../../../protocol';
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
  it('creates a workshop dated today with 3 dots per person and opens it', async () => {
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    expect((await field('Datums')).value).toBe(localDay(Date.now()));
    fireEvent.input(await field('Nosaukums'), { target: { value: 'KOPA forums' } });
    fireEvent.change(await field('Veids'), { target: { value: 'forum' } });
    fireEvent.input(await field('Programma'), { target: { value: 'KOPA' } });
    fireEvent.submit((await field('Nosaukums')).form!);

    const elsewhere = await screen.findByTestId('elsewhere');
    const created = (await services.db.workshops.toArray()).find((w) => w.title === 'KOPA forums')!;
    expect(elsewhere.textContent).toBe(`/workshops/${created.id}`);
    expect(created).toMatchObject({
      communityId: seeded.communityId, kind: 'forum', programme: 'KOPA', dotsPerPerson: 3, status: 'planned', notes: '', date: localDay(Date.now()),
    });
  });

  it('offers known and earlier programmes', async () => {
    const earlier = (await services.db.workshops.get(seeded.workshopId))!;
    await services.notebook.create('workshops', { ...pickEditable(earlier), programme: 'Sabiedrības integrācijas fonds' });
    renderAt(services, '/communities/:communityId/workshops/new', `/communities/${seeded.communityId}/workshops/new`, WorkshopFormScreen);
    const programme = await field('Programma');
    const list = document.getElementById(programme.getAttribute('list')!)!;
    await waitFor(() => expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual(['Drošas kopienas', 'KOPA', 'Sabiedrības integrācijas fonds']));
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

function pickEditable(workshop: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, deleted: _d, clocks: _k, ...fields } = workshop;
  return fields as unknown as EditableFields<'workshops'>;
}
