import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParticipantsScreen } from './ParticipantsScreen';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa']);
  renderAt(services, '/communities/:id/participants', `/communities/${seeded.communityId}/participants`, ParticipantsScreen);
});

afterEach(() => closeTestNotebook(services));

describe('participants', () => {
  it('lists the community with consent state and finds people without diacritics', async () => {
    expect(await screen.findByText('Jānis Bērziņš')).toBeTruthy();
    expect(screen.getAllByText('Nefotografēt')).toHaveLength(2);
    fireEvent.input(screen.getByLabelText('Meklēt'), { target: { value: 'ozolina' } });
    await waitFor(() => expect(screen.queryByText('Jānis Bērziņš')).toBeNull());
    expect(screen.getByText('Anna Ozoliņa')).toBeTruthy();
  });

  it('adds a participant with consent dated today', async () => {
    fireEvent.click(await screen.findByRole('button', { name: '+ Jauns dalībnieks' }));
    const name = (await screen.findByLabelText('Vārds, uzvārds')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Pēteris Kalniņš' } });
    fireEvent.click(screen.getByLabelText('Piekrītu, ka mani fotografē'));
    fireEvent.submit(name.form!);
    expect(await screen.findByText('Pēteris Kalniņš')).toBeTruthy();
    const added = (await services.db.participants.toArray()).find((p) => p.name === 'Pēteris Kalniņš');
    // Recorded as at the door: who recorded it and the text in force (the shipped one, version 1).
    expect(added).toMatchObject({ communityId: seeded.communityId, consentPhotos: true, consentData: false, erased: false, consentBy: 'test-device', consentVersion: '1' });
    expect(added!.consentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('edits in place, sending only what changed', async () => {
    const update = vi.spyOn(services.notebook, 'update');
    fireEvent.click(await screen.findByRole('button', { name: 'Labot: Anna Ozoliņa' }));
    const phone = (await screen.findByLabelText('Tālrunis')) as HTMLInputElement;
    fireEvent.input(phone, { target: { value: '+371 26 000 000' } });
    fireEvent.submit(phone.form!);
    expect(await screen.findByRole('link', { name: '+371 26 000 000' })).toBeTruthy();
    expect(update).toHaveBeenCalledExactlyOnceWith('participants', seeded.participantIds[1], { phone: '+371 26 000 000' });
  });

  it('deletes softly and undo brings the person back', async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst: Jānis Bērziņš' }));
    await waitFor(() => expect(screen.queryByText('Jānis Bērziņš')).toBeNull());
    expect((await services.db.participants.get(seeded.participantIds[0]!))?.deleted).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Atsaukt' }));
    expect(await screen.findByText('Jānis Bērziņš')).toBeTruthy();
  });
});
