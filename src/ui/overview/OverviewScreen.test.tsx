import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EditableFields } from '../../../protocol';
import {
  actionFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields, resourceFields, workshopFields,
} from '../../../testing/fixtures';
import type { Notebook } from '../../db';
import { setLanguage } from '../../i18n';
import { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';
import { OverviewScreen } from './OverviewScreen';

let services: TestServices;

async function community(notebook: Notebook, name: string, municipality: string, maturity: 'emerging' | 'active') {
  return notebook.create('communities', communityFields({ name, municipality, maturity }));
}

/** An event of a programme: by id (`{ id }`), or by its name as typed before events named one by id. */
async function workshop(notebook: Notebook, communityId: string, date: string, programme: string | { id: string }, status: 'held' | 'planned' = 'held') {
  const named = typeof programme === 'string' ? { programme } : { programme: '', programmeId: programme.id };
  return { id: await notebook.create('workshops', workshopFields(communityId, { date, status, ...named })), communityId };
}

async function person(notebook: Notebook, communityId: string, name: string, role: EditableFields<'participants'>['role']) {
  return notebook.create('participants', participantFields(communityId, { name, role }));
}

async function need(notebook: Notebook, communityId: string, workshopId: string | null, title: string, category: EditableFields<'needs'>['category'], status: EditableFields<'needs'>['status'] = 'raised') {
  return notebook.create('needs', needFields(communityId, { workshopId, title, category, status }));
}

/**
 * Lazdona (Madonas novads, active): two workshops held, three people and one
 * erased, one deleted; Vecpiebalga (Cēsu novads, emerging): one held (its
 * programme typed, before events named one by id), one planned, two people.
 * Needs, dots, resources and action plans in both; each community enrolled
 * (since 2020, open-ended) with the grant of its maturity.
 */
async function seedOrganisation(notebook: Notebook) {
  const lazdona = await community(notebook, 'Lazdonas kopiena', 'LV-059', 'active');
  const piebalga = await community(notebook, 'Vecpiebalgas kopiena', 'LV-022', 'emerging');
  const drosas = await notebook.create('programmes', programmeFields({ name: 'Drošas kopienas', start: '2020-01-01', end: '' }));
  const kopa = await notebook.create('programmes', programmeFields({ name: 'KOPA', start: '2020-01-01', end: '' }));
  await notebook.create('enrolments', enrolmentFields(lazdona, kopa, { start: '2020-01-01', end: '', maturity: 'active', grantCents: 300_000 }));
  await notebook.create('enrolments', enrolmentFields(piebalga, drosas, { start: '2020-01-01', end: '', grantCents: 100_000 }));
  const january = await workshop(notebook, lazdona, '2026-01-15', { id: drosas });
  const march = await workshop(notebook, lazdona, '2026-03-10', { id: kopa });
  const february = await workshop(notebook, piebalga, '2026-02-20', 'Drošas kopienas');
  await workshop(notebook, piebalga, '2026-04-01', { id: kopa }, 'planned');

  const janis = await person(notebook, lazdona, 'Jānis Bērziņš', 'resident');
  const anna = await person(notebook, lazdona, 'Anna Ozoliņa', 'youth');
  const erased = await person(notebook, lazdona, 'Ilze Kalniņa', 'resident');
  const removed = await person(notebook, lazdona, 'Pēteris Kļaviņš', 'resident');
  const liga = await person(notebook, piebalga, 'Līga Ābele', 'community_leader');
  const maris = await person(notebook, piebalga, 'Māris Liepa', 'entrepreneur');
  for (const id of [janis, anna, erased, removed]) await notebook.checkIn(january, id);
  for (const id of [janis, anna]) await notebook.checkIn(march, id);
  for (const id of [liga, maris, janis]) await notebook.checkIn(february, id);
  // Erased on request: the name is gone, the check-in stays as an anonymous count.
  await notebook.update('participants', erased, { name: 'Dzēsts', erased: true, consentData: false });
  await notebook.remove('participants', removed);

  const lights = await need(notebook, lazdona, january.id, 'Apgaismojums pie pieturas', 'safety');
  const playground = await need(notebook, lazdona, march.id, 'Sporta laukums', 'youth', 'prioritised');
  const bus = await need(notebook, piebalga, february.id, 'Autobuss uz Cēsīm', 'mobility');
  const dropped = await need(notebook, piebalga, february.id, 'Izdzēsta kartīte', 'other');
  await notebook.remove('needs', dropped);
  for (let i = 0; i < 3; i++) await notebook.castVote(january, lights, janis);
  for (let i = 0; i < 2; i++) await notebook.castVote(march, playground, anna);
  for (let i = 0; i < 4; i++) await notebook.castVote(february, bus, liga);

  await notebook.create('resources', resourceFields(lazdona, { kind: 'place', name: 'Tautas nams' }));
  await notebook.create('resources', resourceFields(piebalga, { kind: 'equipment', name: 'Traktors' }));
  await notebook.create('actions', actionFields(lazdona, { needId: lights, what: 'Laternas', budgetCents: 250_000 }));
  await notebook.create('actions', actionFields(piebalga, { needId: bus, what: 'Reiss', budgetCents: 120_000 }));
  return { lazdona, piebalga, drosas };
}

const figure = (key: string) => screen.getByTestId(`figure-${key}`).querySelector('.figure__value')?.textContent;
const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A table's body rows as [row header, ...cells] texts. */
function tableRows(container: HTMLElement): string[][] {
  return [...container.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
}

let seeded: Awaited<ReturnType<typeof seedOrganisation>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedOrganisation(services.notebook);
});

