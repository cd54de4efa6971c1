/**
 * When the first page has been painted and the main thread has a moment: the earliest the
 * search index may start reading every reference record without making the first screen wait
 * (its own IndexedDB queries and their rows go first). Replaces a fixed 1.5 s delay after load.
 */

/** Longest wait for an idle moment once the page has painted (a page that is never idle still gets search). */
export const IDLE_TIMEOUT_MS = 1000;

interface Clock {
  readyState(): DocumentReadyState;
  onLoad(listener: () => void): void;
  /** Whether the app has opened its database and shown its first page (`html[data-app-ready]`). */
  appReady(): boolean;
  onAppReady(listener: () => void): void;
  frame(callback: () => void): void;
  idle(callback: () => void, timeout: number): void;
}

function browserClock(): Clock {
  return {
    readyState: () => document.readyState,
    onLoad: (listener) => window.addEventListener('load', listener, { once: true }),
    appReady: () => document.documentElement.dataset.appReady === 'true',
    onAppReady: (listener) => {
      const observer = new MutationObserver(() => {
        if (document.documentElement.dataset.appReady !== 'true') return;
        observer.disconnect();
        listener();
      });
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-app-ready'] });
    },
    frame: (callback) => requestAnimationFrame(() => callback()),
    idle: (callback, timeout) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(() => callback(), { timeout }) : setTimeout(callback, 0),
  };
}

/**
 * Runs `task` once: after the page has loaded, the app is ready, one frame has been painted after
 * that (the first page's rows), and the main thread is idle (or IDLE_TIMEOUT_MS has passed).
 */
export function afterFirstPaint(task: () => void, clock: Clock = browserClock()): void {
  const whenIdle = () => clock.frame(() => clock.frame(() => clock.idle(task, IDLE_TIMEOUT_MS)));
  const whenReady = () => (clock.appReady() ? whenIdle() : clock.onAppReady(whenIdle));
  if (clock.readyState() === 'complete') whenReady();
  else clock.onLoad(whenReady);
}

export type { Clock as FirstPaintClock };
