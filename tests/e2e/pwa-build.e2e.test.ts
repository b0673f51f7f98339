// The production build is an installable, offline-capable PWA: the service
// worker precaches the app shell and everything a facilitator's screens need,
// serves deep links from it, and keeps the screens a first visit does not need
// in a runtime cache instead (index.html lists them for signed-in devices to fetch).
import { precacheUrls } from '../../scripts/bench/bundle-size';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const manifestSchema = v.looseObject({
  icons: v.array(v.looseObject({ src: v.string(), sizes: v.string(), purpose: v.optional(v.string()) })),
});

const dist = new URL('../../dist/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dist), 'utf8');

/** The URLs in sw.js's precacheAndRoute([...]) manifest, e.g. "assets/index-abc.js" (the bench reads them the same way). */
function precached(): Set<string> {
  return new Set(precacheUrls(read('sw.js')));
}

/** index.html's list of the files left to the runtime cache, e.g. "/assets/chart-runtime-abc.js". */
function runtimeCached(): string[] {
  const match = /<script type="application\/json" id="talka-runtime-assets">([^<]*)<\/script>/.exec(read('index.html'));
  expect(match).not.toBeNull();
  return v.parse(v.array(v.string()), JSON.parse(match![1]!));
}

const named = (files: Iterable<string>, name: string) => [...files].filter((file) => new RegExp(`(?:^|/)assets/${name}-[\\w-]+\\.(?:js|css)$`).test(file));

/** Screens a coordinator works with (and the first coordinator's one-time setup); their code is not precached. */
const COORDINATOR_SCREENS = [
  'OverviewScreen', 'ExportsScreen', 'UsersScreen', 'ParticipantDataScreen', 'ConflictsScreen', 'SignInSheetScreen', 'WorkshopReportScreen', 'SetupScreen',
];
/** What a facilitator's evening workshop needs offline, both languages included. */
const FACILITATOR_FILES = [
  'CommunityListScreen', 'CommunityScreen', 'CommunityFormScreen', 'WorkshopScreen', 'WorkshopFormScreen', 'CheckInScreen', 'ParticipantsScreen',
  'NeedsScreen', 'VotingScreen', 'ResourcesScreen', 'SwotScreen', 'ActionPlanScreen', 'PhotoStrip', 'SettingsScreen', 'ChangesScreen', 'LoginScreen',
  'runtime', 'record-checks', 'db', 'lv-rest', 'en',
];

describe('production build', () => {
  it('precaches index.html and every script and stylesheet the page loads', () => {
    const sw = read('sw.js');
    expect(sw).toContain('"index.html"');
    const html = read('index.html');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(sw).toContain(asset);
  });

  it('precaches every file a facilitator needs offline and leaves only a coordinator\'s screens to the runtime cache', () => {
    const urls = precached();
    const runtime = runtimeCached();
    for (const name of FACILITATOR_FILES) expect(named(urls, name), name).not.toEqual([]);
    // A coordinator's screens and what only they load: chart.js, the XLSX and CSV writers.
    for (const name of [...COORDINATOR_SCREENS, 'chart-runtime', 'export-csv', 'export-xlsx']) expect(named(runtime, name), name).not.toEqual([]);
    for (const url of runtime) expect(urls.has(url.slice(1)), url).toBe(false);
    // Nothing falls between the two: every built file is precached or on the list.
    for (const file of readdirSync(new URL('assets/', dist))) {
      expect(urls.has(`assets/${file}`) || runtime.includes(`/assets/${file}`), file).toBe(true);
    }
  });

  it('keeps files it does not precache once fetched: CacheFirst on /assets/, with an expiry', () => {
    const sw = read('sw.js');
    expect(sw).toMatch(/pathname\.startsWith\("\/assets\/"\),new \w+\.CacheFirst\(\{cacheName:"talka-assets"/);
    expect(sw).toMatch(/ExpirationPlugin\(\{maxEntries:\d+/);
  });

  it('takes charge of the first open tab but offers later versions rather than forcing them', () => {
    const sw = read('sw.js');
    expect(sw).toContain('clientsClaim()');
    // registerType 'prompt': the new worker waits until the page asks it to take over.
    expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
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
