import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { programmeFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderAt, seedWorkshop, type TestServices } from '../test-support';
import { ExportsScreen } from './ExportsScreen';

let services: TestServices;
let seeded: Awaited<ReturnType<typeof seedWorkshop>>;
let saved: { name: string; blob: Blob }[];

beforeEach(async () => {
  services = openTestNotebook();
  seeded = await seedWorkshop(services, ['Jānis Bērziņš', 'Anna Ozoliņa', 'Līga Ābele']);
  const workshop = { id: seeded.workshopId, communityId: seeded.communityId };
  await services.notebook.checkIn(workshop, seeded.participantIds[0]!);
  await services.notebook.checkIn(workshop, seeded.participantIds[2]!);
  saved = [];
  let last: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:export';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
  renderAt(services, '/exports', `/exports?workshop=${seeded.workshopId}`, ExportsScreen);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeTestNotebook(services);
});

describe('exports', () => {
  it('starts on the workshop asked for and counts its participants', async () => {
    await waitFor(() => expect(screen.getByTestId('workshop-export-count').textContent).toBe('2 dalībnieki'));
  });

  it('downloads the workshop\'s participant list as CSV with a byte-order mark, named after the community and the day', async () => {
    await waitFor(() => expect(screen.getByTestId('workshop-export-count').textContent).toBe('2 dalībnieki'));
    fireEvent.click(screen.getByRole('button', { name: 'Pasākuma dalībnieki — CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('talka-dalibnieki-raunas-kopiena-2026-11-23.csv');
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('Jānis Bērziņš');
    expect(text).toContain('Līga Ābele');
    expect(text).not.toContain('Anna Ozoliņa');
  });

  it('downloads it as XLSX too', async () => {
    await waitFor(() => expect(screen.getByTestId('workshop-export-count').textContent).toBe('2 dalībnieki'));
    fireEvent.click(screen.getByRole('button', { name: 'Pasākuma dalībnieki — XLSX' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 5000 });
    expect(saved[0]!.name).toBe('talka-dalibnieki-raunas-kopiena-2026-11-23.xlsx');
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    // An XLSX file is a zip archive.
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('offers the organisation\'s programmes, counting an event that typed its name before events named one by id, and the community lists', async () => {
    await services.notebook.create('programmes', programmeFields({ name: 'Drošas kopienas', start: '2026-01-01' }));
    expect(await screen.findByRole('option', { name: 'Drošas kopienas' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('No'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('Līdz'), { target: { value: '2026-11-30' } });
    await waitFor(() => expect(screen.getByTestId('programme-export-summary').textContent).toMatch(/1 pasākums/));
    expect(screen.getByRole('button', { name: 'Vajadzības ar balsīm — XLSX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resursi — XLSX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rīcības plāns — XLSX' })).toBeTruthy();
  });
});
