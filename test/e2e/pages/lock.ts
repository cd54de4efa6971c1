import type { Page } from 'playwright-core';

/** The lock's screens as a delegate uses them: set-up, the recovery key, the lock screen. */
export class LockScreens {
  constructor(readonly page: Page) {}

  /** First run: sets `passphrase`, keeps the recovery key shown once, and opens the app. */
  async setUp(passphrase: string): Promise<string> {
    await this.page.getByRole('heading', { name: 'Protect your work on this computer' }).waitFor();
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Passphrase again').fill(passphrase);
    await this.page.getByRole('button', { name: 'Encrypt my data' }).click();
    return this.keepRecoveryKey();
  }

  async keepRecoveryKey(): Promise<string> {
    await this.page.getByRole('heading', { name: 'Your recovery key' }).waitFor({ timeout: 30_000 });
    const key = (await this.page.getByTestId('recovery-key').textContent())!.trim();
    await this.page.getByLabel('I have kept my recovery key').check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.appReady();
    return key;
  }

  async continueWithoutPassphrase(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue without a passphrase (OFFICIAL work only)' }).click();
    await this.appReady();
  }

  async appReady(): Promise<void> {
    await this.page.waitForSelector('html[data-app-ready="true"]', { timeout: 60_000 });
  }

  async locked(): Promise<void> {
    await this.page.getByRole('heading', { name: 'The app is locked' }).waitFor({ timeout: 30_000 });
  }

  async lockByShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+L');
    await this.locked();
  }

  /** Types the passphrase and presses Unlock (the result is for the caller to wait for). */
  async tryPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.unlockButtonEnabled();
    await this.tryPassphrase(passphrase);
    await this.appReady();
  }

  async unlockButtonEnabled(): Promise<void> {
    await this.page.locator('button[type="submit"]:not([disabled])', { hasText: 'Unlock' }).waitFor({ timeout: 30_000 });
  }
}
