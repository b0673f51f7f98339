import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  communityFields, needFields, participantFields, resourceFields, voteFields, wholeRecord, workshopFields,
} from '../../../testing/fixtures';
import type { Notebook, TalkaDatabase } from '../../db';
import { closeTestNotebook, openTestNotebook, pressEnter, renderAt } from '../test-support';
import { NeedsScreen } from './NeedsScreen';

let db: TalkaDatabase;
let notebook: Notebook;
let communityId: string;

beforeEach(async () => {
  ({ db, notebook } = openTestNotebook());
  communityId = await notebook.create('communities', communityFields());
});

afterEach(() => closeTestNotebook({ db }));

function renderNeeds() {
  renderAt({ db, notebook }, '/communities/:id/needs', `/communities/${communityId}/needs`, NeedsScreen);
}

describe('NeedsScreen quick entry', () => {
  it('Enter adds a card with the chosen category; the field is cleared and keeps the focus', async () => {
    renderNeeds();
    const title = await screen.findByLabelText<HTMLInputElement>('Jauna vajadzība');
    fireEvent.change(screen.getByLabelText('Kategorija'), { target: { value: 'safety' } });
    title.focus();
    fireEvent.input(title, { target: { value: 'Ielu apgaismojums' } });
    pressEnter(title);

    expect(await screen.findByRole('button', { name: 'Ielu apgaismojums' })).toBeTruthy();
    const needs = await db.needs.toArray();
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ title: 'Ielu apgaismojums', category: 'safety', status: 'raised', communityId, workshopId: null, deleted: false });
    await waitFor(() => expect(title.value).toBe(''));
    expect(document.activeElement).toBe(title);

    // The category stays for the next card.
    fireEvent.input(title, { target: { value: 'Gājēju pāreja' } });
    pressEnter(title);
    await screen.findByRole('button', { name: 'Gājēju pāreja' });
    expect((await db.needs.toArray()).map((need) => need.category)).toEqual(['safety', 'safety']);
  });

  it('an empty title shows "Obligāts lauks" beside the field and writes nothing', async () => {
    renderNeeds();
    const title = await screen.findByLabelText<HTMLInputElement>('Jauna vajadzība');
    title.focus();
    fireEvent.input(title, { target: { value: '   ' } });
    pressEnter(title);

    const error = await screen.findByText('Obligāts lauks');
    expect(title.getAttribute('aria-describedby')).toBe(error.id);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(await db.needs.count()).toBe(0);
    expect(await db.outbox.where('recordId').notEqual(communityId).count()).toBe(0);
  });
});

