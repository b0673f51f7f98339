import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, needFields } from '../../../testing/fixtures';
import { getRecord, listOutbox, listRejectedChanges, markRefused, type Notebook, type TalkaDatabase } from '../../db';
import { session } from '../../account/session';
import { closeTestNotebook, openTestNotebook, renderWithServices } from '../test-support';
import { ChangesScreen } from './ChangesScreen';

let db: TalkaDatabase;
let notebook: Notebook;
beforeEach(() => {
  ({ db, notebook } = openTestNotebook('tablet-A'));
  session.value = null;
});
afterEach(() => closeTestNotebook({ db }));

/** A community (waiting) and a need whose creation the server refused. */
async function refusedNeed() {
  const communityId = await notebook.create('communities', communityFields());
  const needId = await notebook.create('needs', needFields(communityId, { title: 'Autobuss uz Liepāju', category: 'mobility' }));
  const entry = (await listOutbox(db)).find((each) => each.recordId === needId)!;
  await markRefused(db, [{ id: entry.id, code: 'unknown_community', message: `communityId: no community ${communityId} in this organisation` }]);
  return { communityId, needId };
}

function renderScreen() {
  return renderWithServices({ db, notebook }, <ChangesScreen />);
}

describe('ChangesScreen (a refused change is kept and shown, and never blocks the ones behind it)', () => {
  it('shows the changes waiting and each refused change with the reason, the record and the changed fields', async () => {
    const { communityId } = await refusedNeed();
    renderScreen();
    expect((await screen.findByTestId('changes-pending')).textContent).toContain('2 izmaiņas gaida nosūtīšanu');
    const card = screen.getByRole('heading', { name: /Autobuss uz Liepāju/ }).closest('li')!;
    expect(within(card).getByText('Vajadzība')).toBeTruthy();
    expect(within(card).getByText(/Serverī nav kopienas/)).toBeTruthy();
    expect(within(card).getByText('unknown_community')).toBeTruthy();
    expect(within(card).getByText('Mobilitāte')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Atvērt' }).getAttribute('href')).toBe(`/communities/${communityId}/needs`);
  });

  it('"Send again" clears the refusal so the next push takes it', async () => {
    await refusedNeed();
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Sūtīt vēlreiz' }));
    await waitFor(async () => expect(await listRejectedChanges(db)).toHaveLength(0));
    expect(await listOutbox(db)).toHaveLength(2);
  });

  it('"Discard" says what is lost and asks first; a refused new record leaves the device', async () => {
    const { needId } = await refusedNeed();
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Atmest' }));
    const dialog = await screen.findByRole('dialog', { name: 'Atmest šo izmaiņu?' });
    expect(dialog.textContent).toContain('Ieraksts “Autobuss uz Liepāju” serverī nekad nav nonācis');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Atcelt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getRecord(db, 'needs', needId)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Atmest' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Atmest izmaiņu' }));
    await waitFor(async () => expect(await getRecord(db, 'needs', needId)).toBeUndefined());
    expect(await listOutbox(db)).toHaveLength(1);
    expect(await screen.findByText('Serveris nav noraidījis nevienu izmaiņu.')).toBeTruthy();
  });
});
