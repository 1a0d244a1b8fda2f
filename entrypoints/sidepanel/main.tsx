import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidePanel } from '@/components/SidePanel';
import { sendToBackground } from '@/lib/messaging/client';
import { readSettings } from '@/lib/settings';

document.documentElement.lang = browser.i18n.getUILanguage();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <SidePanel
      capture={{
        readRecord: () => sendToBackground('record.snapshot', {}),
        capture: async (capture, verification) =>
          (await sendToBackground('case.capture', { capture, verification })).suppressed,
        defaultCountry: async () => (await readSettings()).defaultCountry,
        newId: () => crypto.randomUUID(),
      }}
      cases={{
        list: () => sendToBackground('cases.list', {}),
        get: (id) => sendToBackground('case.get', { id }),
        patch: (id, patch) => sendToBackground('case.patch', { id, patch }),
      }}
      team={{
        me: () => sendToBackground('account.me', {}),
        queue: () => sendToBackground('cases.queue', {}),
      }}
    />,
  );
}
