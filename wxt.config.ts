import { defineConfig } from 'wxt';

// Local pages are part of the test contract: the built extension must run on
// them without a permission prompt, so demos and end-to-end tests work.
const LOCAL_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // Explicit imports read better than globals and keep lib/ usable from Node.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    host_permissions: LOCAL_ORIGINS,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dnc-guard@dncguard.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
