import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [preact()],
  resolve: {
    alias: {
      // The update prompt's only dependency on the PWA plugin; unit tests get a stub.
      'virtual:pwa-register/preact': fileURLToPath(new URL('./tests/support/pwa-register-stub.ts', import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['protocol/**/*.test.ts', 'src/domain/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts', 'testing/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/domain/**'],
          setupFiles: ['tests/support/dom-setup.ts'],
        },
      },
    ],
  },
});
