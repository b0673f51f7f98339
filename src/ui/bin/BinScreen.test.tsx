import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, needFields, workshopFields } from '../../../testing/fixtures';
import { session } from '../../account/session';
import { Notebook, communityDeletion, type TalkaDatabase } from '../../db';
import { closeTestNotebook, openTestNotebook, renderWithServices } from '../test-support';
import { BinScreen } from './BinScreen';

const DACE = {
  token: 'tok',
  user: { id: 'user-dace', name: 'Dace Priede', email: 'dace@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-1', name: 'Latgales kopienu centrs' },
};
const ILZE = { id: 'user-ilze', name: 'Ilze Kalniņa', email: 'ilze@example.lv', role: 'facilitator' as const, active: true, createdAt: 1 };

let db: TalkaDatabase;
let notebook: Notebook;
beforeEach(() => {
  ({ db } = openTestNotebook('laptop-dace'));
  // Signed in, the app writes as the user: deletedBy is Dace's id.
  notebook = new Notebook({ db, deviceId: 'laptop-dace', author: () => DACE.user.id });
  session.value = DACE;
});
afterEach(async () => {
  session.value = null;
  await closeTestNotebook({ db });
});

const renderBin = () => renderWithServices({ db, notebook }, <BinScreen />);

describe('the bin', () => {
  it('lists a community deleted with its events and need as one entry, names who deleted it, and restores it whole', async () => {
    const communityId = await notebook.create('communities', communityFields({ name: 'Rēznas kopiena' }));
    const workshopId = await notebook.create('workshops', workshopFields(communityId));
    const needId = await notebook.create('needs', needFields(communityId, { title: 'Soliņi' }));
    await notebook.remove('needs', needId);
    const scope = await communityDeletion(db, communityId);
    await notebook.removeTogether([{ table: 'communities', id: communityId }, ...scope.children]);

    renderBin();
    const entries = await screen.findAllByTestId('bin-entry');
    expect(entries).toHaveLength(2);
    const [community, need] = entries;
    expect(within(community!).getByRole('heading', { level: 2 }).textContent).toBe('Kopiena Rēznas kopiena');
    expect(within(community!).getByText('kopā ar 1 citu ierakstu')).toBeTruthy();
    expect(within(community!).getByText(/^Dzēsa Dace Priede, /)).toBeTruthy();
    expect(within(need!).getByRole('heading', { level: 2 }).textContent).toBe('Vajadzība Soliņi');

    fireEvent.click(within(community!).getByRole('button', { name: 'Atjaunot' }));
    await waitFor(() => expect(screen.getAllByTestId('bin-entry')).toHaveLength(1));
    expect((await db.communities.get(communityId))?.deleted).toBe(false);
    expect((await db.workshops.get(workshopId))?.deleted).toBe(false);
    // Deleted before, on its own: it stays in the bin.
    expect((await db.needs.get(needId))?.deleted).toBe(true);
  });

  it('names a facilitator who deleted something from the organisation\'s members', async () => {
    const communityId = await notebook.create('communities', communityFields());
    const workshopId = await notebook.create('workshops', workshopFields(communityId, { title: 'Talka' }));
    // As a pull brings Ilze's deletion from her tablet.
    const clocks = { ...(await db.workshops.get(workshopId))!.clocks, deleted: '1760000000000:0000:tablet-ilze' };
    await db.workshops.update(workshopId, { deleted: true, deletedBy: ILZE.id, clocks });
    // Her member record, as the server writes it and every device pulls it.
    await db.members.put({ id: ILZE.id, name: ILZE.name, role: 'facilitator', active: true, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted: false, clocks: {} });
    renderBin();
    expect(await screen.findByText(/^Dzēsa Ilze Kalniņa, /)).toBeTruthy();
  });

  it('is for coordinators', () => {
    session.value = { ...DACE, user: { ...DACE.user, role: 'facilitator' } };
    renderBin();
    expect(screen.getByText('Atkritni redz un ierakstus atjauno koordinatori.')).toBeTruthy();
  });
});
