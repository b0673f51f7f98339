import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { language, setLanguage } from '../../i18n';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { SettingsScreen } from './SettingsScreen';
import { SettingsView, type SettingsViewProps } from './SettingsView';

const props = (overrides: Partial<SettingsViewProps> = {}): SettingsViewProps => ({
  language: 'lv', onLanguage: vi.fn(), storage: { usage: 5 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024, persisted: false },
  persistRequest: null, onAskPersistence: vi.fn(), deviceId: 'dev-Abc123xyz', pending: 3, ...overrides,
});

afterEach(async () => { await setLanguage('lv'); });

describe('SettingsView', () => {
  it('shows storage used and available, that it is not persistent, the device id and the changes waiting', () => {
    render(<SettingsView {...props()} />);
    expect(screen.getByText(/Izmantoti 5 MB no pieejamajiem 2 GB/)).toBeTruthy();
    expect(screen.getByTestId('persistence').textContent).toMatch(/Nav pastāvīga/);
    expect(screen.getByText('dev-Abc123xyz')).toBeTruthy();
    expect(screen.getByTestId('settings-pending').textContent).toBe('3 izmaiņas');
  });

  it('offers to ask for persistent storage only while it is not granted', () => {
    const onAskPersistence = vi.fn();
    const { rerender } = render(<SettingsView {...props({ onAskPersistence })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Lūgt pastāvīgu glabāšanu' }));
    expect(onAskPersistence).toHaveBeenCalledOnce();
    rerender(<SettingsView {...props({ storage: { usage: 1, quota: 2, persisted: true } })} />);
    expect(screen.queryByRole('button', { name: 'Lūgt pastāvīgu glabāšanu' })).toBeNull();
  });

  it('uses Latvian plural forms for the waiting changes', () => {
    const { rerender } = render(<SettingsView {...props({ pending: 21 })} />);
    expect(screen.getByTestId('settings-pending').textContent).toBe('21 izmaiņa');
    rerender(<SettingsView {...props({ pending: 10 })} />);
    expect(screen.getByTestId('settings-pending').textContent).toBe('10 izmaiņu');
  });
});

describe('SettingsScreen', () => {
  let services: TestServices;
  beforeEach(() => { services = openTestNotebook('tablet-1'); });
  afterEach(() => closeTestNotebook(services));

  it('switches the interface language from the radio group', async () => {
    renderWithServices(services, <SettingsScreen />);
    expect(await screen.findByText('tablet-1')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('settings-pending').textContent).toBe('0 izmaiņu'));
    fireEvent.click(screen.getByLabelText('English'));
    await waitFor(() => expect(language.value).toBe('en'));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
    expect((screen.getByLabelText('English') as HTMLInputElement).checked).toBe(true);
  });
});
