import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../account/session';
import { communityFields, participantFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';
import { ImportScreen } from './ImportScreen';

const COORDINATOR = {
  token: 'tok',
  user: { id: 'user-1', name: 'Dace Priede', email: 'dace@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-1', name: 'Vidzemes kopienu centrs' },
};

let services: TestServices;
let communityId: string;

beforeEach(async () => {
  session.value = COORDINATOR;
  services = openTestNotebook();
  communityId = await services.notebook.create('communities', communityFields({ name: 'Raunas kopiena', municipality: 'LV-094' }));
  await services.notebook.create('participants', participantFields(communityId, { name: 'Ilze Kalniņa', phone: '20000000' }));
});

afterEach(async () => {
  session.value = null;
  vi.restoreAllMocks();
  await closeTestNotebook(services);
});

function chooseFile(name: string) {
  const bytes = readFileSync(join(process.cwd(), 'src/domain/fixtures', name));
  const file = new File([bytes], name, { type: 'text/csv' });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('people from a spreadsheet', () => {
  it('guesses the columns, marks every problem, imports the good rows and offers the refused ones', async () => {
    renderAt(services, '/people/import', `/people/import?community=${communityId}`, ImportScreen);
    await screen.findByText('Izvēlēties failu (CSV vai XLSX)');
    chooseFile('people-windows1257-semicolon.csv');

    expect(await screen.findByTestId('import-summary')).toHaveProperty('textContent', 'Failā 7 rindas: 2 derīgas, 5 atteiktas.');
    expect((screen.getByLabelText('Kolonna “Vārds, uzvārds”') as HTMLSelectElement).value).toBe('name');
    expect((screen.getByLabelText('Kolonna “Piezīmes”') as HTMLSelectElement).value).toBe('');
    const preview = within(screen.getByRole('region', { name: 'Pirmās 7 rindas' }));
    expect(preview.getByText('✗ Tālrunis nav Latvijas numurs')).toBeTruthy();
    expect(preview.getByText('✗ Jau ir reģistrā')).toBeTruthy();
    expect(preview.getByText('✗ Atkārtojas failā')).toBeTruthy();
    expect(preview.getByText('+371 2900 0003')).toBeTruthy();

    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { saved.push(blob as Blob); return 'blob:refused'; });
    // The download link is clicked, not followed: the page stays where it is.
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Importēt 2 derīgās rindas' }));
    expect((await screen.findByTestId('import-done')).textContent).toBe('Importēti 2 dalībnieki. Atteiktas 5 rindas.');
    const people = await services.db.participants.toArray();
    expect(people.map((p) => p.name).sort()).toEqual(['Ilze Kalniņa', 'Jānis Bērziņš', 'Līga Ābele']);
    expect(people.find((p) => p.name === 'Līga Ābele')).toMatchObject({ communityId, consentDate: '', phone: '+371 2900 0003' });

    fireEvent.click(screen.getByRole('button', { name: 'Lejupielādēt atteiktās rindas (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const text = await saved[0]!.text();
    expect(text).toContain('Rinda;Vārds, uzvārds;Tālrunis;E-pasts;Mājsaimniecība;Kopiena;Piezīmes;Iemesls');
    expect(text).toContain('Pēteris Kļaviņš');
    expect(text).toContain('Tālrunis nav Latvijas numurs');
  });

  it('asks which column holds the name when none is guessed', async () => {
    renderAt(services, '/people/import', '/people/import', ImportScreen);
    await screen.findByText('Izvēlēties failu (CSV vai XLSX)');
    chooseFile('people-utf8-comma.csv');
    const name = await screen.findByLabelText('Kolonna “Vārds, uzvārds”') as HTMLSelectElement;
    fireEvent.change(name, { target: { value: '' } });
    expect(await screen.findByText('Norādiet, kurā kolonnā ir vārds un uzvārds.')).toBeTruthy();
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });

  it('a facilitator is told that only a coordinator imports', async () => {
    session.value = { ...COORDINATOR, user: { ...COORDINATOR.user, role: 'facilitator' } };
    renderAt(services, '/people/import', '/people/import', ImportScreen);
    expect(await screen.findByText('Dalībniekus no tabulas var importēt tikai koordinators.')).toBeTruthy();
  });
});
