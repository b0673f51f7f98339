import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { isMessageKey, t, type MessageKey } from '../i18n';
import { session } from '../account/session';
import { useLiveQuery } from '../db/live';
import { useServices } from './app-context';
import { AccountMenu } from './account/AccountMenu';
import { isSecurePage } from './components/secure-page';
import { LanguageToggle } from './components/LanguageToggle';
import { SyncStatus } from './components/SyncStatus';
import { ToastHost } from './components/toast';
import { DeviceNotice, InsecureBanner, ReloadPrompt, ReplacedNotice } from './device/deferred';
import './account/header.css';

interface NavLink {
  href: string;
  label: MessageKey;
  /** Whether the link is the current section for `path`. */
  matches: (path: string) => boolean;
}

const COMMUNITIES: NavLink = { href: '/', label: 'nav.communities', matches: (path) => path === '/' || path.startsWith('/communities') || path.startsWith('/workshops') };
const PEOPLE: NavLink = { href: '/people', label: 'nav.people', matches: (path) => path.startsWith('/people') };
const EVENTS: NavLink = { href: '/events', label: 'nav.events', matches: (path) => path.startsWith('/events') };
const PROGRAMMES: NavLink = { href: '/programmes', label: 'programmes.nav', matches: (path) => path.startsWith('/programmes') };
const OVERVIEW: NavLink = { href: '/overview', label: 'overview.nav', matches: (path) => path === '/overview' };
const EXPORTS: NavLink = { href: '/exports', label: 'reports.nav', matches: (path) => path === '/exports' };
const CONFLICTS: NavLink = { href: '/conflicts', label: 'header.conflicts', matches: (path) => path === '/conflicts' };
const BIN: NavLink = { href: '/bin', label: 'header.bin', matches: (path) => path === '/bin' };
const USERS: NavLink = { href: '/users', label: 'header.users', matches: (path) => path === '/users' };
const SETTINGS: NavLink = { href: '/settings', label: 'nav.settings', matches: (path) => path === '/settings' };

/** The frame of every screen: the plain-HTTP warning when it applies, brand, navigation, account and language, the sync bar, then the screen. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const isCoordinator = session.value?.user.role === 'coordinator';
  // The device notices (space, install, persistence) concern a device holding someone's work: a fresh,
  // signed-out visit loads none of their code.
  const { db } = useServices();
  const holdsData = useLiveQuery(async () => (await db.outbox.count()) + (await db.communities.count()) > 0, [db]);
  const links = isCoordinator
    ? [COMMUNITIES, EVENTS, PEOPLE, PROGRAMMES, OVERVIEW, EXPORTS, CONFLICTS, BIN, USERS, SETTINGS]
    : [COMMUNITIES, EVENTS, PEOPLE, PROGRAMMES, OVERVIEW, SETTINGS];

  // A narrow screen's menu closes once a link has been followed.
  useEffect(() => setMenuOpen(false), [path]);

  return (
    <>
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      {!isSecurePage() && <InsecureBanner />}
      <header class="app-header app-header--with-bar">
        <a class="app-header__brand" href="/">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </a>
        <button type="button" class="button button--ghost app-header__menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}>
          <span aria-hidden="true">☰</span> {t('header.menu')}
        </button>
        <nav id="main-nav" class={`app-header__nav${menuOpen ? ' is-open' : ''}`} aria-label={t('nav.main')}>
          <ul class="app-header__links">
            {/* Every label ships with the first load (src/i18n/first-screen-strings.test.ts); never an empty link all the same. */}
            {links.filter((link) => isMessageKey(link.label)).map((link) => (
              <li key={link.href}>
                <a class="button button--ghost" href={link.href} aria-current={link.matches(path) ? 'page' : undefined}>{t(link.label)}</a>
              </li>
            ))}
          </ul>
          <div class="app-header__account">
            <AccountMenu />
            <LanguageToggle />
          </div>
        </nav>
        <SyncStatus />
      </header>
      {(session.value || holdsData) && <DeviceNotice />}
      {session.value && <ReplacedNotice />}
      <main id="main" class="app-main">{children}</main>
      <ToastHost />
      <ReloadPrompt />
    </>
  );
}
