// Several devices (browser contexts) of one test against one real server:
// each context gets the server as base URL and the step timeout, and every
// uncaught exception in the app is collected with the device's name.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../testing/browser';
import { STEP_TIMEOUT_MS } from './notebook-steps';
import { startServer, type RunningServer } from '../../../testing/server';

export interface DeviceLab {
  server: RunningServer;
  browser: Browser;
  newDevice(name: string, options: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function openDeviceLab(pageErrors: string[]): Promise<DeviceLab> {
  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async newDevice(name, options) {
      const context = await browser.newContext({ ...options, baseURL: server.url });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`)));
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.stop();
    },
  };
}

/** A test file's device lab: opened before its tests, closed after them; `server` is there while they run. */
export function useDeviceLab(pageErrors: string[]): { readonly server: RunningServer; newDevice: DeviceLab['newDevice'] } {
  let lab: DeviceLab | undefined;
  beforeAll(async () => {
    lab = await openDeviceLab(pageErrors);
  });
  afterAll(async () => {
    await lab?.close();
  });
  const opened = (): DeviceLab => {
    if (!lab) throw new Error('The device lab opens before the tests run');
    return lab;
  };
  return {
    get server() {
      return opened().server;
    },
    newDevice: (name, options) => opened().newDevice(name, options),
  };
}
