import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { communityFields, needFields, participantFields, workshopFields } from '../../../testing/fixtures';
import type { Notebook, TalkaDatabase } from '../../db';
import { closeTestNotebook, openTestNotebook, renderAt } from '../test-support';
import { VotingScreen } from './VotingScreen';

let db: TalkaDatabase;
let notebook: Notebook;
let workshopId: string;
let needIds: Record<string, string>;

beforeEach(async () => {
  ({ db, notebook } = openTestNotebook());
  const communityId = await notebook.create('communities', communityFields());
  workshopId = await notebook.create('workshops', workshopFields(communityId, { status: 'held', dotsPerPerson: 2 }));
  const workshop = { id: workshopId, communityId };
  const anna = await notebook.create('participants', participantFields(communityId, { name: 'Anna Bērziņa' }));
  await notebook.checkIn(workshop, anna);
  // Someone of the community who is not at this workshop may not vote here.
  await notebook.create('participants', participantFields(communityId, { name: 'Jānis Kalniņš' }));
  needIds = {
    light: await notebook.create('needs', needFields(communityId, { title: 'Ielu apgaismojums', category: 'safety' })),
    playground: await notebook.create('needs', needFields(communityId, { title: 'Bērnu laukums', category: 'youth' })),
    bus: await notebook.create('needs', needFields(communityId, { title: 'Autobuss uz Jelgavu', category: 'mobility' })),
  };
  await notebook.create('needs', needFields(communityId, { title: 'Vecais tilts', status: 'solved' }));
});

afterEach(() => closeTestNotebook({ db }));

const plus = (title: string) => screen.getByRole<HTMLButtonElement>('button', { name: `Pievienot punktu: ${title}` });
const minus = (title: string) => screen.getByRole<HTMLButtonElement>('button', { name: `Noņemt punktu: ${title}` });
const tallyOrder = () => within(screen.getByRole('region', { name: 'Rezultāti' })).getAllByRole('listitem').map((item) => item.textContent);
/** The polite live region that reads each change out (the dots-per-person <output> is a status too). */
const announced = () => screen.getAllByRole('status').find((element) => element.tagName === 'P')?.textContent;
const liveVotes = async () => (await db.votes.where('workshopId').equals(workshopId).toArray()).filter((vote) => !vote.deleted);

function renderVoting() {
  renderAt({ db, notebook }, '/workshops/:id/voting', `/workshops/${workshopId}/voting`, VotingScreen);
}

describe('VotingScreen', () => {
  it('offers only the people checked in at this workshop and only open needs', async () => {
    renderVoting();
    expect(await screen.findByRole('button', { name: /Anna Bērziņa/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Jānis Kalniņš/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pievienot punktu: Vecais tilts' })).toBeNull();
    // Until a voter is chosen, "+" says why it cannot be used.
    expect(plus('Bērnu laukums').disabled).toBe(true);
    expect(screen.getByText('Vispirms izvēlieties, kurš balso.')).toBeTruthy();
  });

  it('spends a voter’s dots, then disables "+" with the reason, and tallies by votes', async () => {
    renderVoting();
    fireEvent.click(await screen.findByRole('button', { name: /Anna Bērziņa/ }));
    expect(screen.getByText('Anna Bērziņa: atlikuši 2 punkti')).toBeTruthy();

    fireEvent.click(plus('Bērnu laukums'));
    await screen.findByText('Anna Bērziņa: atlicis 1 punkts');
    fireEvent.click(plus('Bērnu laukums'));

    await waitFor(() => expect(plus('Ielu apgaismojums').disabled).toBe(true));
    expect(plus('Bērnu laukums').disabled).toBe(true);
    expect(plus('Autobuss uz Jelgavu').disabled).toBe(true);
    const reason = screen.getByText('Anna Bērziņa: visi punkti izlietoti. Izvēlieties nākamo balsotāju.');
    expect(plus('Autobuss uz Jelgavu').getAttribute('aria-describedby')).toBe(reason.id);

    expect(tallyOrder()[0]).toContain('Bērnu laukums');
    expect(tallyOrder()[0]).toContain('2 balsis');
    expect(tallyOrder()[1]).toContain('0 balsu');
    await waitFor(() => expect(announced()).toBe('“Bērnu laukums”: 2 balsis. Anna Bērziņa: atlicis 0 punktu'));

    const votes = await liveVotes();
    expect(votes).toHaveLength(2);
    expect(votes.every((vote) => vote.participantId !== null && vote.needId === needIds.playground)).toBe(true);
  });

  it('"−" takes one dot back: the vote row is soft-deleted and the deletion queued for sync', async () => {
    renderVoting();
    fireEvent.click(await screen.findByRole('button', { name: /Anna Bērziņa/ }));
    fireEvent.click(plus('Bērnu laukums'));
    fireEvent.click(plus('Bērnu laukums'));
    await waitFor(() => expect(plus('Bērnu laukums').disabled).toBe(true));

    fireEvent.click(minus('Bērnu laukums'));
    await waitFor(() => expect(plus('Bērnu laukums').disabled).toBe(false));
    expect(tallyOrder()[0]).toContain('1 balss');

    const rows = await db.votes.where('needId').equals(needIds.playground!).toArray();
    expect(rows).toHaveLength(2);
    const takenBack = rows.filter((vote) => vote.deleted);
    expect(takenBack).toHaveLength(1);
    const outbox = await db.outbox.where('recordId').equals(takenBack[0]!.id).toArray();
    expect(outbox.some((entry) => entry.fields.deleted === true)).toBe(true);
  });

  it('quick taps cannot spend more dots than a person has', async () => {
    renderVoting();
    fireEvent.click(await screen.findByRole('button', { name: /Anna Bērziņa/ }));
    fireEvent.click(plus('Ielu apgaismojums'));
    fireEvent.click(plus('Ielu apgaismojums'));
    await waitFor(() => expect(plus('Ielu apgaismojums').disabled).toBe(true));
    // Taps run in turn, so once this take-back is announced the third tap has been judged too.
    fireEvent.click(minus('Ielu apgaismojums'));
    await waitFor(() => expect(announced()).toBe('“Ielu apgaismojums”: 1 balss. Anna Bērziņa: atlicis 1 punkts'));
    expect(await liveVotes()).toHaveLength(1);
  });

  it('anonymous mode adds dots with no per-person limit', async () => {
    renderVoting();
    fireEvent.click(await screen.findByRole('radio', { name: 'Anonīmi, bez ierobežojuma' }));
    expect(screen.queryByRole('button', { name: /Anna Bērziņa/ })).toBeNull();

    for (let dot = 1; dot <= 5; dot++) {
      fireEvent.click(plus('Autobuss uz Jelgavu'));
      await waitFor(() => expect(tallyOrder()[0]).toContain(`${dot} bals`));
    }
    expect(plus('Autobuss uz Jelgavu').disabled).toBe(false);
    expect(tallyOrder()[0]).toContain('Autobuss uz Jelgavu');
    expect(tallyOrder()[0]).toContain('5 balsis');
    const votes = await liveVotes();
    expect(votes).toHaveLength(5);
    expect(votes.every((vote) => vote.participantId === null)).toBe(true);
  });

  it('changes the dots per person on the workshop', async () => {
    renderVoting();
    fireEvent.click(await screen.findByRole('button', { name: 'Vairāk punktu katram' }));
    await waitFor(async () => expect((await db.workshops.get(workshopId))?.dotsPerPerson).toBe(3));
    expect(await screen.findByText('atlikuši 3 punkti')).toBeTruthy();
  });
});
