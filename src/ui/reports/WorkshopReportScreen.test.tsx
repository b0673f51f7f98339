import { screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionFields, needFields, swotFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { WorkshopReportScreen } from './WorkshopReportScreen';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa']);
  const { notebook } = services;
  const workshop = { id: seeded.workshopId, communityId: seeded.communityId };
  await notebook.update('workshops', seeded.workshopId, { agenda: '1. Iepazīšanās\n2. Vajadzības', notes: 'Ļoti aktīva diskusija par ceļu.' });
  for (const id of seeded.participantIds) await notebook.checkIn(workshop, id);
  const need = (title: string) => notebook.create('needs', needFields(seeded.communityId, { workshopId: seeded.workshopId, title, category: 'safety', status: 'raised' }));
  const lights = await need('Apgaismojums pie pieturas');
  const road = await need('Ceļa remonts');
  await notebook.castVote(workshop, road, seeded.participantIds[0]!);
  await notebook.castVote(workshop, road, seeded.participantIds[1]!);
  await notebook.castVote(workshop, lights, seeded.participantIds[1]!);
  await notebook.create('swot', swotFields(seeded.communityId, { workshopId: seeded.workshopId, quadrant: 'strengths', text: 'Aktīvi kaimiņi' }));
  await notebook.create('actions', actionFields(seeded.communityId, {
    needId: lights, what: 'Uzstādīt laternas', who: 'Pagasts', due: '2026-12-01', budgetCents: 45_000,
  }));
  renderAt(services, '/workshops/:id/report', `/workshops/${seeded.workshopId}/report`, WorkshopReportScreen);
});

afterEach(() => closeTestNotebook(services));

describe('workshop report', () => {
  it('holds the facts, agenda, notes, attendance, needs by dots, SWOT, action plan and a place for photos', async () => {
    const report = await screen.findByRole('article', { name: 'Drukājamais pasākuma pārskats' });
    expect(within(report).getByRole('heading', { level: 2, name: 'Apkaimes darbnīca' })).toBeTruthy();
    expect(within(report).getByTestId('report-attendance').textContent).toBe('Piedalījās 2 dalībnieki');
    expect(report.textContent).toContain('Ļoti aktīva diskusija par ceļu.');
    expect(report.textContent).toContain('1. Iepazīšanās');
    const needs = within(report).getByRole('region', { name: 'Vajadzības un balsis' });
    const needRows = within(needs).getAllByRole('row').map((row) => [...row.querySelectorAll('td, th')].map((cell) => cell.textContent));
    expect(needRows.slice(1)).toEqual([
      ['1', 'Ceļa remonts', 'Drošība', 'Izvirzīta', '2'],
      ['2', 'Apgaismojums pie pieturas', 'Drošība', 'Izvirzīta', '1'],
      ['Kopā', '3'],
    ]);
    expect(within(report).getByRole('region', { name: 'Stiprās puses' }).textContent).toContain('Aktīvi kaimiņi');
    const plan = within(report).getByRole('region', { name: /^Kopienas rīcības plāns/ });
    expect(plan.textContent).toContain('Uzstādīt laternas');
    expect(plan.textContent).toMatch(/450,00\s€/);
    expect(within(report).getByRole('region', { name: 'Foto' }).textContent).toContain('Vieta foto');
    expect(screen.getByRole('button', { name: 'Drukāt' })).toBeTruthy();
  });
});
