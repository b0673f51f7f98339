import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionFields, communityFields, enrolmentFields, programmeFields } from '../../../testing/fixtures';
import { ActionPlanScreen } from './ActionPlanScreen';
import { closeTestNotebook, openTestNotebook, renderAt, type TestServices } from '../test-support';

let services: TestServices;
let communityId: string;
let enrolmentId: string;

beforeEach(async () => {
  services = openTestNotebook();
  communityId = await services.notebook.create('communities', communityFields({ maturity: 'emerging' }));
  // Enrolled in a programme since 2020, open-ended, with a 1 000 € grant: the plan is held against it today.
  const programmeId = await services.notebook.create('programmes', programmeFields({ start: '2020-01-01', end: '' }));
  enrolmentId = await services.notebook.create('enrolments', enrolmentFields(communityId, programmeId, { start: '2020-01-01', end: '', grantCents: 100_000 }));
  renderAt(services, '/communities/:id/plan', `/communities/${communityId}/plan`, ActionPlanScreen);
});

afterEach(() => closeTestNotebook(services));

async function openNewActionForm() {
  fireEvent.click(await screen.findByRole('button', { name: /Jauna darbība/ }));
  return screen.findByRole('form', { name: 'Jauna darbība' });
}

/** The message tied to a control through aria-describedby: what a screen reader reads beside it. */
function describedText(control: HTMLElement): string {
  const id = control.getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent ?? '' : '';
}

describe('action plan form', () => {
  it('rejects an empty "what" and a budget that is not a number, keeps what was typed, and writes nothing', async () => {
    const form = await openNewActionForm();
    const what = within(form).getByLabelText('Ko darīsim');
    const who = within(form).getByLabelText('Kas atbild');
    const budget = within(form).getByLabelText('Budžets, EUR');
    fireEvent.input(who, { target: { value: 'Ilze Kalniņa' } });
    fireEvent.input(budget, { target: { value: 'abc' } });
    fireEvent.submit(form);

    await waitFor(() => expect(describedText(what)).toBe('Obligāts lauks'));
    expect(what.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(budget)).toBe('Ievadiet skaitli');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect((budget as HTMLInputElement).value).toBe('abc');
    expect((who as HTMLInputElement).value).toBe('Ilze Kalniņa');

    expect(await services.db.actions.count()).toBe(0);
    const outbox = await services.db.outbox.toArray();
    expect(outbox.filter((entry) => entry.table === 'actions')).toEqual([]);
  });

  it('saves a valid action and sets its budget against the grant of the community\'s enrolment: 1 200 EUR is over its 1 000', async () => {
    const budgetPanel = await screen.findByTestId('budget');
    expect(within(budgetPanel).queryByRole('alert')).toBeNull();

    const form = await openNewActionForm();
    fireEvent.input(within(form).getByLabelText('Ko darīsim'), { target: { value: 'Sporta laukuma apgaismojums' } });
    fireEvent.input(within(form).getByLabelText('Budžets, EUR'), { target: { value: '1 200' } });
    fireEvent.submit(form);

    const warning = await within(budgetPanel).findByRole('alert');
    expect(warning.textContent).toMatch(/pārsniedz granta limitu par 200,00\s€/);
    expect(within(budgetPanel).getByText(/1\s?200,00\s€ no 1\s?000,00\s€/)).toBeTruthy();
    expect(within(budgetPanel).getByLabelText('Budžeta izlietojums pret granta limitu').getAttribute('max')).toBe('100000');

    const [saved] = await services.db.actions.toArray();
    expect(saved).toMatchObject({ communityId, what: 'Sporta laukuma apgaismojums', budgetCents: 120_000, needId: null, status: 'planned' });
    expect(await services.db.outbox.where('recordId').equals(saved!.id).count()).toBe(1);
    expect(screen.queryByRole('form', { name: 'Jauna darbība' })).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Sporta laukuma apgaismojums' })).toBeTruthy();
  });

  it('names the programme whose grant it is, and says no grant is set once the community is in no programme', async () => {
    const budgetPanel = await screen.findByTestId('budget');
    expect(within(budgetPanel).getByText(/Grants programmā “Drošas kopienas”: 1\s?000,00\s€/)).toBeTruthy();
    await services.notebook.remove('enrolments', enrolmentId);
    expect((await within(budgetPanel).findByTestId('no-grant')).textContent).toMatch(/Granta apjoms nav noteikts/);
    expect(within(budgetPanel).queryByRole('meter')).toBeNull();
    expect(within(budgetPanel).getByRole('link', { name: 'Uzņemt programmā' }).getAttribute('href')).toBe(`/communities/${communityId}#enrolments`);
  });

  it('soft-deletes an action and brings it back with undo', async () => {
    const id = await services.notebook.create('actions', actionFields(communityId, { what: 'Soliņi parkā', budgetCents: 30_000 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dzēst: Soliņi parkā' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Atsaukt' }));
    await waitFor(async () => expect((await services.db.actions.get(id))?.deleted).toBe(false));
    expect(await screen.findByRole('heading', { name: 'Soliņi parkā' })).toBeTruthy();
  });
});
