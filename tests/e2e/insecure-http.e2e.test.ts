// The village hall without a certificate: the page served over plain HTTP
// under a name that is not loopback (talka-hall.test, which Chromium is told
// resolves to 127.0.0.1, where the real server listens) is not a secure
// context, and every screen says so at the top, in Latvian and in English.
// Over loopback (a secure context) nothing is said. The browser resolves no
// other name and every request is checked: no traffic leaves 127.0.0.1.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/browser';
import { startServer, type RunningServer } from '../../testing/server';
import { STEP_TIMEOUT_MS, expectScreen, expectText, visible } from './support/notebook-steps';

const HALL = 'talka-hall.test';
const WARNING = 'Šī adrese nav droša (HTTP): bezsaistes darbs un šifrētas rezerves kopijas nav pieejamas';
const WARNING_EN = 'This address is not secure (HTTP): offline work and encrypted backups are not available';

describe('plain HTTP on a network name', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let port = '';
  /** Every address the page asked for, and whatever it asked for elsewhere. */
  const hosts = new Set<string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    port = new URL(server.url).port;
    browser = await launchChromium({ hosts: { [HALL]: '127.0.0.1' } });
    context = await browser.newContext({ viewport: { width: 800, height: 1000 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow' });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      hosts.add(url.host);
      if (url.host === `${HALL}:${port}` || url.host === `127.0.0.1:${port}`) await route.continue();
      else await route.abort('addressunreachable');
    });
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function banner(page: Page) {
    return page.getByTestId('insecure-banner');
  }

  it('says at the top that the address is not secure and how to reach it over HTTPS', async () => {
    const page = await context.newPage();
    await page.goto(`http://${HALL}:${port}/`);
    await expectScreen(page, 'Kopienas');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await visible(banner(page));
    await expectText(banner(page).getByRole('alert'), WARNING);
    await expectText(banner(page).locator('.insecure-banner__how'), /^Atveriet Talka adresi, kas sākas ar https:\/\//);
    // At the top: above the header.
    const [bannerBox, headerBox] = await Promise.all([banner(page).boundingBox(), page.locator('header.app-header').boundingBox()]);
    expect(bannerBox!.y).toBeLessThan(headerBox!.y);

    // Hidden for this visit only: it is back on the next load, and on a deep link.
    await banner(page).getByRole('button', { name: 'Paslēpt līdz nākamajai atvēršanai' }).click();
    await banner(page).waitFor({ state: 'detached' });
    await page.goto(`http://${HALL}:${port}/settings`);
    await expectText(banner(page).getByRole('alert'), WARNING);

    // In English too.
    await page.getByRole('radio', { name: 'English' }).check();
    await expectText(banner(page).getByRole('alert'), WARNING_EN);
    await page.close();
  });

  it('says nothing over loopback, which is a secure context', async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expectScreen(page, /^(Kopienas|Communities)$/);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await banner(page).count()).toBe(0);
    await page.close();
  });

  it('sent nothing anywhere but the server on 127.0.0.1', () => {
    expect([...hosts].sort()).toEqual([`127.0.0.1:${port}`, `${HALL}:${port}`].sort());
    expect(pageErrors).toEqual([]);
  });
});
