import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../account/session';
import { communityFields, enrolmentFields, participantFields, programmeFields, workshopFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, signInAs, type TestServices } from '../test-support';
import { ProgrammeReportScreen } from './ProgrammeReportScreen';


let services: TestServices;
let programmeId: string;

// Drošas kopienas 2026 in Rauna: a meeting in February (Anna), a workshop in March (Anna, Juris and a person
// since erased) and a forum in March (Juris). In March Anna returns; Juris and the erased person come first.
beforeEach(async () => {
  signInAs('coordinator');
  services = openTestNotebook();
  const { notebook } = services;
  const communityId = await notebook.create('communities', communityFields({ name: 'Raunas kopiena', municipality: 'LV-094' }));
  programmeId = await notebook.create('programmes', programmeFields({
    targets: [{ indicator: 'events', target: 4, cumulative: false }, { indicator: 'uniquePeople', target: 10, cumulative: true }],
  }));
  await notebook.create('enrolments', enrolmentFields(communityId, programmeId, { start: '2026-01-01', end: '', grantCents: 80_050 }));
  const event = (date: string, title: string, kind: 'workshop' | 'forum' | 'community_meeting') =>
    notebook.create('workshops', workshopFields(communityId, { date, title, kind, status: 'held', programmeId }));
  const february = await event('2026-02-10', 'Kopienas sapulce', 'community_meeting');
  const march = await event('2026-03-02', 'Drošības darbnīca', 'workshop');
  const forum = await event('2026-03-20', 'Pavasara forums', 'forum');
  const anna = await notebook.create('participants', participantFields(communityId, { name: 'Anna Ozola', household: 'Ozoli' }));
  const juris = await notebook.create('participants', participantFields(communityId, { name: 'Juris Kalns', role: 'youth' }));
  const erased = await notebook.create('participants', participantFields(communityId, { name: 'Ilze Liepa' }));
  const at = (workshopId: string) => ({ id: workshopId, communityId });
  await notebook.checkIn(at(february), anna);
  await notebook.checkIn(at(march), anna);
  await notebook.checkIn(at(march), juris);
  await notebook.checkIn(at(march), erased);
  await notebook.checkIn(at(forum), juris);
  await notebook.update('participants', erased, { name: 'Dzēsts dalībnieks', erased: true, consentData: false, consentDate: '' });
});

afterEach(async () => {
  session.value = null;
  vi.restoreAllMocks();
  await closeTestNotebook(services);
});

const figure = (key: string) => screen.getByTestId(`figure-${key}`).querySelector('.figure__value')!.textContent;

function open() {
  renderAt(services, '/programmes/:id/report', `/programmes/${programmeId}/report`, ProgrammeReportScreen);
}

describe('the programme report', () => {
  it('shows the programme, its period and its figures from this device, never synced', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Rādītāju pārskats: Drošas kopienas' })).toBeTruthy();
    expect(screen.getByText('Sabiedrības integrācijas fonds')).toBeTruthy();
    expect((screen.getByLabelText('No') as HTMLInputElement).value).toBe('2026-01-01');
    expect((screen.getByLabelText('Līdz') as HTMLInputElement).value).toBe('2026-12-31');
    expect(figure('events')).toBe('3');
    expect(figure('participations')).toBe('5');
    expect(figure('uniquePeople')).toBe('3');
    expect(figure('averageAttendance')).toBe('1,7');
    expect(figure('grantsAwardedCents')?.replace(/\s/g, ' ')).toBe('800,50 €');
    expect(screen.getByTestId('report-sync-note').textContent).toBe('Skaitīts no šajā ierīcē esošajiem datiem; šī ierīce vēl nav sinhronizēta.');
    // Targets as bars: 3 of 4 events in the range; 3 of 10 people since the start.
    const events = within(screen.getByTestId('target-events'));
    expect(events.getByText('3 no 4')).toBeTruthy();
    expect(events.getByText('(skaitīts izvēlētajā periodā)')).toBeTruthy();
    expect((events.getByLabelText('Pasākumi') as HTMLProgressElement).value).toBe(3);
    expect(within(screen.getByTestId('target-uniquePeople')).getByText('(skaitīts kopš programmas sākuma)')).toBeTruthy();
  });

  it('counts again when the range changes, and keeps a wrong range as typed with an error', async () => {
    open();
    await screen.findByTestId('figure-events');
    fireEvent.input(screen.getByLabelText('No'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(figure('events')).toBe('2'));
    expect(figure('firstTimePeople')).toBe('2');
    expect(figure('returningPeople')).toBe('1');
    expect(screen.getByTestId('report-range').textContent).toBe('Skaitīts periodā 01.03.2026 – 31.12.2026.');

    fireEvent.input(screen.getByLabelText('Līdz'), { target: { value: '2026-02-01' } });
    expect(await screen.findByText('Perioda sākums nedrīkst būt pēc tā beigām.')).toBeTruthy();
    expect((screen.getByLabelText('Līdz') as HTMLInputElement).value).toBe('2026-02-01');
    expect(figure('events')).toBe('2');

    fireEvent.change(screen.getByLabelText('Ātrā izvēle'), { target: { value: 'month:2026-02' } });
    await waitFor(() => expect(figure('events')).toBe('1'));
    expect(screen.queryByText('Perioda sākums nedrīkst būt pēc tā beigām.')).toBeNull();
  });

  it('opens the first-time people behind the figure, the erased one without a name', async () => {
    open();
    await screen.findByTestId('figure-events');
    fireEvent.input(screen.getByLabelText('No'), { target: { value: '2026-03-01' } });
    await waitFor(() => expect(figure('firstTimePeople')).toBe('2'));
    fireEvent.click(screen.getByTestId('figure-firstTimePeople'));
    const list = within(await screen.findByTestId('report-list'));
    expect(list.getByRole('heading', { name: 'Saraksts: Cilvēki pirmo reizi' })).toBeTruthy();
    const names = list.getAllByRole('row').slice(1).map((row) => row.querySelector('td')!.textContent);
    expect(names).toEqual(['Juris Kalns', 'Dzēsta persona']);
    expect(list.getByText('02.03.2026 Drošības darbnīca; 20.03.2026 Pavasara forums')).toBeTruthy();
    expect(screen.queryByText('Ilze Liepa')).toBeNull();
    expect(screen.getByTestId('figure-firstTimePeople').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('report-list-title');

    fireEvent.click(list.getByRole('button', { name: 'Aizvērt sarakstu' }));
    expect(screen.queryByTestId('report-list')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('figure-firstTimePeople'));
  });

  it('downloads the summary of the figures as CSV', async () => {
    const saved: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { saved.push(blob as Blob); return 'blob:report'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Rādītāju kopsavilkums — CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(names[0]).toBe('talka-programmas-parskats-drosas-kopienas-2026-01-01-2026-12-31.csv');
    const text = await saved[0]!.text();
    expect(text).toContain('Atslēga;Rādītājs;Vērtība');
    expect(text).toContain('events;Pasākumi;3');
    expect(text).toContain('grantsAwardedCents;Piešķirtie granti, EUR;800.5');
  });

  it('tells a facilitator that only coordinators see it', async () => {
    signInAs('facilitator');
    open();
    expect((await screen.findByTestId('only-coordinators')).textContent).toBe('Programmas pārskatu un reģionālo kopsavilkumu var skatīt tikai koordinators.');
    expect(screen.queryByTestId('figure-events')).toBeNull();
  });
});
