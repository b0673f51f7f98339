import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../account/session';
import { communityFields, enrolmentFields, participantFields, programmeFields, tieFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, signInAs, type TestServices } from '../test-support';
import { ProgrammeFormScreen } from './ProgrammeFormScreen';
import { ProgrammeScreen } from './ProgrammeScreen';
import { ProgrammesScreen } from './ProgrammesScreen';

const asCoordinator = () => signInAs('coordinator');
const asFacilitator = () => signInAs('facilitator');

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook();
});
afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

const input = (label: string, value: string, container: HTMLElement = document.body) =>
  fireEvent.input(within(container).getByLabelText(label), { target: { value } });

describe('programme form', () => {
  it('a coordinator creates a programme with two targets, its limits typed in euro', async () => {
    asCoordinator();
    renderAt(services, '/programmes/new', '/programmes/new', ProgrammeFormScreen);
    await screen.findByLabelText('Nosaukums');
    input('Nosaukums', 'Kopienu stiprināšana 2027');
    input('Finansētājs', 'Sabiedrības integrācijas fonds');
    input('Sākums', '2027-01-01');
    input('Beigas', '2027-12-31');
    input('Granta limits kopienai ar brieduma pakāpi “Veidojas”, EUR', '1 500');
    fireEvent.click(screen.getByRole('button', { name: '+ Pievienot mērķi' }));
    fireEvent.click(screen.getByRole('button', { name: '+ Pievienot mērķi' }));
    const rows = screen.getAllByRole('group', { name: /^Mērķis \d$/ });
    expect(rows).toHaveLength(2);
    // The second row cannot take the first row's indicator.
    const second = within(rows[1]!).getByLabelText('Rādītājs') as HTMLSelectElement;
    expect([...second.options].map((option) => option.value)).not.toContain('events');
    fireEvent.change(second, { target: { value: 'households' } });
    input('Skaitlis', '14', rows[0]!);
    input('Skaitlis', '40', rows[1]!);
    fireEvent.click(within(rows[1]!).getByLabelText('Kopš programmas sākuma'));
    fireEvent.submit(screen.getByLabelText('Nosaukums').closest('form')!);

    const elsewhere = await screen.findByTestId('elsewhere');
    const [saved] = await services.db.programmes.toArray();
    expect(elsewhere.textContent).toBe(`/programmes/${saved!.id}`);
    expect(saved).toMatchObject({
      name: 'Kopienu stiprināšana 2027', funder: 'Sabiedrības integrācijas fonds', start: '2027-01-01', end: '2027-12-31',
      grantLimitEmergingCents: 150_000, grantLimitActiveCents: 300_000,
      targets: [{ indicator: 'events', target: 14, cumulative: false }, { indicator: 'households', target: 40, cumulative: true }],
    });
  });

  it('asks for a name and start, refuses an end before the start and keeps what was typed', async () => {
    asCoordinator();
    renderAt(services, '/programmes/new', '/programmes/new', ProgrammeFormScreen);
    await screen.findByLabelText('Nosaukums');
    input('Nosaukums', '');
    input('Sākums', '2027-06-01');
    input('Beigas', '2027-05-31');
    input('Finansētājs', 'Fonds');
    fireEvent.submit(screen.getByLabelText('Nosaukums').closest('form')!);
    expect(await screen.findByText('Beigas nevar būt pirms sākuma')).toBeTruthy();
    expect(screen.getByText('Obligāts lauks')).toBeTruthy();
    expect((screen.getByLabelText('Finansētājs') as HTMLInputElement).value).toBe('Fonds');
    expect(await services.db.programmes.count()).toBe(0);
  });
});

describe('programmes for everyone', () => {
  async function seed() {
    const programmeId = await services.notebook.create('programmes', programmeFields());
    const rauna = await services.notebook.create('communities', communityFields({ name: 'Raunas kopiena' }));
    await services.notebook.create('enrolments', enrolmentFields(rauna, programmeId, { grantCents: 90_000 }));
    return programmeId;
  }

  it('a facilitator reads the list and a programme, with no way to add or edit', async () => {
    asFacilitator();
    const programmeId = await seed();
    renderAt(services, '/programmes', '/programmes', ProgrammesScreen);
    const list = await screen.findByTestId('programmes');
    expect(within(list).getByRole('link', { name: 'Drošas kopienas' })).toBeTruthy();
    expect(within(list).getByText('Sabiedrības integrācijas fonds')).toBeTruthy();
    expect(within(list).getByText('1 uzņemta kopiena')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Jauna programma/ })).toBeNull();
    expect(screen.getByText('Programmas pievieno un labo koordinators; šeit tās var apskatīt.')).toBeTruthy();

    renderAt(services, '/programmes/:id', `/programmes/${programmeId}`, ProgrammeScreen);
    const enrolled = await screen.findByTestId('enrolments');
    expect(within(enrolled).getByRole('link', { name: 'Raunas kopiena' })).toBeTruthy();
    expect(within(enrolled).getByText(/Grants: 900,00\s€/)).toBeTruthy();
    expect(within(screen.getByTestId('programme-targets')).getByText('Pasākumi: 14')).toBeTruthy();
    // The report and the regional summary are a coordinator's.
    expect(screen.queryByRole('link', { name: 'Rādītāju pārskats' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Reģiona kopsavilkums' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Labot programmu' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Pievienot kopienu/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Labot dalību/ })).toBeNull();
  });

  it('the form itself tells a facilitator that coordinators write programmes', async () => {
    asFacilitator();
    renderAt(services, '/programmes/new', '/programmes/new', ProgrammeFormScreen);
    expect(await screen.findByText('Programmas pievieno un labo koordinators; šeit tās var apskatīt.')).toBeTruthy();
    expect(screen.queryByLabelText('Nosaukums')).toBeNull();
  });
});

