import { defineConfig, type Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Screens only a coordinator works with (the overview for funders,
 * exports, importing people from a spreadsheet, the organisation's users, a participant's data, conflicts, printed
 * sign-in sheets and workshop reports; and the one-time setup that makes the
 * first coordinator, which needs the server anyway; a programme's report and regional summary). Their code, and whatever only they
 * load (chart.js, the XLSX and CSV writers), stays out of the precache: a
 * first visit does not wait for it. The service worker caches it on first use
 * (CacheFirst below), and every signed-in device fetches it in the background
 * once a sync has succeeded (src/pwa/later-screens.ts), from the list this
 * build writes into index.html.
 */
const COORDINATOR_SCREENS = [
  'src/ui/overview/OverviewScreen.tsx',
  'src/ui/reports/ExportsScreen.tsx',
  'src/ui/account/UsersScreen.tsx',
  'src/ui/privacy/ParticipantDataScreen.tsx',
  'src/ui/conflicts/ConflictsScreen.tsx',
  'src/ui/bin/BinScreen.tsx',
  'src/ui/reports/SignInSheetScreen.tsx',
  'src/ui/reports/WorkshopReportScreen.tsx',
  'src/ui/account/SetupScreen.tsx',
  'src/ui/people/ImportScreen.tsx',
  'src/ui/programme-report/ProgrammeReportScreen.tsx',
  'src/ui/programme-report/RegionalSummaryScreen.tsx',
];
/**
 * Lazy modules left to the runtime cache though other screens reach them too: chart.js, which the
 * self-assessment screen also draws with. Offline before its first fetch, that screen shows its table
 * of rounds (the chart's numbers) without the canvas.
 */
const LATER_MODULES = ['src/ui/overview/chart-runtime.ts'];
/** index.html's JSON list of those files (src/pwa/later-screens.ts reads it). */
const RUNTIME_ASSETS_ID = 'talka-runtime-assets';
const RUNTIME_CACHE = 'talka-assets';

/**
 * Output files (chunks and their CSS) that only coordinator screens reach:
 * everything not reachable from the entry without passing through one of them.
 */
function coordinatorOnlyFiles(bundle: OutputBundle): string[] {
  const chunks = new Map<string, OutputChunk>();
  for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
  const isCoordinatorScreen = (chunk: OutputChunk) =>
    chunk.isDynamicEntry && COORDINATOR_SCREENS.some((screen) => chunk.facadeModuleId?.endsWith(`/${screen}`));
  const isLaterModule = (chunk: OutputChunk) => chunk.isDynamicEntry && LATER_MODULES.some((module) => chunk.facadeModuleId?.endsWith(`/${module}`));
  const found = [...chunks.values()].filter(isCoordinatorScreen).length;
  if (found !== COORDINATOR_SCREENS.length) {
    throw new Error(`Expected ${COORDINATOR_SCREENS.length} coordinator screens as lazy chunks, found ${found}: check COORDINATOR_SCREENS against src/app.tsx`);
  }
  const shared = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || shared.has(chunk.fileName) || isCoordinatorScreen(chunk) || isLaterModule(chunk)) return;
    shared.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) shared.add(css);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(chunks.get(next));
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk);
  const only = new Set<string>();
  for (const chunk of chunks.values()) {
    if (shared.has(chunk.fileName)) continue;
    only.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!shared.has(css)) only.add(css);
  }
  return [...only].sort();
}

let runtimeCached: Set<string> | null = null;

/** Finds the coordinator-only files and lists them in index.html for the background fetch. */
const coordinatorAssets: Plugin = {
  name: 'talka:coordinator-assets',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, context) {
      if (!context.bundle) return;
      const files = coordinatorOnlyFiles(context.bundle);
      runtimeCached = new Set(files);
      // A JSON data block: never run, so the CSP's script-src does not apply.
      const list = JSON.stringify(files.map((file) => `/${file}`));
      return [{ tag: 'script', attrs: { type: 'application/json', id: RUNTIME_ASSETS_ID }, children: list, injectTo: 'body' }];
    },
  },
};

/**
 * The wire schemas in protocol/ are plain declarations: nothing happens on
 * import. Saying so lets the build drop the schemas a chunk does not use,
 * e.g. the first load keeps the session's schema without every record's.
 */
const protocolHasNoSideEffects: Plugin = {
  name: 'talka:protocol-has-no-side-effects',
  transform: {
    filter: { id: /\/protocol\/[\w-]+\.ts$/ },
    handler(code) {
      return { code, map: null, moduleSideEffects: false };
    },
  },
};

export default defineConfig({
  plugins: [
    preact(),
    protocolHasNoSideEffects,
    coordinatorAssets,
    VitePWA({
      strategies: 'generateSW',
      // An update is offered, never forced: reloading under a half-filled form would lose it.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        // The app's identity for the browser, kept if start_url ever changes.
        id: '/',
        name: 'Talka',
        short_name: 'Talka',
        description: 'Kopienu darbnīcu piezīmju grāmata, kas strādā arī bez tīkla',
        lang: 'lv',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f4ef',
        theme_color: '#1f5f4a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Shown in the install dialog; made by scripts/make-screenshots.ts (not precached: PNGs are not in globPatterns).
        screenshots: [
          { src: '/screenshots/community-narrow.png', sizes: '800x1600', type: 'image/png', form_factor: 'narrow', label: 'Kopiena: pasākumi, dalībnieki, vajadzības un resursi' },
          { src: '/screenshots/overview-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Pārskats: organizācijas kopienas skaitļos un grafikos' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        // Everything a facilitator needs offline; the later screens (coordinator's, overview, sheets, reports) are cached at run time instead.
        manifestTransforms: [
          (entries) => {
            const skip = runtimeCached;
            if (!skip) throw new Error('talka:coordinator-assets did not run: the precache would hold coordinator screens');
            return { manifest: entries.filter((entry) => !skip.has(entry.url)), warnings: [] };
          },
        ],
        // Hashed files left out of the precache (the later screens), kept once fetched.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: RUNTIME_CACHE,
              cacheableResponse: { statuses: [200] },
              // A few releases' worth of coordinator files; older ones go first.
              expiration: { maxEntries: 120, maxAgeSeconds: 365 * 24 * 60 * 60, purgeOnQuotaError: true },
            },
          },
        ],
        // Deep links open offline: every navigation gets the app shell.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes charge of the open tab at once, so screens not yet opened load offline
        // from the precache; later versions still wait for the user (registerType: 'prompt').
        clientsClaim: true,
      },
    }),
  ],
  resolve: {
    alias: [
      // Dexie's modern ES module: smaller than the ES5 build its package points bundlers at, and the app bundles one copy.
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
