import { Blob as NodeBlob } from 'node:buffer';
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { DeviceNoticeView } from './DeviceNotice';
import { UpdateKeepsData } from './UnsentSummary';

let services: TestServices;
beforeEach(() => { services = openTestNotebook('tablet-A'); });
afterEach(() => closeTestNotebook(services));

describe('UpdateKeepsData (the update prompt)', () => {
  it('counts unsent changes and photos and says the update keeps them', async () => {
    await services.notebook.create('communities', communityFields());
    const image = new NodeBlob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }) as unknown as Blob;
    await services.db.blobs.put({ sha256: 'a'.repeat(64), blob: image, thumb: image, mime: 'image/jpeg', size: 3, state: 'local' });
    renderWithServices(services, <UpdateKeepsData />);
    expect((await screen.findByTestId('update-unsent')).textContent)
      .toBe('Ierīcē ir 1 nenosūtīta izmaiņa un 1 nenosūtīts foto. Atjaunināšana tos saglabā: dati paliek ierīcē un tiks nosūtīti kā parasti.');
  });

  it('says so when everything was sent', async () => {
    renderWithServices(services, <UpdateKeepsData />);
    expect((await screen.findByTestId('update-unsent')).textContent).toBe('Visas izmaiņas ir nosūtītas. Atjaunināšana ierīces datus nemaina.');
  });
});

describe('DeviceNoticeView', () => {
  it('warns of low space with the free bytes, links to settings and closes', () => {
    const onDismiss = vi.fn();
    render(<DeviceNoticeView notice={{ kind: 'space', level: 'low', free: 150 * 1024 * 1024 }} onDismiss={onDismiss} />);
    const notice = screen.getByRole('complementary', { name: 'Ierīces paziņojums' });
    expect(notice.textContent).toContain('Ierīcē drīz pietrūks vietas: brīvi 150 MB.');
    expect(screen.getByRole('link', { name: 'Uz iestatījumiem' }).getAttribute('href')).toBe('/settings');
    fireEvent.click(screen.getByRole('button', { name: 'Aizvērt paziņojumu' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('asks iPad users to add Talka to the Home Screen in three steps', () => {
    render(<DeviceNoticeView notice={{ kind: 'install', browser: 'safari' }} onDismiss={() => {}} />);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Pieskarieties pogai “Kopīgot” (kvadrāts ar bultiņu uz augšu).',
      'Izvēlieties “Pievienot sākuma ekrānam” un “Pievienot”.',
      'Turpmāk atveriet Talku ar ikonu sākuma ekrānā.',
    ]);
  });
});
