/** Longest slice of work the content script does in one task, in milliseconds. */
export const SLICE_MS = 12;
/** Latest start of a queued slice when the page never goes idle, in milliseconds. */
const IDLE_TIMEOUT_MS = 150;

/** Runs `work` in the page's idle time; `work` returns the time (performance.now) by which it must stop. */
export type IdleScheduler = (work: (deadline: number) => void) => void;

export const scheduleIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(
      (idle) => {
        // A slice forced by the timeout gets the full budget; the page is busy
        // but the work still has to move forward.
        const budget = idle.didTimeout
          ? SLICE_MS
          : Math.max(2, Math.min(idle.timeRemaining(), SLICE_MS));
        work(performance.now() + budget);
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
    return;
  }
  setTimeout(() => work(performance.now() + SLICE_MS), 0);
};

/** Runs `work` before the browser's next frame; `work` receives the frame's start time. */
export type FrameScheduler = (work: (frameStart: number) => void) => void;

/**
 * Latest run of frame work in a document that draws no frames (a background
 * tab, a hidden frame), in milliseconds; browsers stop animation frames there.
 */
const FRAME_FALLBACK_MS = 250;

export const scheduleFrame: FrameScheduler = (work) => {
  let done = false;
  const once = (frameStart: number): void => {
    if (done) return;
    done = true;
    work(frameStart);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(() => once(performance.now()), FRAME_FALLBACK_MS);
};
