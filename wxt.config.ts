import { defineConfig } from 'wxt';

import { LOCAL_MATCHES } from './lib/sites/matches';

const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];

// WXT reads .env files through dotenv after loading this file, and dotenv
// prints a line per build ("injected env (0) …") with an advert after it.
// The project keeps no .env file. DOTENV_CONFIG_QUIET=false shows it again.
process.env.DOTENV_CONFIG_QUIET ??= 'true';

const ZOD_FILE = /[\\/]node_modules[\\/]zod[\\/]/;

export default defineConfig({
  // Explicit imports read better than globals and keep lib/ usable from Node.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    build: {
      rollupOptions: {
        // zod 4 puts comments that mention `@__PURE__` where Rollup cannot use
        // them, and Rollup prints each for every bundle that imports zod,
        // though they only explain zod's own code. Only that warning, and
        // only for zod, is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && ZOD_FILE.test(warning.id ?? '')) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'contextMenus',
      // Registers the content scripts for the sites added in Options.
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    commands: {
      'capture-deletion-request': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_captureOpen__',
      },
    },
    // Local pages are part of the test contract: the built extension must run on
    // them without a permission prompt, so demos and end-to-end tests work.
    host_permissions: LOCAL_MATCHES,
    // Any one origin may be granted at run time: the API server, and the CRMs
    // and dialers added in Options. WXT drops optional_host_permissions from
    // the Firefox (MV2) manifest, where origins go in optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    action: { default_title: '__MSG_extName__' },
    // IT can deploy the API URL and token through enterprise policy. Firefox
    // reads policies from policies.json instead and rejects this key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dnc-guard@dncguard.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
