import type { Locator, Page } from 'playwright-core';

/** The Datasets page as a delegate uses it: keys, feed, file, preview, apply, undo. */
export class DatasetsPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
  }

  async trustKey(label: string, keyText: string): Promise<void> {
    await this.page.getByLabel('Name for this key').fill(label);
    await this.page.getByLabel('Public key (paste the line from the .pub file)').fill(keyText);
    await this.page.getByRole('button', { name: 'Trust this key' }).click();
    await this.page.getByRole('status').filter({ hasText: `"${label}" is trusted` }).waitFor();
  }

  async checkFeed(url: string): Promise<void> {
    // The tests' feed servers are on 127.0.0.1, which the app refuses unless asked explicitly.
    if (new URL(url).hostname === '127.0.0.1') {
      await this.page.evaluate(() => localStorage.setItem('delegate.loopbackFeedsForTests', 'yes'));
    }
    await this.page.getByLabel('Feed address').fill(url);
    await this.page.getByRole('button', { name: 'Check for updates' }).click();
  }

  async chooseFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Dataset bundle file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  preview(): Locator {
    return this.page.locator('.sync-preview');
  }

  /** The affected-briefings list of the preview. */
  impact(): Locator {
    return this.preview().locator('.sync-impact li');
  }

  refusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'The update was refused.' });
  }

  applyButton(): Locator {
    return this.page.getByRole('button', { name: /^Apply version \d+$/ });
  }

  installedStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /is installed\./ });
  }

  async applyAndWait(): Promise<void> {
    await this.applyButton().click();
    await this.installedStatus().waitFor({ timeout: 120_000 });
  }

  /** Waits until the apply progress bar shows at least `share` (0–1) of the write done, or the write has ended. */
  async waitForApplyShare(share: number): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        const bar = document.querySelector<HTMLProgressElement>('.sync-progress progress');
        if (!bar) return /is installed\./.test(document.body.textContent ?? '');
        return bar.max > 0 && bar.value / bar.max >= wanted;
      },
      share,
      { timeout: 120_000, polling: 'raf' },
    );
  }

  reviewList(): Locator {
    return this.page.getByRole('region', { name: 'Briefing sections to review' });
  }

  installedVersion(): Locator {
    return this.page.getByRole('region', { name: 'Installed datasets' }).locator('tbody tr td:nth-child(2)');
  }

  async undoLast(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo last update' }).click();
    await this.page.getByRole('button', { name: 'Undo the update' }).click();
    await this.page.getByRole('status').filter({ hasText: /was undone/ }).waitFor({ timeout: 120_000 });
  }
}
