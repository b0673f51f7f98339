import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n';
import { SyncStatusView } from './SyncStatus';

afterEach(async () => { await setLanguage('lv'); });

/** Today at hh:mm, local time: the bar shows the time alone for today. */
function todayAt(hours: number, minutes: number): number {
  const date = new Date();
  date.setHours(hours, minutes, 0, 0);
  return date.getTime();
}

describe('SyncStatusView (always shows offline/online, changes waiting, last sync, progress)', () => {
  it('shows offline and three changes waiting, in Latvian', () => {
    render(<SyncStatusView isOnline={false} pending={3} signedIn />);
    const bar = screen.getByRole('status');
    expect(bar.getAttribute('aria-live')).toBe('polite');
    expect(bar.textContent).toContain('Bezsaistē');
    const pending = screen.getByTestId('pending-count');
    expect(pending.textContent).toBe('3 izmaiņas glabājas šajā ierīcē un tiks nosūtītas, kad būs tīkls');
    expect(pending.dataset.count).toBe('3');
    expect(bar.querySelector('.sync-bar__failure')).toBeNull();
  });

  it('offline with nothing waiting, says the work is kept, not that something failed', () => {
    const { rerender } = render(<SyncStatusView isOnline={false} pending={0} signedIn failure="network" />);
    expect(screen.getByTestId('pending-count').textContent).toBe('Var strādāt bez tīkla: viss ievadītais tiek saglabāts šajā ierīcē');
    expect(screen.getByRole('status').querySelector('.sync-bar__failure')).toBeNull();
    rerender(<SyncStatusView isOnline={false} pending={21} signedIn failure="network" />);
    expect(screen.getByTestId('pending-count').textContent).toBe('21 izmaiņa glabājas šajā ierīcē un tiks nosūtīta, kad būs tīkls');
  });

  it('uses the Latvian plural forms for 1, 10 and 21', () => {
    const { rerender } = render(<SyncStatusView isOnline pending={1} />);
    expect(screen.getByTestId('pending-count').textContent).toBe('1 izmaiņa gaida nosūtīšanu');
    rerender(<SyncStatusView isOnline pending={21} />);
    expect(screen.getByTestId('pending-count').textContent).toBe('21 izmaiņa gaida nosūtīšanu');
    rerender(<SyncStatusView isOnline pending={10} />);
    expect(screen.getByTestId('pending-count').textContent).toBe('10 izmaiņu gaida nosūtīšanu');
  });

  it('says all changes were sent, with the time of the last sync', () => {
    const now = todayAt(12, 0);
    render(<SyncStatusView isOnline pending={0} signedIn lastSyncAt={todayAt(9, 14)} now={now} />);
    expect(screen.getByTestId('pending-count').textContent).toBe('Visas izmaiņas nosūtītas, 09:14');
    expect(screen.getByRole('status').textContent).toContain('Tiešsaistē');
  });

  it('adds the date when the last sync was on another day', () => {
    const lastSyncAt = new Date(2026, 10, 20, 9, 14).getTime();
    render(<SyncStatusView isOnline pending={2} signedIn lastSyncAt={lastSyncAt} now={new Date(2026, 10, 23, 8, 0).getTime()} />);
    expect(screen.getByText(/Pēdējā sinhronizācija .*20.*09:14/)).toBeTruthy();
  });

  it('shows a progress bar with sent of to-send and received on a long sync', () => {
    render(<SyncStatusView isOnline pending={2500} signedIn running progress={{ sent: 1000, toSend: 2500, received: 40 }} />);
    const bar = screen.getByRole('progressbar') as HTMLProgressElement;
    expect(bar.getAttribute('max')).toBe('2500');
    expect(bar.getAttribute('value')).toBe('1000');
    expect(screen.getByText('Nosūtīts: 1000 no 2500, saņemts: 40')).toBeTruthy();
    const button = screen.getByRole('button', { name: /Sinhronizē…/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it('shows an indeterminate bar while only receiving', () => {
    render(<SyncStatusView isOnline pending={0} signedIn running progress={{ sent: 0, toSend: 0, received: 5000 }} />);
    expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
    expect(screen.getByText('Saņemts: 5000')).toBeTruthy();
  });

  it('offers "Sync now" when signed in and "Sign in to sync" when not', () => {
    const onSyncNow = vi.fn();
    const { rerender } = render(<SyncStatusView isOnline pending={0} signedIn onSyncNow={onSyncNow} />);
    fireEvent.click(screen.getByRole('button', { name: /Sinhronizēt/ }));
    expect(onSyncNow).toHaveBeenCalledOnce();
    rerender(<SyncStatusView isOnline pending={4} signedIn={false} />);
    expect(screen.getByRole('link', { name: 'Pieslēgties, lai sinhronizētu' }).getAttribute('href')).toBe('/login');
  });

  it('puts the last failure in words, with a sign-in link when the session expired', () => {
    const { rerender } = render(<SyncStatusView isOnline pending={1} signedIn failure="unauthorized" />);
    expect(screen.getByText(/Sesija beigusies/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pieslēgties vēlreiz' }).getAttribute('href')).toBe('/login');
    rerender(<SyncStatusView isOnline pending={1} signedIn failure="server" nextAttemptAt={todayAt(9, 20)} now={todayAt(9, 19)} />);
    expect(screen.getByText('Servera kļūda; mēģinās vēlreiz 09:20')).toBeTruthy();
    rerender(<SyncStatusView isOnline={false} pending={1} signedIn failure="network" />);
    expect(screen.queryByText(/Serveris nav sasniedzams/)).toBeNull();
    rerender(<SyncStatusView isOnline pending={1} signedIn failure="network" />);
    expect(screen.getByText(/Serveris nav sasniedzams/)).toBeTruthy();
  });

  it('links to refused changes and, for coordinators, to open conflicts', () => {
    const { rerender } = render(<SyncStatusView isOnline pending={2} signedIn refused={2} conflicts={3} />);
    expect(screen.getByRole('link', { name: '2 noraidītas izmaiņas' }).getAttribute('href')).toBe('/changes');
    expect(screen.getByRole('link', { name: '3 konflikti' }).getAttribute('href')).toBe('/conflicts');
    rerender(<SyncStatusView isOnline pending={2} signedIn refused={0} conflicts={null} />);
    expect(screen.queryByRole('link', { name: /noraidīt/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /konflikt/ })).toBeNull();
  });

  it('speaks English when asked', async () => {
    await setLanguage('en');
    render(<SyncStatusView isOnline={false} pending={3} signedIn />);
    expect(screen.getByTestId('pending-count').textContent).toBe('3 changes are kept on this device and will be sent when there is a connection');
    expect(screen.getByRole('status').textContent).toContain('Offline');
  });
});
