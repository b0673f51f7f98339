import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { SignInSheetScreen } from './SignInSheetScreen';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa', 'Līga Ābele', 'Dzēsts dalībnieks']);
  const { notebook } = services;
  await notebook.update('participants', seeded.participantIds[0]!, { household: 'Kalnāji', phone: '+371 26 000 001' });
  await notebook.update('participants', seeded.participantIds[3]!, { erased: true, consentData: false, consentDate: '' });
  const workshop = { id: seeded.workshopId, communityId: seeded.communityId };
  await notebook.checkIn(workshop, seeded.participantIds[0]!);
  await notebook.checkIn(workshop, seeded.participantIds[1]!);
  await notebook.checkIn(workshop, seeded.participantIds[3]!);
  renderAt(services, '/workshops/:id/sign-in-sheet', `/workshops/${seeded.workshopId}/sign-in-sheet`, SignInSheetScreen);
});

afterEach(() => closeTestNotebook(services));

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const names = () => rows().map((row) => row.querySelectorAll('td')[1]!.textContent);

describe('sign-in sheet', () => {
  it('has the workshop\'s header and a numbered row for each person checked in, then 10 blank rows; erased people are left out', async () => {
    expect(await screen.findByRole('heading', { level: 2, name: 'Apkaimes darbnīca' })).toBeTruthy();
    const sheet = screen.getByRole('article', { name: 'Drukājamā reģistrācijas lapa' });
    expect(sheet.textContent).toContain('Tautas nams');
    expect(sheet.textContent).toContain('Raunas kopiena');
    expect(sheet.textContent).toContain('Ilze');
    expect(within(sheet).getAllByRole('columnheader').map((th) => th.textContent))
      .toEqual(['Nr.', 'Vārds, uzvārds', 'Mājsaimniecība', 'Tālrunis vai e-pasts', 'Piekrišana', 'Paraksts']);
    expect(names()).toEqual(['Anna Ozoliņa', 'Jānis Bērziņš', ...Array(10).fill('')]);
    expect(rows().map((row) => row.querySelector('td')!.textContent)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(rows()[1]!.textContent).toContain('Kalnāji');
    // The consent column: the day alone for a consent given before the text had versions.
    expect(rows()[0]!.querySelector('.col-consent')!.textContent).toMatch(/23\.11\.2026$/);
  });

  it('prints contacts only when chosen, and only of people who agreed to their data being kept', async () => {
    await screen.findByRole('heading', { level: 2, name: 'Apkaimes darbnīca' });
    expect(screen.queryByText('+371 26 000 001')).toBeNull();
    fireEvent.click(screen.getByLabelText('Drukāt zināmos kontaktus'));
    expect(await screen.findByText('+371 26 000 001')).toBeTruthy();
  });

  it('names in the consent column the version of a consent given at the door; someone never asked has empty boxes to tick', async () => {
    const { notebook } = services;
    await notebook.update('participants', seeded.participantIds[2]!, { consentData: false, consentDate: '' });
    await notebook.update('participants', seeded.participantIds[1]!, { consentVersion: '2', consentBy: 'user-1' });
    fireEvent.click(await screen.findByLabelText('Visus kopienas dalībniekus (3)'));
    await waitFor(() => expect(names().slice(0, 3)).toEqual(['Anna Ozoliņa', 'Jānis Bērziņš', 'Līga Ābele']));
    expect(rows()[0]!.querySelector('.col-consent')!.textContent).toContain('23.11.2026, versija 2');
    expect(rows()[2]!.querySelector('.col-consent')!.textContent).toBe('☐ dati ☐ foto');
  });

  it('lists the whole community instead, with as many blank rows as asked', async () => {
    fireEvent.click(await screen.findByLabelText('Visus kopienas dalībniekus (3)'));
    fireEvent.input(screen.getByLabelText('Tukšās rindas jauniem dalībniekiem'), { target: { value: '2' } });
    await waitFor(() => expect(names()).toEqual(['Anna Ozoliņa', 'Jānis Bērziņš', 'Līga Ābele', '', '']));
  });

  it('has a print button', async () => {
    expect(await screen.findByRole('button', { name: 'Drukāt' })).toBeTruthy();
  });
});
