import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, participantFields, workshopFields } from '../../../testing/fixtures';
import { session } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';
import { MergeScreen } from './MergeScreen';
import { PeopleScreen } from './PeopleScreen';

let services: TestServices;
let ids: { first: string; second: string; forum: string };

beforeEach(async () => {
  services = openTestNotebook();
  session.value = { token: 't', user: { id: 'u1', name: 'Dace', email: 'dace@example.lv', role: 'coordinator' }, organisation: { id: 'org', name: 'Org' } };
  const { notebook } = services;
  const lazdona = await notebook.create('communities', communityFields({ name: 'Lazdona' }));
  const forum = await notebook.create('workshops', workshopFields(lazdona, { title: 'Forums' }));
  const first = await notebook.addWalkIn({ id: forum, communityId: lazdona }, participantFields(lazdona, { name: 'Ilze Kalna', household: '' }));
  const second = await notebook.addWalkIn({ id: forum, communityId: lazdona }, participantFields(null, { name: 'ilze kalna', household: 'Kalni' }));
  ids = { first, second, forum };
});

afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

describe('the people register', () => {
  it('suggests the walk-in taken twice, saying why, and links to the side-by-side merge', async () => {
    renderAt(services, '/people', '/people', PeopleScreen);
    const duplicates = await screen.findByRole('region', { name: 'Iespējamie dublikāti' });
    await waitFor(() => expect(within(duplicates).getByText('Sakrīt vārds, kā arī: abi atzīmēti vienā pasākumā')).toBeTruthy());
    const [a, b] = [ids.first, ids.second].sort();
    expect(within(duplicates).getByRole('link', { name: 'Salīdzināt un apvienot' }).getAttribute('href')).toBe(`/people/merge/${a}/${b}`);
  });

  it('merges with the values chosen side by side, and the register lists one person and the merged record', async () => {
    renderAt(services, '/people/merge/:a/:b', `/people/merge/${ids.first}/${ids.second}`, MergeScreen);
    const stays = await screen.findByRole('group', { name: 'Kurš ieraksts paliek' });
    fireEvent.click(within(stays).getByLabelText(/^Ilze Kalna \(Lazdona\)/));
    // The household differs: the staying record's is blank, so the other's is offered first.
    const household = screen.getByRole('group', { name: 'Mājsaimniecība' });
    expect((within(household).getByLabelText('Kalni') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Apvienot' }));
    await waitFor(async () => expect((await services.db.participants.get(ids.second))?.mergedInto).toBe(ids.first));
    expect(await services.db.participants.get(ids.first)).toMatchObject({ name: 'Ilze Kalna', household: 'Kalni' });
  });

  it('a facilitator is told merges are a coordinator\'s', async () => {
    session.value = { ...session.value!, user: { ...session.value!.user, role: 'facilitator' } };
    renderAt(services, '/people/merge/:a/:b', `/people/merge/${ids.first}/${ids.second}`, MergeScreen);
    expect(await screen.findByText('Ierakstus apvieno koordinatori.')).toBeTruthy();
  });
});
