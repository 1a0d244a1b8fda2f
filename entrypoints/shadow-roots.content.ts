import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceShadowRoots } from '@/lib/content/shadow-signal';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/matches';

// Runs in the page's own world, before its scripts, only to announce shadow
// roots attached late; it reads nothing and sends nothing.
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    announceShadowRoots(window);
  },
});
