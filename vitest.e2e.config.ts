import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium against the built app and the real server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Audits the servers' output after each file: no token or personal value in any log.
    setupFiles: ['tests/e2e/support/log-audit.setup.ts'],
  },
});