describe('enrolment', () => {
  it('refuses a grant over the programme\'s limit, keeping what was typed; warns of one household; saves once fixed', async () => {
    asCoordinator();
    const programmeId = await services.notebook.create('programmes', programmeFields({ grantLimitEmergingCents: 100_000 }));
    const rauna = await services.notebook.create('communities', communityFields({ name: 'Raunas kopiena', maturity: 'emerging' }));
    const janis = await services.notebook.create('participants', participantFields(rauna, { name: 'Jānis Ozols', household: 'Ozoli' }));
    const ilze = await services.notebook.create('participants', participantFields(null, { name: 'Ilze Ozola', household: 'Ozoli' }));
    await services.notebook.create('ties', tieFields(ilze, rauna));
    const liga = await services.notebook.create('participants', participantFields(rauna, { name: 'Līga Ābele', household: 'Ābeles' }));
    const drabesi = await services.notebook.create('communities', communityFields({ name: 'Drabešu kopiena', maturity: 'active' }));
    renderAt(services, '/programmes/:id', `/programmes/${programmeId}`, ProgrammeScreen);

    fireEvent.click(await screen.findByRole('button', { name: '+ Pievienot kopienu' }));
    expect(screen.getByRole('link', { name: 'Rādītāju pārskats' }).getAttribute('href')).toBe(`/programmes/${programmeId}/report`);
    expect(screen.getByRole('link', { name: 'Reģiona kopsavilkums' }).getAttribute('href')).toBe(`/programmes/${programmeId}/summary`);
    const form = await screen.findByRole('form', { name: 'Uzņemšana programmā' });
    const grant = () => (within(form).getByLabelText('Grants, EUR') as HTMLInputElement).value;
    // The maturity at entry is the community's; a grant not yet typed is the programme's limit for it.
    fireEvent.change(within(form).getByLabelText('Kopiena'), { target: { value: drabesi } });
    expect((within(form).getByLabelText('Brieduma pakāpe uzņemot') as HTMLSelectElement).value).toBe('active');
    expect(grant()).toBe('3000');
    fireEvent.change(within(form).getByLabelText('Kopiena'), { target: { value: rauna } });
    expect((within(form).getByLabelText('Brieduma pakāpe uzņemot') as HTMLSelectElement).value).toBe('emerging');
    expect(grant()).toBe('1000');
    // The end follows the start while it is still the default: twelve months on, less a day.
    fireEvent.input(within(form).getByLabelText('Sākums'), { target: { value: '2026-03-14' } });
    expect((within(form).getByLabelText('Beigas') as HTMLInputElement).value).toBe('2027-03-13');

    fireEvent.click(await within(form).findByRole('button', { name: 'Pievienot: Jānis Ozols' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Pievienot: Ilze Ozola' }));
    const warnings = within(form).getByTestId('representative-warnings');
    expect(warnings.textContent).toContain('Visi pārstāvji ir no vienas mājsaimniecības');

    fireEvent.input(within(form).getByLabelText('Grants, EUR'), { target: { value: '1 200' } });
    fireEvent.submit(form);
    expect(await within(form).findByText(/^Grants pārsniedz programmas limitu 1\s?000,00\s€ kopienai ar brieduma pakāpi “Veidojas”\.$/)).toBeTruthy();
    expect((within(form).getByLabelText('Grants, EUR') as HTMLInputElement).value).toBe('1 200');
    expect(await services.db.enrolments.count()).toBe(0);

    fireEvent.click(within(form).getByRole('button', { name: 'Pievienot: Līga Ābele' }));
    expect(warnings.textContent).toBe('');
    fireEvent.input(within(form).getByLabelText('Grants, EUR'), { target: { value: '800' } });
    fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Uzņemšana programmā' })).toBeNull());
    const [saved] = await services.db.enrolments.toArray();
    expect(saved).toMatchObject({
      programmeId, communityId: rauna, start: '2026-03-14', end: '2027-03-13', maturity: 'emerging', grantCents: 80_000, mentorId: null,
      representativeIds: [janis, ilze, liga],
    });
    expect(within(await screen.findByTestId('enrolments')).getByText(/Pārstāvji: Jānis Ozols, Ilze Ozola, Līga Ābele/)).toBeTruthy();
  });
});
