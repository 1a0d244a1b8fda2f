import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
