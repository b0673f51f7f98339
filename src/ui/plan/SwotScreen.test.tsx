import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { communityFields, swotFields, workshopFields } from '../../../testing/fixtures';
import { SwotScreen } from './SwotScreen';
import { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';

let services: TestServices;
let communityId: string;

beforeEach(async () => {
  services = openTestNotebook();
  communityId = await services.notebook.create('communities', communityFields());
  renderAt(services, '/communities/:id/swot', `/communities/${communityId}/swot`, SwotScreen);
});

afterEach(() => closeTestNotebook(services));

const quadrant = async (name: string) => screen.findByRole('region', { name });

describe('SWOT board', () => {
  it('quick-add to a quadrant creates one swot record in that quadrant and keeps the input ready for the next', async () => {
    const threats = await quadrant('Draudi');
    const input = within(threats).getByLabelText('Jauns ieraksts: Draudi') as HTMLInputElement;
    input.focus();
    fireEvent.input(input, { target: { value: 'Jaunieši aizbrauc uz pilsētu' } });
    fireEvent.submit(input.form!);

    expect(await within(threats).findByText('Jaunieši aizbrauc uz pilsētu')).toBeTruthy();
    const rows = await services.db.swot.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ communityId, quadrant: 'threats', text: 'Jaunieši aizbrauc uz pilsētu', workshopId: null, deleted: false });
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
    expect(within(await quadrant('Stiprās puses')).queryByText('Jaunieši aizbrauc uz pilsētu')).toBeNull();
  });

  it('an empty line adds nothing', async () => {
    const strengths = await quadrant('Stiprās puses');
    fireEvent.submit(within(strengths).getByLabelText('Jauns ieraksts: Stiprās puses').closest('form')!);
    await Promise.resolve();
    expect(await services.db.swot.count()).toBe(0);
  });

  it('edits an item in place, sending only the changed text', async () => {
    const id = await services.notebook.create('swot', swotFields(communityId, { text: 'Kultūras nams' }));
    const update = vi.spyOn(services.notebook, 'update');
    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Kultūras nams' }));
    const text = await screen.findByLabelText('Ieraksts');
    fireEvent.input(text, { target: { value: 'Atjaunots kultūras nams' } });
    fireEvent.submit(text.closest('form')!);
    expect(await screen.findByText('Atjaunots kultūras nams')).toBeTruthy();
    expect(update).toHaveBeenCalledExactlyOnceWith('swot', id, { text: 'Atjaunots kultūras nams' });
    expect((await services.db.swot.get(id))?.text).toBe('Atjaunots kultūras nams');
  });

  it('soft-deletes an item and undo brings it back', async () => {
    const id = await services.notebook.create('swot', swotFields(communityId, { quadrant: 'opportunities', text: 'LEADER projekti' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst: LEADER projekti' }));
    await waitFor(() => expect(screen.queryByText('LEADER projekti')).toBeNull());
    expect((await services.db.swot.get(id))?.deleted).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Atsaukt' }));
    expect(await screen.findByText('LEADER projekti')).toBeTruthy();
    expect((await services.db.swot.get(id))?.deleted).toBe(false);
  });
});

describe('SWOT board with the community\'s workshops', () => {
  it('notes new items as coming from the workshop chosen, and shows it on the item', async () => {
    const workshopId = await services.notebook.create('workshops', workshopFields(communityId, { title: 'Pavasara darbnīca' }));
    const source = await screen.findByLabelText('Pasākums, no kura nāk jaunie ieraksti');
    fireEvent.change(source, { target: { value: workshopId } });
    const opportunities = await quadrant('Iespējas');
    const input = within(opportunities).getByLabelText('Jauns ieraksts: Iespējas') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Novada līdzfinansējums' } });
    fireEvent.submit(input.form!);

    expect(await within(opportunities).findByText('Pavasara darbnīca')).toBeTruthy();
    const [row] = await services.db.swot.toArray();
    expect(row).toMatchObject({ quadrant: 'opportunities', workshopId, text: 'Novada līdzfinansējums' });
  });
});
