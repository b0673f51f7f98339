// The first start on an empty database prints a one-time link where the first
// coordinator creates the organisation and their account (docs/protocol.md, Accounts). Several servers
// may start together on one database: the link is printed once for the whole
// deployment, by the server whose start made the token (store.ts
// claimStartupSetupToken decides under a database lock). A later start prints
// a new one only once no unused link younger than 24 h is out.
import { baseUrl, type ServerConfig } from './config';
import { hashToken, newToken, SETUP_TOKEN_LIFETIME_MS } from './auth/tokens';
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

/** At start: on an empty database, prints where the first coordinator signs up, unless another start has. Returns the link. */
export async function announceSetupLink(
  store: Store,
  config: Pick<ServerConfig, 'host' | 'port' | 'publicUrl'>,
  now: number,
  log: (line: string) => void,
): Promise<string | null> {
  const token = newToken();
  const claim = await store.claimStartupSetupToken(hashToken(token), now, now - SETUP_TOKEN_LIFETIME_MS);
  if (claim === 'has_users') return null;
  if (claim === 'link_out') {
    log('No users yet. A one-time setup link was printed already (by this server or another one on the same database) and is still valid;');
    log('  run `npm run admin -- setup-link` for a new one.');
    return null;
  }
  const link = `${baseUrl(config)}/setup#${token}`;
  log('No users yet. Open this one-time link (valid 24 hours) to create the organisation and its first coordinator:');
  log(`  ${link}`);
  return link;
}
