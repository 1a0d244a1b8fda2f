import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/main';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  // Sandboxed, data: and other opaque-origin frames (HTML mail in a CRM) get the
  // script too, judged by the origin of the page that made them.
  matchOriginAsFallback: true,
  runAt: 'document_start',
  main(ctx) {
    startContentScript(ctx);
  },
});
