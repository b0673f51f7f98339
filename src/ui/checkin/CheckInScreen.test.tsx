import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attendanceId } from '../../../protocol';
import { setLanguage } from '../../i18n';
import { CheckInScreen } from './CheckInScreen';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa', 'Pēteris Kalniņš']);
  renderAt(services, '/workshops/:id/checkin', `/workshops/${seeded.workshopId}/checkin`, CheckInScreen);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await setLanguage('lv');
  await closeTestNotebook(services);
});

const results = async () => screen.findByRole('list', { name: 'Atrastie' });
const count = () => screen.getByTestId('checkin-count').textContent;
const search = async (text: string) => fireEvent.input(await screen.findByLabelText('Meklēt dalībnieku'), { target: { value: text } });

describe('check-in', () => {
  it('finds people typed without diacritics: berzins finds Bērziņš and no one else', async () => {
    await search('berzins');
    const found = await results();
    expect(within(found).getByRole('button', { name: /Jānis Bērziņš/ })).toBeTruthy();
    expect(within(found).getAllByRole('button')).toHaveLength(1);
    await search('ozolina');
    expect(within(await results()).getByRole('button', { name: /Anna Ozoliņa/ })).toBeTruthy();
    expect(within(await results()).queryByRole('button', { name: /Bērziņš/ })).toBeNull();
  });

  it('one tap checks in (one attendance row and its outbox entry), a second tap checks out', async () => {
    expect(await screen.findByText('0 dalībnieku')).toBeTruthy();
    await search('berzins');
    const toggle = within(await results()).getByRole('button', { name: /Jānis Bērziņš/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(toggle);
    await waitFor(() => expect(count()).toBe('1 dalībnieks'));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const berzins = seeded.participantIds[0]!;
    const rows = await services.db.attendance.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: attendanceId(seeded.workshopId, berzins), participantId: berzins, workshopId: seeded.workshopId, deleted: false });
    const entries = await services.db.outbox.where('recordId').equals(rows[0]!.id).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ table: 'attendance', op: 'put' });
    expect(within(screen.getByTestId('checked-in-list')).getByText('Jānis Bērziņš')).toBeTruthy();

    fireEvent.click(toggle);
    await waitFor(() => expect(count()).toBe('0 dalībnieku'));
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await services.db.attendance.get(rows[0]!.id))?.deleted).toBe(true);
    expect(await services.db.attendance.count()).toBe(1);
  });

  it('counts with Latvian plurals', async () => {
    await screen.findByText('0 dalībnieku');
    for (const name of ['Jānis Bērziņš', 'Anna Ozoliņa']) {
      fireEvent.click(within(await results()).getByRole('button', { name: new RegExp(name) }));
    }
    await waitFor(() => expect(count()).toBe('2 dalībnieki'));
  });

  it('a walk-in not found by the search is added with the typed name, consent dated, and checked in', async () => {
    await search('Līga Zariņa');
    expect(await screen.findByText('Neviens nav atrasts pēc “Līga Zariņa”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '+ Pievienot “Līga Zariņa” kā jaunu dalībnieku' }));
    const name = await screen.findByLabelText('Vārds, uzvārds') as HTMLInputElement;
    expect(name.value).toBe('Līga Zariņa');
    fireEvent.input(screen.getByLabelText('Mājsaimniecība'), { target: { value: 'Kalnāji' } });
    fireEvent.change(screen.getByLabelText('Loma'), { target: { value: 'youth' } });
    fireEvent.click(screen.getByLabelText('Piekrīt savu datu glabāšanai'));
    const consentDate = screen.getByLabelText('Piekrišanas datums') as HTMLInputElement;
    expect(consentDate.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.submit(name.form!);

    await waitFor(() => expect(count()).toBe('1 dalībnieks'));
    const added = (await services.db.participants.toArray()).find((p) => p.name === 'Līga Zariņa');
    expect(added).toMatchObject({
      communityId: seeded.communityId, household: 'Kalnāji', role: 'youth', consentData: true, consentPhotos: false,
      consentDate: consentDate.value, erased: false,
    });
    const attendance = await services.db.attendance.toArray();
    expect(attendance).toHaveLength(1);
    expect(attendance[0]).toMatchObject({ participantId: added!.id, workshopId: seeded.workshopId, deleted: false });
    expect(within(screen.getByTestId('checked-in-list')).getByText('Līga Zariņa')).toBeTruthy();
  });

  it('a walk-in without a name is refused beside the field and nothing is written', async () => {
    fireEvent.click(await screen.findByRole('button', { name: '+ Pievienot jaunu dalībnieku' }));
    const name = await screen.findByLabelText('Vārds, uzvārds') as HTMLInputElement;
    fireEvent.input(screen.getByLabelText('Tālrunis'), { target: { value: '+371 29 123 456' } });
    fireEvent.submit(name.form!);
    expect(await screen.findByText('Obligāts lauks')).toBeTruthy();
    expect((screen.getByLabelText('Tālrunis') as HTMLInputElement).value).toBe('+371 29 123 456');
    expect(await services.db.participants.count()).toBe(3);
    expect(await services.db.attendance.count()).toBe(0);
  });

  it('a keystroke leaves the list of those present alone: none of its check-in times is formatted again', async () => {
    for (const name of ['Jānis Bērziņš', 'Anna Ozoliņa']) {
      fireEvent.click(within(await results()).getByRole('button', { name: new RegExp(name) }));
    }
    await waitFor(() => expect(within(screen.getByTestId('checked-in-list')).getAllByRole('listitem')).toHaveLength(2));
    const formatters = vi.spyOn(Intl, 'DateTimeFormat');
    for (const query of ['k', 'ka', 'kal', 'kalnins']) await search(query);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Atrastie' })).getAllByRole('button')).toHaveLength(1));
    expect(formatters).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('checked-in-list')).getAllByRole('listitem')).toHaveLength(2);
  });

  it('the list of those present still follows check-outs and a change of language', async () => {
    fireEvent.click(within(await results()).getByRole('button', { name: /Anna Ozoliņa/ }));
    const present = await screen.findByTestId('checked-in-list');
    expect(within(present).getByRole('button', { name: 'Noņemt atzīmi: Anna Ozoliņa' })).toBeTruthy();
    await search('ozo');
    await setLanguage('en');
    await waitFor(() => expect(within(screen.getByTestId('checked-in-list')).getByRole('button', { name: 'Check out: Anna Ozoliņa' })).toBeTruthy());
    fireEvent.click(within(screen.getByTestId('checked-in-list')).getByRole('button', { name: 'Check out: Anna Ozoliņa' }));
    await waitFor(() => expect(screen.queryByTestId('checked-in-list')).toBeNull());
    expect((await services.db.attendance.get(attendanceId(seeded.workshopId, seeded.participantIds[1]!)))?.deleted).toBe(true);
  });
});