afterEach(async () => {
  await setLanguage('lv');
  await closeTestNotebook(services);
});

describe('overview screen', () => {
  it('shows the figures of both communities, counting an erased participant and leaving out deleted records', async () => {
    renderAt(services, '/overview', '/overview', OverviewScreen);
    await screen.findByTestId('figure-workshopsHeld');
    expect(screen.getByRole('heading', { level: 1, name: 'Pārskats' })).toBeTruthy();
    expect(text(screen.getByTestId('overview-shown'))).toBe('Atlasei atbilst 2 kopienas no 2');
    expect(figure('communities')).toBe('2');
    expect(figure('workshopsHeld')).toBe('3');
    expect(text(screen.getByTestId('figure-workshopsHeld'))).toContain('vēl 1 plānots');
    // Jānis, Anna, the erased person; Līga, Māris (Jānis again): five people, eight check-ins.
    expect(figure('uniqueParticipants')).toBe('5');
    expect(figure('attendance')).toBe('8');
    expect(figure('needs')).toBe('3');
    expect(text(screen.getByTestId('figure-needs'))).toContain('9 balsis');
    expect(figure('resources')).toBe('2');

    expect(tableRows(screen.getByTestId('overview-roles')).filter((row) => row[1] !== '0')).toEqual([
      ['Iedzīvotājs', '2'], ['Kopienas līderis', '1'], ['Uzņēmējs', '1'], ['Jaunietis', '1'],
    ]);
    expect(tableRows(screen.getByTestId('overview-top-needs'))).toEqual([
      ['1', 'Autobuss uz Cēsīm', 'Vecpiebalgas kopiena', 'Mobilitāte', 'Izvirzīta', '4'],
      ['2', 'Apgaismojums pie pieturas', 'Lazdonas kopiena', 'Drošība', 'Izvirzīta', '3'],
      ['3', 'Sporta laukums', 'Lazdonas kopiena', 'Jaunieši', 'Prioritāra', '2'],
    ]);
    expect(tableRows(screen.getByTestId('overview-communities'))).toEqual([
      ['Lazdonas kopiena', 'Madonas novads', 'Aktīva', '2', '3', '5', '2'],
      ['Vecpiebalgas kopiena', 'Cēsu novads', 'Veidojas', '1', '3', '3', '1'],
    ]);
    const budgets = screen.getByTestId('overview-budgets');
    expect(tableRows(budgets).map((row) => row.map((cell) => cell.replace(/\s/g, ' ')))).toEqual([
      ['Lazdonas kopiena', 'Aktīva', '2500,00 €', '3000,00 €', '500,00 €'],
      ['Vecpiebalgas kopiena', 'Veidojas', '1200,00 €', '1000,00 €', 'pārsniegts par 200,00 €'],
    ]);
    expect(within(budgets).getByText('1 plāns pārsniedz granta limitu.')).toBeTruthy();
  });

  it('gives each chart a heading, a described canvas and a table with the same numbers, without drawing where there is no canvas', async () => {
    renderAt(services, '/overview', '/overview', OverviewScreen);
    const byCategory = await screen.findByTestId('chart-needs-by-category');
    expect(within(byCategory).getByRole('heading', { name: 'Vajadzības pa kategorijām' })).toBeTruthy();
    const canvas = within(byCategory).getByRole('img');
    expect(canvas.getAttribute('aria-label')).toBe('Vajadzības pa kategorijām. Drošība 1; Jaunieši 1; Mobilitāte 1. Kopā: 3.');
    expect(canvas.getAttribute('data-state')).toBe('waiting');
    expect(within(byCategory).getByText('Rādīt tabulu')).toBeTruthy();
    expect(tableRows(byCategory).filter((row) => row[1] !== '0')).toEqual([['Drošība', '1'], ['Jaunieši', '1'], ['Mobilitāte', '1']]);

    const attendance = screen.getByTestId('chart-attendance');
    expect(tableRows(attendance)).toEqual([
      ['2026. g. janv.', '3'], ['2026. g. febr.', '3'], ['2026. g. marts', '2'], ['2026. g. apr.', '0'],
    ]);

    const byStatus = screen.getByTestId('chart-needs-by-status');
    const headers = [...byStatus.querySelectorAll('thead th')].map(text);
    expect(headers).toEqual(['Kopiena', 'Izvirzīta', 'Prioritāra', 'Tiek risināta', 'Atrisināta', 'Atmesta', 'Kopā']);
    expect(tableRows(byStatus)).toEqual([
      ['Lazdonas kopiena', '1', '1', '0', '0', '0', '2'],
      ['Vecpiebalgas kopiena', '1', '0', '0', '0', '0', '1'],
    ]);
    expect(within(byStatus).getByRole('img').getAttribute('aria-label'))
      .toBe('Vajadzību statuss kopienās. Lazdonas kopiena 2 (Izvirzīta 1, Prioritāra 1); Vecpiebalgas kopiena 1 (Izvirzīta 1). Kopā: 3.');
  });

  it('filters by municipality through a labelled control and keeps the filter in the URL', async () => {
    renderAt(services, '/overview', '/overview', OverviewScreen);
    const municipality = await screen.findByLabelText('Novads vai valstspilsēta');
    expect([...(municipality as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Visi', 'Cēsu novads', 'Madonas novads']);
    fireEvent.change(municipality, { target: { value: 'LV-022' } });
    await waitFor(() => expect(location.search).toBe('?municipality=LV-022'));
    await waitFor(() => expect(text(screen.getByTestId('overview-shown'))).toBe('Atlasei atbilst 1 kopiena no 2'));
    expect(figure('attendance')).toBe('3');
    expect(figure('uniqueParticipants')).toBe('3');
    expect(tableRows(screen.getByTestId('overview-top-needs')).map((row) => row[1])).toEqual(['Autobuss uz Cēsīm']);

    fireEvent.click(screen.getByRole('button', { name: 'Notīrīt atlasi' }));
    await waitFor(() => expect(location.search).toBe(''));
    await waitFor(() => expect(figure('attendance')).toBe('8'));
  });

  it('opens a bookmarked programme and date range, and says when the range is reversed', async () => {
    renderAt(services, '/overview', `/overview?programme=${seeded.drosas}&from=2026-01-01&to=2026-01-31`, OverviewScreen);
    await screen.findByTestId('figure-workshopsHeld');
    const programme = screen.getByLabelText('Programma') as HTMLSelectElement;
    expect(programme.value).toBe(seeded.drosas);
    expect(programme.selectedOptions[0]?.textContent).toBe('Drošas kopienas');
    expect((screen.getByLabelText('Pasākumi no') as HTMLInputElement).value).toBe('2026-01-01');
    expect(text(screen.getByTestId('overview-shown'))).toBe('Atlasei atbilst 1 kopiena no 2');
    expect(figure('workshopsHeld')).toBe('1');
    expect(figure('attendance')).toBe('3');

    fireEvent.input(screen.getByLabelText('Pasākumi līdz'), { target: { value: '2025-12-31' } });
    await waitFor(() => expect(screen.getByText('Atlasei neatbilst neviena kopiena. Mainiet vai notīriet atlasi.')).toBeTruthy());
    expect(screen.getByLabelText('Pasākumi līdz').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Beigu datums ir pirms sākuma datuma.')).toBeTruthy();
  });

  it('follows new records as they arrive (a sync) and speaks English when chosen', async () => {
    renderAt(services, '/overview', '/overview', OverviewScreen);
    await waitFor(() => expect(figure('communities')).toBe('2'));
    await community(services.notebook, 'Ērgļu kopiena', 'LV-059', 'emerging');
    await waitFor(() => expect(text(screen.getByTestId('overview-shown'))).toBe('Atlasei atbilst 3 kopienas no 3'));

    await setLanguage('en');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy());
    const byCategory = screen.getByTestId('chart-needs-by-category');
    expect(within(byCategory).getByRole('heading', { name: 'Needs by category' })).toBeTruthy();
    expect(within(byCategory).getByRole('img').getAttribute('aria-label')).toBe('Needs by category. Safety 1; Youth 1; Mobility 1. Total: 3.');
    expect(text(screen.getByTestId('overview-shown'))).toBe('3 communities of 3 match the filters');
  });

  it('tells a device with no communities what to do', async () => {
    const empty = openTestNotebook();
    try {
      renderAt(empty, '/overview', '/overview', OverviewScreen);
      expect(await screen.findByText(/Šajā ierīcē vēl nav nevienas kopienas/)).toBeTruthy();
    } finally {
      await closeTestNotebook(empty);
    }
  });
});
