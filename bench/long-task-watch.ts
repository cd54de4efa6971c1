import type { Page } from 'playwright-core';

/*
 * The page's main-thread long tasks over a stretch of a bench, each with what ran in it where
 * the browser says (Chromium's long-animation-frame entries name the scripts of a frame: the
 * callback's invoker, e.g. `MessagePort.onmessage` or `IDBRequest.onsuccess`, its function and
 * file). Installed once per page load; `longestSince` reads the stretch from a mark on.
 */

export interface LongTask {
  /** Page time the task started at. */
  start: number;
  duration: number;
  /** The scripts of the frame around it, longest first ("invoker function file:char ms"), or '' when none was named. */
  attribution: string;
}

/** Starts recording long tasks and long animation frames in the page until it reloads: from now on, or with `fromPageLoad` from its start. */
export async function watchLongTasks(page: Page, options: { fromPageLoad?: boolean } = {}): Promise<void> {
  await page.evaluate((buffered) => {
    type Frame = { start: number; end: number; scripts: { invoker: string; fn: string; src: string; duration: number }[] };
    const w = window as unknown as { __benchTasks?: { start: number; duration: number }[]; __benchFrames?: Frame[] };
    if (w.__benchTasks) return;
    w.__benchTasks = [];
    w.__benchFrames = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__benchTasks!.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number; duration: number }[] })[]) {
          w.__benchFrames!.push({
            start: e.startTime,
            end: e.startTime + e.duration,
            scripts: (e.scripts ?? []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, src: `${s.sourceURL.split('/').pop() ?? ''}:${s.sourceCharPosition}`, duration: s.duration })),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered });
    } catch {
      // Long animation frames are Chromium 123 on: without them a task has no attribution.
    }
  }, options.fromPageLoad ?? false);
}

/** The page's clock now: the start of a stretch to read later with `longestSince`. */
export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The longest long task since `from` (page time), with the scripts of the frame it fell in. */
export async function longestSince(page: Page, from: number): Promise<LongTask & { count: number; sinceLoad: number }> {
  return page.evaluate((from) => {
    type Frame = { start: number; end: number; scripts: { invoker: string; fn: string; src: string; duration: number }[] };
    const w = window as unknown as { __benchTasks: { start: number; duration: number }[]; __benchFrames: Frame[] };
    const tasks = w.__benchTasks.filter((t) => t.start >= from);
    const longest = tasks.reduce<{ start: number; duration: number } | undefined>((a, t) => (!a || t.duration > a.duration ? t : a), undefined);
    const sinceLoad = w.__benchTasks.length;
    if (!longest) return { start: from, duration: 0, attribution: '', count: 0, sinceLoad };
    const end = longest.start + longest.duration;
    const frame = w.__benchFrames.find((f) => f.start <= longest.start + 1 && f.end >= end - 1) ?? w.__benchFrames.find((f) => f.start < end && f.end > longest.start);
    const scripts = (frame?.scripts ?? []).filter((s) => s.duration >= 5).sort((a, b) => b.duration - a.duration).slice(0, 3);
    const attribution = scripts.map((s) => `${s.invoker} ${s.fn || '(anonymous)'} ${s.src} ${Math.round(s.duration)} ms`).join('; ');
    return { start: longest.start, duration: longest.duration, attribution, count: tasks.length, sinceLoad };
  }, from);
}
