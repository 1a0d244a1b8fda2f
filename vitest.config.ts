import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Four projects, because each needs another environment: pure logic and the
// server run in Node, content-script and React parts in jsdom with WXT's fake
// browser, and end-to-end tests drive the built extension in Chromium.
const root = fileURLToPath(new URL('.', import.meta.url));

// WXT's Vitest plugin loads esbuild inside the test environment, which breaks
// under jsdom; these aliases give the same fake browser without it.
const extensionAliases = {
  'wxt/browser': `${root}test/setup/mock-browser.ts`,
  '@/': `${root}`,
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: extensionAliases },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/setup/fake-indexeddb.ts', 'test/setup/fake-browser-globals.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: extensionAliases },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: [
            'test/setup/fake-indexeddb.ts',
            'test/setup/fake-browser-globals.ts',
            'test/setup/dom.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
