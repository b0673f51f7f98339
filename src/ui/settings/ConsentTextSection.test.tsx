import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsId } from '../../../protocol';
import { DEFAULT_CONSENT_TEXT } from '../../domain/consent';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { ConsentTextSection } from './ConsentTextSection';

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook();
  renderWithServices(services, <ConsentTextSection organisationId="org-1" today={() => '2026-12-06'} />);
});
afterEach(() => closeTestNotebook(services));

describe('the consent text in the settings', () => {
  it('starts from the shipped text; a new wording becomes version 2 and the shipped one is kept as version 1', async () => {
    const latvian = await screen.findByLabelText<HTMLTextAreaElement>('Teksts latviski');
    expect(latvian.value).toBe(DEFAULT_CONSENT_TEXT.lv);
    expect(screen.getByTestId('consent-current').textContent).toMatch(/^Pašlaik spēkā: versija 1, no 2026/);

    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt kā jaunu versiju' }));
    expect(await screen.findByText('Teksts nav mainīts — jauna versija nav vajadzīga.')).toBeTruthy();
    expect(await services.db.settings.count()).toBe(0);

    fireEvent.input(latvian, { target: { value: 'Piekrītu, ka glabā manu vārdu.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt kā jaunu versiju' }));
    expect(await screen.findByText('Saglabāta versija 2.')).toBeTruthy();
    const settings = await services.db.settings.get(settingsId('org-1'));
    expect(settings?.consentTexts).toEqual([
      DEFAULT_CONSENT_TEXT,
      { version: '2', from: '2026-12-06', lv: 'Piekrītu, ka glabā manu vārdu.', en: DEFAULT_CONSENT_TEXT.en },
    ]);
    expect(await services.db.outbox.where('recordId').equals(settingsId('org-1')).count()).toBe(1);
    await waitFor(() => expect(screen.getByTestId('consent-current').textContent).toMatch(/^Pašlaik spēkā: versija 2,/));
  });

  it('refuses an empty Latvian text and keeps what was typed in English', async () => {
    const latvian = await screen.findByLabelText<HTMLTextAreaElement>('Teksts latviski');
    fireEvent.input(latvian, { target: { value: '  ' } });
    fireEvent.input(screen.getByLabelText('Teksts angliski'), { target: { value: 'I agree.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saglabāt kā jaunu versiju' }));
    expect(await screen.findByText('Ierakstiet tekstu latviski.')).toBeTruthy();
    expect((screen.getByLabelText('Teksts angliski') as HTMLTextAreaElement).value).toBe('I agree.');
    expect(await services.db.settings.count()).toBe(0);
  });
});
