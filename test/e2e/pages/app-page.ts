import type { Locator, Page } from 'playwright-core';
import { waitForApp } from '../support/browser';

/** The app as a delegate sees it: the main navigation and the page's heading. */
export class AppPage {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
    await waitForApp(this.page);
  }

  nav(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  path(): string {
    return new URL(this.page.url()).pathname;
  }
}

export class MeetingsListPage {
  constructor(readonly page: Page) {}

  async show(when: 'Upcoming' | 'Past' | 'All'): Promise<void> {
    await this.page.getByRole('radio', { name: when }).check();
  }

  async filterBy(label: 'Body' | 'Year' | 'Country', value: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).selectOption({ label: value });
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Meetings' });
  }

  count(): Locator {
    return this.page.getByRole('status').filter({ hasText: /meetings/ });
  }
}
