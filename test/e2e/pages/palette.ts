import type { Page } from 'playwright-core';

/** The command palette as a delegate uses it. */
export class Palette {
  constructor(readonly page: Page) {}
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.dialog().waitFor();
  }
  dialog() {
    return this.page.getByRole('dialog', { name: 'Search everything' });
  }
  input() {
    return this.dialog().getByRole('combobox');
  }
  options() {
    return this.dialog().getByRole('listbox').getByRole('option');
  }
  async search(text: string): Promise<void> {
    await this.input().fill('');
    await this.input().pressSequentially(text);
    // Results are painted when the listbox says which query they answer.
    await this.page.waitForSelector(`[role="listbox"][data-query="${text}"]`);
  }
}
