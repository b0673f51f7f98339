// The production build is an installable, offline-capable PWA: the service
// worker precaches the app shell and serves deep links from it.
import { existsSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const manifestSchema = v.looseObject({
  icons: v.array(v.looseObject({ src: v.string(), sizes: v.string(), purpose: v.optional(v.string()) })),
});

const dist = new URL('../../dist/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dist), 'utf8');

describe('production build', () => {
  it('precaches index.html and every script and stylesheet the page loads', () => {
    const sw = read('sw.js');
    expect(sw).toContain('"index.html"');
    const html = read('index.html');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(sw).toContain(asset);
  });

  it('falls back to the app shell for navigations, but not for the API', () => {
    const sw = read('sw.js');
    expect(sw).toMatch(/NavigationRoute/);
    expect(sw).toContain('index.html');
    expect(sw).toMatch(/\^\\\/api\\\//);
  });

  it('has a manifest a browser can install from', () => {
    const manifest = v.parse(manifestSchema, JSON.parse(read('manifest.webmanifest')));
    expect(manifest).toMatchObject({ name: 'Talka', lang: 'lv', display: 'standalone', start_url: '/' });
    const icons = manifest.icons;
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((icon) => icon.purpose?.includes('maskable'))).toBe(true);
    for (const icon of icons) expect(existsSync(new URL(`.${icon.src}`, dist))).toBe(true);
    expect(read('index.html')).toContain('manifest.webmanifest');
  });
});
