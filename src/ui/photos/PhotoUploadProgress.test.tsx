import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SyncStatusView } from '../components/SyncStatus';

describe('the sync bar while photos go up', () => {
  it('says "Foto N no M" with megabytes sent of the total, and measures the bar in bytes', () => {
    render(<SyncStatusView isOnline pending={21} signedIn running
      progress={{ sent: 0, toSend: 21, received: 0, photos: { sent: 3, total: 20, bytes: 1_260_000, totalBytes: 8_400_000 } }} />);
    const line = screen.getByTestId('photo-upload-progress');
    expect(line.textContent).toBe('Foto 3 no 20, 1,3 no 8,4 MB');
    const bar = screen.getByRole('progressbar', { name: 'Foto augšupielādes gaita' }) as HTMLProgressElement;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1260000', '8400000']);
  });

  it('without photos the usual change count is shown', () => {
    render(<SyncStatusView isOnline pending={5} signedIn running progress={{ sent: 2, toSend: 5, received: 0 }} />);
    expect(screen.queryByTestId('photo-upload-progress')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Nosūtīts: 2 no 5');
  });
});
