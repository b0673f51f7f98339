// Chromium itself judges the app installable: manifest, icons, service worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromiumProfile } from '../../testing/browser';
import { startServer, type RunningServer } from '../../testing/server';

let server: RunningServer;
let profile: BrowserContext;
const profileDir = mkdtempSync(join(tmpdir(), 'talka-profile-'));

beforeAll(async () => {
  [server, profile] = await Promise.all([startServer(), launchChromiumProfile(profileDir)]);
});

afterAll(async () => {
  await profile?.close();
  await server?.stop();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('installability', () => {
  it('has no installability errors once the service worker is ready', async () => {
    const page = await profile.newPage();
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const cdp = await profile.newCDPSession(page);
    await expect.poll(async () => {
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      return installabilityErrors.map((error) => error.errorId);
    }, { timeout: 15_000 }).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  });
});
