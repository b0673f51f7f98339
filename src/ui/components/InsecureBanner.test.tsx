import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { InsecureBannerView, isSecurePage } from './InsecureBanner';

afterEach(async () => {
  await setLanguage('lv');
});

describe('InsecureBanner (plain HTTP called out)', () => {
  it('says in Latvian what does not work and how to reach Talka over HTTPS, and hides for this visit', () => {
    let hidden = 0;
    render(<InsecureBannerView onHide={() => hidden++} />);
    const banner = screen.getByTestId('insecure-banner');
    expect(screen.getByRole('alert').textContent).toBe('Šī adrese nav droša (HTTP): bezsaistes darbs un šifrētas rezerves kopijas nav pieejamas');
    expect(banner.textContent).toContain('Atveriet Talka adresi, kas sākas ar https://');
    expect(banner.querySelector('a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Paslēpt līdz nākamajai atvēršanai' }));
    expect(hidden).toBe(1);
  });

  it('has an English twin', async () => {
    await setLanguage('en');
    render(<InsecureBannerView onHide={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('This address is not secure (HTTP): offline work and encrypted backups are not available');
  });

  it('shows only where the page is not a secure context', () => {
    expect(isSecurePage({ isSecureContext: false })).toBe(false);
    expect(isSecurePage({ isSecureContext: true })).toBe(true);
    expect(isSecurePage({})).toBe(true);
  });
});
