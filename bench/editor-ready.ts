import type { Page } from 'playwright-core';

/**
 * Waits, once an animation frame, until the briefing editor shows the outline of a briefing with
 * `items` agenda items (its general part besides; a virtualised outline counted by `aria-setsize`) and a section's field that takes typing; the
 * page's clock (performance.now()) at that frame, to subtract a start mark taken in the page.
 */
export async function editorReadyAt(page: Page, items: number): Promise<number> {
  return (await (
    await page.waitForFunction(
      (n) => {
        // Every agenda item in the outline: in the DOM, or (a virtualised outline) counted by its entries.
        const entries = document.querySelectorAll('nav.outline li');
        const count = Number(document.querySelector('nav.outline li[aria-setsize]')?.getAttribute('aria-setsize') ?? entries.length - 1);
        const field = document.querySelector<HTMLTextAreaElement>('.section-editor textarea');
        return count >= n && entries.length > 1 && field !== null && !field.disabled ? performance.now() : 0;
      },
      items,
      { polling: 'raf', timeout: 30_000 },
    )
  ).jsonValue()) as number;
}
