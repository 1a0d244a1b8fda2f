import { defineConfig } from 'wxt';

import { LOCAL_MATCHES } from './lib/sites/matches';

export default defineConfig({
  // Explicit imports read better than globals and keep lib/ usable from Node.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'contextMenus',
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
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // IT can deploy the API URL and token through enterprise policy. Firefox
    // reads policies from policies.json instead and rejects this key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dnc-guard@dncguard.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
