// The first start on an empty database prints a one-time link where the first
// coordinator creates the organisation and their account (docs/protocol.md, Accounts).
import { baseUrl, type ServerConfig } from './config';
import { hashToken, newToken } from './auth/tokens';
import type { Store } from './store/store';

/** Makes a new one-time setup token (valid 24 h) and returns its link. */
export async function issueSetupLink(store: Store, config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl'>, now: number): Promise<string> {
  const token = newToken();
  await store.createSetupToken(hashToken(token), now);
  return `${baseUrl(config)}/setup#${token}`;
}

/** The setup link when the database has no users yet, otherwise null. */
export async function setupLinkIfEmpty(store: Store, config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl'>, now: number): Promise<string | null> {
  if ((await store.countUsers()) > 0) return null;
  return issueSetupLink(store, config, now);
}

/** At start: on an empty database, prints where the first coordinator signs up. Returns the link. */
export async function announceSetupLink(
  store: Store,
  config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl'>,
  now: number,
  log: (line: string) => void,
): Promise<string | null> {
  const link = await setupLinkIfEmpty(store, config, now);
  if (link) {
    log('No users yet. Open this one-time link (valid 24 hours) to create the organisation and its first coordinator:');
    log(`  ${link}`);
  }
  return link;
}
