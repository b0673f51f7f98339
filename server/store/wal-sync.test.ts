import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSyncer } from './wal-sync';

describe('WAL syncer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talka-wal-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs nothing before the WAL exists, then syncs it; concurrent calls share syncs', async () => {
    const wal = new WalSyncer(join(dir, 'db-wal'));
    await wal.sync();
    writeFileSync(join(dir, 'db-wal'), 'frames');
    const calls = await Promise.all(Array.from({ length: 10 }, () => wal.sync()));
    expect(calls).toHaveLength(10);
    await wal.close();
  });
});
