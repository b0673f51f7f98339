// Debian's Chromium driven by playwright-core (no browser download here).
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface LaunchOptions {
  /**
   * Host names the browser resolves to these addresses (`--host-resolver-rules`), e.g. a name that is
   * not loopback served by the test server on 127.0.0.1. Any other name does not resolve at all.
   */
  hosts?: Readonly<Record<string, string>>;
}

/** The `--host-resolver-rules` flag that maps these names, lets their addresses through and resolves nothing else. */
export function hostResolverRules(hosts: Readonly<Record<string, string>>): string {
  const maps = Object.entries(hosts).map(([name, address]) => `MAP ${name} ${address}`);
  // The catch-all would take the addresses themselves too: they are left to resolve as they are.
  const addresses = [...new Set(Object.values(hosts))].map((address) => `EXCLUDE ${address}`);
  return `--host-resolver-rules=${[...maps, 'MAP * ~NOTFOUND', ...addresses].join(', ')}`;
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = options.hosts ? [...CHROMIUM_ARGS, hostResolverRules(options.hosts)] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}

/** A browser profile on disk, as an installed browser has (a new context is incognito). */
export function launchChromiumProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
