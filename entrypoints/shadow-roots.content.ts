import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceShadowRoots } from '@/lib/content/shadow-signal';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/sites/matches';

// Runs in the page's own world, before its scripts, only to announce shadow
// roots attached late; it reads nothing and sends nothing.
// NOTE: Firefox supports main-world content scripts from version 128. The
// Firefox build passes web-ext lint with this one, but it has not been run in
// Firefox here. If Firefox ignored `world`, the script would wrap only the
// content script's own attachShadow, which is harmless, and late roots would
// go unflagged there as before.
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  // Sandboxed, data: and other opaque-origin frames (HTML mail in a CRM) get the
  // script too, judged by the origin of the page that made them.
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    announceShadowRoots(window);
  },
});
