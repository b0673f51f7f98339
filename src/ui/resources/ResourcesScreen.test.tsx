import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, needFields, resourceFields } from '../../../testing/fixtures';
import type { Notebook, TalkaDatabase } from '../../db';
import { closeTestNotebook, openTestNotebook, renderAt } from '../test-support';
import { ResourcesScreen } from './ResourcesScreen';

let db: TalkaDatabase;
let notebook: Notebook;
let communityId: string;
let needIds: string[];

beforeEach(async () => {
  ({ db, notebook } = openTestNotebook());
  communityId = await notebook.create('communities', communityFields());
  needIds = [
    await notebook.create('needs', needFields(communityId, { title: 'Vieta jauniešiem' })),
    await notebook.create('needs', needFields(communityId, { title: 'Kopīgas talkas' })),
  ];
});

afterEach(() => closeTestNotebook({ db }));

function renderResources() {
  renderAt({ db, notebook }, '/communities/:id/resources', `/communities/${communityId}/resources`, ResourcesScreen);
}

describe('ResourcesScreen', () => {
  it('shows every kind of the asset map, empty ones too', async () => {
    renderResources();
    for (const kind of ['Cilvēka prasmes', 'Grupa vai biedrība', 'Iestāde', 'Vieta vai ēka', 'Aprīkojums', 'Dabas resurss', 'Finansējums']) {
      expect(await screen.findByRole('heading', { name: new RegExp(`^${kind}`) })).toBeTruthy();
    }
  });

  it('adds a resource of a kind linked to needs, shown with those needs', async () => {
    renderResources();
    fireEvent.click(await screen.findByRole('button', { name: 'Pievienot: Vieta vai ēka' }));
    const form = screen.getByRole('form', { name: 'Jauns resurss' });
    const name = within(form).getByLabelText<HTMLInputElement>('Nosaukums');
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Tautas nams' } });
    fireEvent.input(within(form).getByLabelText('Pieejamība'), { target: { value: 'Vakaros, 60 vietas' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Kopīgas talkas' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Saglabāt' }));

    const place = screen.getByRole('region', { name: /^Vieta vai ēka/ });
    const card = (await within(place).findByRole('heading', { name: 'Tautas nams' })).closest('article')!;
    expect(within(card).getByText('Kopīgas talkas')).toBeTruthy();
    expect(within(card).queryByText('Vieta jauniešiem')).toBeNull();
    const [resource] = await db.resources.toArray();
    expect(resource).toMatchObject({ kind: 'place', name: 'Tautas nams', availability: 'Vakaros, 60 vietas', needIds: [needIds[1]], communityId });
  });

  it('an empty name is refused beside the field and writes nothing', async () => {
    renderResources();
    fireEvent.click(await screen.findByRole('button', { name: 'Pievienot: Aprīkojums' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Jauns resurss' })).getByRole('button', { name: 'Saglabāt' }));
    expect(await screen.findByText('Obligāts lauks')).toBeTruthy();
    expect(await db.resources.count()).toBe(0);
  });

  it('edits the links, keeps what it does not show, and deletes softly with undo', async () => {
    const goneNeed = await notebook.create('needs', needFields(communityId, { title: 'Izdzēsta vajadzība' }));
    await notebook.remove('needs', goneNeed);
    const id = await notebook.create('resources', resourceFields(communityId, { kind: 'skill', name: 'Anna šuj', needIds: [needIds[0]!, goneNeed] }));
    renderResources();
    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Anna šuj' }));
    const form = screen.getByRole('form', { name: 'Labot resursu' });
    expect(within(form).queryByRole('checkbox', { name: 'Izdzēsta vajadzība' })).toBeNull();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Vieta jauniešiem' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Kopīgas talkas' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Saglabāt' }));
    await waitFor(async () => expect((await db.resources.get(id))?.needIds).toEqual([goneNeed, needIds[1]]));

    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Anna šuj' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Labot resursu' })).getByRole('button', { name: 'Dzēst' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Anna šuj' })).toBeNull());
    expect((await db.resources.get(id))?.deleted).toBe(true);
    expect(screen.getByText('“Anna šuj” izdzēsts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Atsaukt' }));
    expect(await screen.findByRole('heading', { name: 'Anna šuj' })).toBeTruthy();
  });
});
