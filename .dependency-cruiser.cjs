// The house rules: which room may import which. docs/architecture.md draws
// the same rooms; `npm run lint` checks them (npx depcruise --config
// .dependency-cruiser.cjs protocol src server scripts testing tests).

/** The path pattern of a room (a folder), for the `from` side of a rule. */
const room = (path) => `^${path}`;

module.exports = {
  forbidden: [
    {
      name: 'no-circles',
      comment: 'A circle makes two modules one: break it by moving the shared part below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'protocol-imports-nothing-of-the-app',
      comment: 'protocol/ is the contract of app and server: valibot and itself only.',
      severity: 'error',
      from: { path: room('protocol/') },
      to: { path: '^(src|server|scripts|tests|testing)/' },
    },
    {
      name: 'domain-imports-protocol-only',
      comment: 'src/domain is pure logic over protocol types: no Dexie, no Preact, no fetch, no other room.',
      severity: 'error',
      from: { path: room('src/domain/') },
      to: { path: '^(src/(?!domain/)|server/|scripts/|tests/|testing/)' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: room('src/domain/') },
      to: { dependencyTypes: ['npm'], path: '(^|/)node_modules/(dexie|preact|@preact|idb-keyval|workbox-window)/' },
    },
    {
      name: 'only-db-imports-dexie',
      comment: 'src/db is the device database; everything else reaches IndexedDB through its commands and queries.',
      severity: 'error',
      from: { pathNot: '^(src/db/|tests/|testing/|scripts/bench/)' },
      to: { path: '(^|/)node_modules/dexie/' },
    },
    {
      name: 'pwa-imports-nothing-of-the-app',
      comment: 'src/pwa is the browser boundary (service worker cache, storage, install): the app wires it, not the other way.',
      severity: 'error',
      from: { path: room('src/pwa/') },
      to: { path: '^src/(?!pwa/)' },
    },
    {
      name: 'net-imports-protocol-only',
      comment: 'src/net is the one HTTP helper: it knows the wire, nothing else.',
      severity: 'error',
      from: { path: room('src/net/') },
      to: { path: '^src/(?!net/)' },
    },
    {
      name: 'db-below-sync-account-ui',
      severity: 'error',
      from: { path: room('src/db/') },
      to: { path: '^src/(sync|account|ui|net|i18n)/' },
    },
    {
      name: 'sync-below-ui',
      severity: 'error',
      from: { path: room('src/(sync|account)/') },
      to: { path: '^src/(ui|i18n)/' },
    },
    {
      name: 'account-below-sync',
      severity: 'error',
      from: { path: room('src/account/') },
      to: { path: '^src/sync/' },
    },
    {
      name: 'i18n-below-ui',
      severity: 'error',
      from: { path: room('src/i18n/') },
      to: { path: '^src/(ui|db|sync|account|net)/' },
    },
    {
      name: 'ui-not-into-db-internals',
      comment: 'Screens read and write through src/db commands and queries, never the sync side of the database.',
      severity: 'error',
      from: { path: room('src/ui/') },
      to: { path: '^src/db/(push-side|pull-side|held-states|requeue|record-rows|record-checks)' },
    },
    {
      name: 'ui-not-into-the-transport',
      comment: 'Screens never talk HTTP: sync, photos and the account API do, through src/net.',
      severity: 'error',
      from: { path: room('src/ui/'), pathNot: '\\.test\\.tsx?$|test-support' },
      to: { path: '^src/(net/send|sync/(http-transport|blob-upload-http))' },
    },
    {
      name: 'server-never-imports-the-app',
      severity: 'error',
      from: { path: room('server/') },
      to: { path: '^(src|scripts|tests|testing)/' },
    },
    {
      name: 'app-never-imports-the-server',
      severity: 'error',
      from: { path: room('src/') },
      to: { path: '^(server|scripts|tests)/' },
    },
    {
      name: 'testing-imports-no-tests-or-tools',
      comment: 'testing/ is what tests and tools share: it leans on neither (but for scripts/built.mjs, how npm start finds and builds the compiled server, which tests start the same way).',
      severity: 'error',
      from: { path: room('testing/') },
      to: { path: '^(tests|scripts)/', pathNot: '^scripts/built\\.mjs$' },
    },
    {
      name: 'tools-never-import-tests',
      severity: 'error',
      from: { path: room('scripts/') },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|build)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
