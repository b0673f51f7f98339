import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { ReloadPrompt } from '../pwa/ReloadPrompt';
import { LanguageToggle } from './components/LanguageToggle';
import { SyncStatus } from './components/SyncStatus';
import { ToastHost } from './components/toast';

/** The frame of every screen: header with sync state and language, then the screen. */
export function Layout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header class="app-header">
        <a class="app-header__brand" href="/">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </a>
        <SyncStatus />
        <nav class="app-header__nav" aria-label={t('nav.main')}>
          <a class="button button--ghost" href="/">{t('nav.communities')}</a>
          <a class="button button--ghost" href="/settings">{t('nav.settings')}</a>
          <LanguageToggle />
        </nav>
      </header>
      <main id="main" class="app-main">{children}</main>
      <ToastHost />
      <ReloadPrompt />
    </>
  );
}
