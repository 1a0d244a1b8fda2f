import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/main';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx);
  },
});
