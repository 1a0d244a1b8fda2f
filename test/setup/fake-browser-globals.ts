import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

// wxt/utils/storage reaches the extension API through these globals.
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);
