import { screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../account/session';
import {
  communityFields, enrolmentFields, needFields, programmeFields, resourceFields, swotFields, voteFields, workshopFields,
} from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, signInAs, type TestServices } from '../test-support';
import { RegionalSummaryScreen } from './RegionalSummaryScreen';


let services: TestServices;
let programmeId: string;

// Rauna and Ērgļi are in the programme, Ape is not. Rauna's two lighting needs are one group (2 + 1 dots).
beforeEach(async () => {
  signInAs('coordinator');
  services = openTestNotebook();
  const { notebook } = services;
  programmeId = await notebook.create('programmes', programmeFields());
  const community = async (name: string, enrolled: boolean) => {
    const id = await notebook.create('communities', communityFields({ name }));
    if (enrolled) await notebook.create('enrolments', enrolmentFields(id, programmeId));
    return id;
  };
  const rauna = await community('Raunas kopiena', true);
  const ergli = await community('Ērgļu kopiena', true);
  const ape = await community('Apes kopiena', false);
  const workshopId = await notebook.create('workshops', workshopFields(rauna));
  const lighting = await notebook.create('needs', needFields(rauna, { title: 'Apgaismojums', category: 'safety' }));
  const lamp = await notebook.create('needs', needFields(rauna, { title: 'Laternas pie skolas', category: 'safety', sameAs: lighting }));
  await notebook.create('needs', needFields(ergli, { title: 'Autobuss vakarā', category: 'mobility' }));
  await notebook.create('needs', needFields(ape, { title: 'Apes vajadzība', category: 'safety' }));
  for (const needId of [lighting, lighting, lamp]) await notebook.create('votes', voteFields({ communityId: rauna, workshopId, needId }));
  await notebook.create('resources', resourceFields(ergli, { kind: 'place', name: 'Ērgļu skola' }));
  await notebook.create('swot', swotFields(rauna, { quadrant: 'threats', text: 'Jaunieši aizbrauc' }));
});

afterEach(async () => {
  session.value = null;
  await closeTestNotebook(services);
});

function open() {
  renderAt(services, '/programmes/:id/summary', `/programmes/${programmeId}/summary`, RegionalSummaryScreen);
}

describe('the regional summary', () => {
  it('gathers the enrolled communities\' needs with their votes, resources and SWOT, each with its community', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Reģionālais kopsavilkums: Drošas kopienas' })).toBeTruthy();
    expect(screen.getByTestId('summary-communities').textContent).toBe('Ērgļu kopiena, Raunas kopiena');
    const needs = within(screen.getByTestId('summary-needs'));
    expect(needs.getByRole('heading', { name: 'Drošība (3 balsis)' })).toBeTruthy();
    const rows = needs.getAllByRole('row').filter((row) => row.querySelector('td')).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Apgaismojums (2 apvienotas vajadzības)', 'Raunas kopiena', 'Izvirzīta', '3'],
      ['Autobuss vakarā', 'Ērgļu kopiena', 'Izvirzīta', '0'],
    ]);
    expect(screen.queryByText('Laternas pie skolas')).toBeNull();
    expect(screen.queryByText('Apes vajadzība')).toBeNull();
    expect(within(screen.getByTestId('summary-resources')).getByText('Ērgļu skola')).toBeTruthy();
    expect(within(screen.getByTestId('summary-swot')).getByText('(Raunas kopiena)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reģionālais kopsavilkums — XLSX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Drukāt' })).toBeTruthy();
  });

  it('tells a facilitator that only coordinators see it', async () => {
    signInAs('facilitator');
    open();
    expect(await screen.findByTestId('only-coordinators')).toBeTruthy();
  });
});
