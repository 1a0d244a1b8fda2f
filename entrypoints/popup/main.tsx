import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup, type PopupApi } from '@/components/Popup';
import { sendToBackground } from '@/lib/messaging/client';
import { openCapturePanel } from '@/lib/panel';
import { readSettings } from '@/lib/settings';

const api: PopupApi = {
  lookup: (phone) => sendToBackground('number.lookup', { phone }),
  listInfo: () => sendToBackground('list.info', {}),
  defaultCountry: async () => (await readSettings()).defaultCountry,
  openOptions: () => void browser.runtime.openOptionsPage(),
  addToDnc: (phone, reason) => sendToBackground('number.add', { phone, reason }),
  syncStatus: () => sendToBackground('sync.status', {}),
  syncNow: () => sendToBackground('sync.now', {}),
  openCapture: async () => {
    await openCapturePanel();
    window.close();
  },
};

document.documentElement.lang = browser.i18n.getUILanguage();

const root = document.getElementById('root');
if (root) createRoot(root).render(<Popup api={api} />);