describe('NeedsScreen cards', () => {
  it('filters by category and status', async () => {
    await notebook.create('needs', needFields(communityId, { title: 'Ielu apgaismojums', category: 'safety' }));
    await notebook.create('needs', needFields(communityId, { title: 'Bērnu laukums', category: 'youth' }));
    await notebook.create('needs', needFields(communityId, { title: 'Vecais tilts', category: 'safety', status: 'solved' }));
    renderNeeds();
    await screen.findByRole('button', { name: 'Bērnu laukums' });

    fireEvent.change(screen.getByLabelText('Rādīt kategoriju'), { target: { value: 'safety' } });
    expect(screen.queryByRole('button', { name: 'Bērnu laukums' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Vecais tilts' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Rādīt statusu'), { target: { value: 'raised' } });
    expect(screen.queryByRole('button', { name: 'Vecais tilts' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ielu apgaismojums' })).toBeTruthy();
    expect(screen.getByText('Rāda 1 vajadzību no 3')).toBeTruthy();
  });

  it('a card shows its votes and the resources that point at it', async () => {
    const needId = await notebook.create('needs', needFields(communityId, { title: 'Sporta laukums' }));
    await notebook.create('resources', resourceFields(communityId, { kind: 'equipment', name: 'Kaimiņa traktors', needIds: [needId] }));
    renderNeeds();
    const card = (await screen.findByRole('button', { name: 'Sporta laukums' })).closest('article')!;
    expect(within(card).getByText('Kaimiņa traktors')).toBeTruthy();
    expect(within(card).getByText('0 balsu')).toBeTruthy();
  });

  it('tapping a card edits it; delete is soft and can be undone', async () => {
    const needId = await notebook.create('needs', needFields(communityId, { title: 'Bērnu laukums' }));
    renderNeeds();
    fireEvent.click(await screen.findByRole('button', { name: 'Bērnu laukums' }));

    const form = screen.getByRole('form', { name: 'Labot vajadzību' });
    fireEvent.change(within(form).getByLabelText('Statuss'), { target: { value: 'prioritised' } });
    fireEvent.input(within(form).getByLabelText('Atbildīgais'), { target: { value: 'Ilze' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Saglabāt' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Labot vajadzību' })).toBeNull());
    expect(await db.needs.get(needId)).toMatchObject({ status: 'prioritised', owner: 'Ilze' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bērnu laukums' })));

    fireEvent.click(screen.getByRole('button', { name: 'Bērnu laukums' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Labot vajadzību' })).getByRole('button', { name: 'Dzēst' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Bērnu laukums' })).toBeNull());
    expect((await db.needs.get(needId))?.deleted).toBe(true);

    expect(screen.getByText('“Bērnu laukums” izdzēsts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Atsaukt' }));
    expect(await screen.findByRole('button', { name: 'Bērnu laukums' })).toBeTruthy();
    expect((await db.needs.get(needId))?.deleted).toBe(false);
  });
});

describe('NeedsScreen order and who is responsible', () => {
  const titles = () => screen.getAllByRole('button').filter((b) => b.id.startsWith('need-open-')).map((b) => b.textContent);

  afterEach(() => localStorage.clear());

  it('sorts by votes, then newest; the order chosen is remembered on this device', async () => {
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const first = await notebook.create('needs', needFields(communityId, { title: 'Pirmā' }));
    await notebook.create('needs', needFields(communityId, { title: 'Otrā' }));
    const third = await notebook.create('needs', needFields(communityId, { title: 'Trešā' }));
    for (const needId of [first, first, third]) await notebook.create('votes', voteFields({ communityId, workshopId, needId }));
    renderNeeds();
    await screen.findByRole('button', { name: 'Pirmā' });
    expect(titles()).toEqual(['Pirmā', 'Trešā', 'Otrā']);

    fireEvent.change(screen.getByLabelText('Kārtot'), { target: { value: 'oldest' } });
    await waitFor(() => expect(titles()).toEqual(['Pirmā', 'Otrā', 'Trešā']));
    expect(localStorage.getItem('talka:needs-order')).toBe('oldest');
    cleanup();
    renderNeeds();
    await screen.findByRole('button', { name: 'Pirmā' });
    expect((screen.getByLabelText('Kārtot') as HTMLSelectElement).value).toBe('oldest');
    expect(titles()).toEqual(['Pirmā', 'Otrā', 'Trešā']);
  });

  it('offers the community\'s people and the users as responsible, and takes a name typed for someone else', async () => {
    await notebook.create('participants', participantFields(communityId, { name: 'Jānis Bērziņš' }));
    await db.members.put({ ...wholeRecord('members', { name: 'Dace Priede', role: 'coordinator', active: true }), clocks: {} });
    const needId = await notebook.create('needs', needFields(communityId, { title: 'Bērnu laukums' }));
    renderNeeds();
    fireEvent.click(await screen.findByRole('button', { name: 'Bērnu laukums' }));
    const owner = within(screen.getByRole('form', { name: 'Labot vajadzību' })).getByLabelText('Atbildīgais') as HTMLInputElement;
    await waitFor(() => expect([...document.querySelectorAll(`#${CSS.escape(owner.getAttribute('list')!)} option`)].map((o) => [o.getAttribute('value'), o.getAttribute('label')]))
      .toEqual([['Dace Priede', 'Talka lietotājs'], ['Jānis Bērziņš', 'Dalībnieks']]));
    fireEvent.input(owner, { target: { value: 'Kaimiņš no Lejām' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect((await db.needs.get(needId))?.owner).toBe('Kaimiņš no Lejām'));
  });
});
