import { browser } from 'wxt/browser';

/**
 * Sums the suppressed numbers each frame of a tab reports and shows the total
 * on the toolbar button of that tab.
 */
export class TabCounts {
  private readonly counts = new Map<number, Map<number, number>>();

  report(tabId: number, frameId: number, count: number): void {
    const frames = this.counts.get(tabId) ?? new Map<number, number>();
    frames.set(frameId, count);
    this.counts.set(tabId, frames);
    void this.show(tabId);
  }

  /** Forgets a tab's counts when it navigates or closes. */
  reset(tabId: number): void {
    this.counts.delete(tabId);
    void this.show(tabId);
  }

  total(tabId: number): number {
    let total = 0;
    for (const count of this.counts.get(tabId)?.values() ?? []) total += count;
    return total;
  }

  private async show(tabId: number): Promise<void> {
    const total = this.total(tabId);
    // Firefox runs the Manifest V2 build, which has browserAction and no action.
    const button = browser.action ?? browser.browserAction;
    try {
      await button.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      await button.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
    } catch {
      // The tab closed between the report and the update.
    }
  }
}
