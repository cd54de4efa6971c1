import type { Page } from 'playwright-core';

/**
 * Waits, once an animation frame, until the briefing editor shows the outline of a briefing with
 * `items` agenda items (its general part besides) and a section's field that takes typing; the
 * page's clock (performance.now()) at that frame, to subtract a start mark taken in the page.
 */
export async function editorReadyAt(page: Page, items: number): Promise<number> {
  return (await (
    await page.waitForFunction(
      (n) => {
        const outline = document.querySelectorAll('nav.outline li').length;
        const field = document.querySelector<HTMLTextAreaElement>('.section-editor textarea');
        return outline >= n + 1 && field !== null && !field.disabled ? performance.now() : 0;
      },
      items,
      { polling: 'raf', timeout: 30_000 },
    )
  ).jsonValue()) as number;
}
