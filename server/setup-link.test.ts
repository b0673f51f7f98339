import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from './auth/tokens';
import { announceSetupLink } from './setup-link';
import type { KyselyStore } from './store/kysely-store';
import { openStore } from './store/open';

describe('the setup link printed at start', () => {
  let store: KyselyStore;
  beforeEach(async () => {
    store = await openStore({ kind: 'sqlite', file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('is printed on an empty database, as <PUBLIC_URL or http://HOST:PORT>/setup#<token>, and its token is stored hashed', async () => {
    const lines: string[] = [];
    const link = await announceSetupLink(store, { host: '0.0.0.0', port: 8080, publicUrl: undefined }, 1_000, (line) => lines.push(line));
    expect(link).toMatch(/^http:\/\/localhost:8080\/setup#[A-Za-z0-9_-]{43}$/);
    expect(lines.join('\n')).toContain(link!);
    const token = link!.split('#')[1]!;
    const outcome = await store.completeSetup({
      tokenHash: hashToken(token), notBefore: 0, now: 2_000,
      organisation: { id: 'org-1', name: 'Org', createdAt: 2_000 },
      user: { id: 'user-1', orgId: 'org-1', email: 'a@example.lv', name: 'A', role: 'coordinator', passwordHash: 'x', active: true, createdAt: 2_000 },
    });
    expect(outcome).toBe('created');
  });

  it('uses PUBLIC_URL when set', async () => {
    const link = await announceSetupLink(store, { host: '127.0.0.1', port: 8080, publicUrl: 'https://talka.example.lv' }, 1_000, () => {});
    expect(link).toMatch(/^https:\/\/talka\.example\.lv\/setup#/);
  });

  it('is printed once for servers starting together on one database; a start after the link has expired prints a new one', async () => {
    const lines: string[] = [];
    const config = { host: '127.0.0.1', port: 8080, publicUrl: undefined };
    const links = await Promise.all([1, 2, 3].map(() => announceSetupLink(store, config, 1_000, (line) => lines.push(line))));
    expect(links.filter((link) => link !== null)).toHaveLength(1);
    expect(lines.filter((line) => line.includes('/setup#'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('printed already'))).toHaveLength(2);
    const dayLater = 1_000 + 24 * 60 * 60 * 1000 + 1;
    expect(await announceSetupLink(store, config, dayLater, () => {})).toMatch(/\/setup#/);
  });

  it('prints nothing once the database has a user', async () => {
    await store.createOrganisation({ id: 'org-1', name: 'Org', createdAt: 1 });
    await store.createUser({ id: 'u', orgId: 'org-1', email: 'a@example.lv', name: 'A', role: 'coordinator', passwordHash: 'x', active: true, createdAt: 1 });
    const lines: string[] = [];
    expect(await announceSetupLink(store, { host: '127.0.0.1', port: 8080, publicUrl: undefined }, 1_000, (line) => lines.push(line))).toBeNull();
    expect(lines).toEqual([]);
  });
});
