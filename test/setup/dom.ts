import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { englishMessage } from './english-messages';

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: englishMessage, getUILanguage: () => 'en' });
});

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
