import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the capture form: Chrome and Edge show it in the side panel, Firefox
 * in the sidebar. Both browsers allow this only while handling a user
 * gesture (a click, a menu item, a keyboard shortcut), so callers invoke it
 * straight from those handlers.
 */
export async function openCapturePanel(windowId?: number): Promise<void> {
  const firefox = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (firefox) {
    await firefox.open();
    return;
  }
  const id = windowId ?? (await browser.windows.getCurrent()).id;
  if (id !== undefined) await browser.sidePanel.open({ windowId: id });
}
