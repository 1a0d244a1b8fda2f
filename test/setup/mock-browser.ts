// Stands in for 'wxt/browser' in unit and DOM tests. WXT's own Vitest plugin
// loads esbuild inside the test environment, which fails under jsdom, so the
// alias points here instead.
import { fakeBrowser } from '@webext-core/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
