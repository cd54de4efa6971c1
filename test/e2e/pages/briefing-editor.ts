import type { Locator, Page } from 'playwright-core';

/** The briefing editor as a delegate uses it: the outline, the fields, the save state. */
export class BriefingEditor {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Agenda items' }).waitFor();
  }

  async openItem(name: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Agenda items' }).getByRole('link', { name }).first().click();
    await this.page.locator('.section-editor h2').filter({ hasText: name }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  talkingPoint(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Talking point ${n}`, exact: true });
  }

  async addTalkingPoint(text: string): Promise<void> {
    const before = await this.page.getByRole('textbox', { name: /^Talking point \d+$/ }).count();
    await this.page.getByRole('button', { name: 'Add talking point' }).click();
    await this.talkingPoint(before + 1).fill(text);
  }

  assessmentOf(target: RegExp): Locator {
    return this.page.locator('.assessments li').filter({ hasText: target }).first().getByRole('combobox');
  }

  async assess(target: RegExp, assessment: string): Promise<void> {
    await this.assessmentOf(target).selectOption({ label: assessment });
  }

  /** Waits for the event the editor shows when everything is in IndexedDB. */
  async waitSaved(): Promise<void> {
    await this.page.locator('[data-save-state="saved"]').waitFor({ timeout: 5000 });
  }
}
