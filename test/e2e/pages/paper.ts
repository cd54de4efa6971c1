import type { Locator, Page } from 'playwright-core';

/** A paper's page as a delegate uses it: the reader, the selection buttons and the annotations list. */
export class PaperPage {
  constructor(readonly page: Page) {}

  /** Waits until page n is painted with its text layer. */
  async waitForPage(n: number): Promise<void> {
    await this.page.locator(`.paper-page[data-page="${n}"] .textLayer span[data-run]`).first().waitFor();
  }

  /**
   * Selects words on a page as a drag over them would: a DOM selection across the text layer
   * spans that hold them (pdf.js draws each run of text as one span).
   */
  async select(words: string): Promise<void> {
    await this.page.evaluate((wanted) => {
      const spans = [...document.querySelectorAll<HTMLElement>('.textLayer span[data-run]')];
      const span = spans.find((s) => s.textContent?.includes(wanted));
      if (!span?.firstChild) throw new Error(`no text layer span holds "${wanted}"`);
      const at = span.textContent!.indexOf(wanted);
      const range = document.createRange();
      range.setStart(span.firstChild, at);
      range.setEnd(span.firstChild, at + wanted.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, words);
    await this.page.getByText(`Selected: “${words.slice(0, 60)}”`).waitFor();
  }

  async highlight(words: string): Promise<void> {
    const before = await this.annotations().count();
    await this.select(words);
    await this.page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await this.annotations().nth(before).waitFor();
  }

  annotations(): Locator {
    return this.page.getByRole('list', { name: 'Annotations in reading order' }).getByRole('listitem');
  }

  orphans(): Locator {
    return this.page.getByRole('list', { name: 'Annotations whose text is gone' }).getByRole('listitem');
  }

  async attachRevision(file: string): Promise<void> {
    await this.page.getByLabel('File of the new version').setInputFiles(file);
    await this.page.getByText(/annotations follow their text into the new version/).waitFor();
  }
}
