import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin, type AdminContext } from './admin-commands';
import { verifyPassword } from './auth/password';
import { BlobFiles, sha256Hex } from './blobs/blob-files';
import { openStore } from './store/open';

describe('admin commands', () => {
  let dir: string;
  let context: AdminContext;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'talka-admin-'));
    context = {
      openStore: () => openStore({ kind: 'sqlite', file: join(dir, 'talka.sqlite') }),
      config: { host: '127.0.0.1', port: 8080, publicUrl: undefined },
      now: () => 1_000,
      passwordCost: 10,
      openBlobs: () => new BlobFiles(join(dir, 'blobs')),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[], stdin = '') {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, { readStdin: async () => stdin, out: (l) => out.push(l), err: (l) => err.push(l) }, context);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('add-user creates the organisation when missing and reads the password from stdin', async () => {
    const first = await run(['add-user', '--org', 'Zemgales centrs', '--email', 'Ilze@Example.lv', '--name', 'Ilze', '--role', 'coordinator', '--password-stdin'], 'slepena-parole\n');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('Created organisation "Zemgales centrs"');
    const second = await run(['add-user', '--org', 'Zemgales centrs', '--email', 'anna@example.lv', '--name', 'Anna', '--role', 'facilitator', '--password-stdin'], 'annas-parole');
    expect(second.out).not.toContain('Created organisation');

    const store = await context.openStore();
    const user = await store.findUserByEmail('ilze@example.lv');
    expect(await verifyPassword('slepena-parole', user!.passwordHash)).toBe(true);
    expect((await store.listUsers(user!.orgId)).map((u) => u.email).sort()).toEqual(['anna@example.lv', 'ilze@example.lv']);
    await store.close();

    const list = await run(['list-users']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/Zemgales centrs\n {2}anna@example\.lv\tAnna\tfacilitator\n {2}ilze@example\.lv\tIlze\tcoordinator/);
  });

  it('exits 2 with usage on bad arguments, 1 when the email is taken', async () => {
    const cases: string[][] = [
      [],
      ['frobnicate'],
      ['add-user', '--org', 'X', '--email', 'x@example.lv', '--name', 'X', '--role', 'admin', '--password-stdin'],
      ['add-user', '--org', 'X', '--email', 'not-an-email', '--name', 'X', '--role', 'facilitator', '--password-stdin'],
      ['add-user', '--org', 'X', '--email', 'x@example.lv', '--name', 'X', '--role', 'facilitator'],
      ['add-user', '--email', 'x@example.lv', '--name', 'X', '--role', 'facilitator', '--password-stdin'],
      ['add-user', '--org', 'X', '--bogus'],
      ['list-users', 'extra'],
    ];
    for (const argv of cases) {
      const result = await run(argv, 'laba-parole');
      expect(result.code, argv.join(' ')).toBe(2);
    }
    expect((await run(['add-user', '--org', 'X', '--email', 'x@example.lv', '--name', 'X', '--role', 'facilitator', '--password-stdin'], 'īsa')).code).toBe(2);
    const args = ['add-user', '--org', 'X', '--email', 'x@example.lv', '--name', 'X', '--role', 'facilitator', '--password-stdin'];
    expect((await run(args, 'laba-parole')).code).toBe(0);
    const again = await run(args, 'laba-parole');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already/);
  });

  it('setup-link prints a link only while there are no users; reset-sync renews the instance id', async () => {
    const link = await run(['setup-link']);
    expect(link.code).toBe(0);
    expect(link.out).toMatch(/^http:\/\/127\.0\.0\.1:8080\/setup#/);
    const store = await context.openStore();
    const before = await store.readHead();
    await store.close();
    expect((await run(['reset-sync'])).code).toBe(0);
    const after = await context.openStore();
    expect((await after.readHead()).instanceId).not.toBe(before.instanceId);
    await after.close();
    await run(['add-user', '--org', 'X', '--email', 'x@example.lv', '--name', 'X', '--role', 'coordinator', '--password-stdin'], 'laba-parole');
    expect((await run(['setup-link'])).code).toBe(1);
  });

  it('collect-photos lists what no record needs; --dry-run deletes nothing, without it the photo goes', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const hash = sha256Hex(bytes);
    const uploaded = Date.now();
    const store = await context.openStore();
    await store.createOrganisation({ id: 'org-1', name: 'Zemgales centrs', createdAt: uploaded });
    await store.addBlobOwner({ orgId: 'org-1', sha256: hash, size: bytes.byteLength, mime: 'image/jpeg', createdAt: uploaded });
    await store.close();
    const blobs = new BlobFiles(join(dir, 'blobs'));
    await blobs.write(hash, bytes);
    context.now = () => uploaded + 8 * 24 * 60 * 60 * 1000;

    const dry = await run(['collect-photos', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Would forget 1 organisation photo(s)');
    expect(dry.out).toContain(`Zemgales centrs\t${hash}`);
    expect(dry.out).toContain('Would delete 1 stored photo(s)');
    expect(await blobs.size(hash)).toBe(4);

    const longer = await run(['collect-photos', '--grace-days', '30']);
    expect(longer.out).toContain('Will forget 0 organisation photo(s)');
    expect(await blobs.size(hash)).toBe(4);

    const real = await run(['collect-photos']);
    expect(real.out).toContain(`Zemgales centrs\t${hash}`);
    expect(real.out).toContain('Done.');
    expect(await blobs.size(hash)).toBeNull();
    expect((await run(['collect-photos', '--grace-days', 'week'])).code).toBe(2);
  });
});
