import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { readBriefingDoc } from '../../../shared/collab/briefing-doc';
import { parseRelayDocumentName } from '../../../shared/collab/relay-protocol';
import { startTestRelay, type TestRelay } from '../../relay/relay-harness';
import { AppPage } from '../pages/app-page';
import { BriefingEditor } from '../pages/briefing-editor';
import { freshPage } from './browser';
import { HOOK_LIMIT_MS, useWebApp } from './harness';

/*
 * The delegation workspace's set-up for an end-to-end test: the web app, the real relay on
 * 127.0.0.1 (temporary data folder), and the steps every team test takes — a lead's profile
 * creating a briefing, sharing it through the relay, inviting members who join with the code in
 * profiles of their own. Each step waits for content the app shows, never for time.
 */

/** One browser profile with a briefing open in its editor. */
export interface Delegate {
  context: BrowserContext;
  page: Page;
  editor: BriefingEditor;
}

export interface RelayTeam {
  readonly app: { readonly url: string; readonly browser: Browser };
  readonly relay: TestRelay;
  /** Where the test's screenshots go (E2E_SCREENSHOTS, or test-results/<name>). */
  readonly shots: string;
  /** The relay's address as a delegate types it into the share dialog. */
  readonly relayAddress: string;
  /** A fresh profile that creates the meeting's briefing and opens the agenda item `item`. */
  createBriefing(item: RegExp, meeting?: string): Promise<Delegate>;
  /** Shares the lead's open briefing through this relay as `leadName`; the dialog stays open, the briefing synced. */
  share(lead: Page, leadName: string): Promise<ShareDialog>;
  /** A fresh profile that joins a shared briefing with an invitation code and opens `item`. */
  join(code: string, item: RegExp): Promise<Delegate>;
}

/** What the relay of this test file logged (refusals, closed connections...), for failure messages. */
const relayLog: string[] = [];

/** Starts the web app and the relay for this test file, and stops them after it. */
export function useRelayTeam(name: string): RelayTeam {
  const app = useWebApp();
  const shots = process.env.E2E_SCREENSHOTS ?? `test-results/${name}`;
  let relay: TestRelay | undefined;
  before(async () => {
    relay = await startTestRelay({ log: (line) => relayLog.push(`${new Date().toISOString().slice(11, 23)} ${line}`) });
    await mkdir(shots, { recursive: true });
  });
  after(async () => relay?.close(), { timeout: HOOK_LIMIT_MS });
  const running = (): TestRelay => {
    if (!relay) throw new Error('relay not started');
    return relay;
  };

  return {
    app,
    shots,
    get relay() {
      return running();
    },
    get relayAddress() {
      return `ws://127.0.0.1:${running().port}`;
    },
    async createBriefing(item, meeting = 'asoen-36') {
      const { context, page } = await freshPage(app.browser);
      await new AppPage(page, app.url).open(`/briefings/new?meeting=${meeting}`);
      await page.getByRole('button', { name: 'Create briefing' }).click();
      const editor = new BriefingEditor(page);
      await editor.ready();
      await editor.openItem(item);
      return { context, page, editor };
    },
    async share(lead, leadName) {
      const dialog = new ShareDialog(lead);
      await dialog.open();
      await dialog.shareAsLead(`ws://127.0.0.1:${running().port}`, leadName);
      await relayState(lead, 'synced');
      return dialog;
    },
    async join(code, item) {
      const { context, page } = await freshPage(app.browser);
      await new AppPage(page, app.url).open('/briefings');
      await page.getByRole('region', { name: 'Join a shared briefing' }).getByLabel('Invitation code').fill(code);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      const editor = new BriefingEditor(page);
      await editor.ready();
      await editor.openItem(item);
      return { context, page, editor };
    },
  };
}

/** Waits until the editor's relay status is `state` (synced, connected, offline...). */
export const relayState = (page: Page, state: string) => page.locator(`[data-relay-state="${state}"]`).waitFor({ timeout: 15_000 });

/** The "Share with the delegation" dialog of a briefing, as the lead (or a member) uses it. */
export class ShareDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Share with the delegation' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Share with the delegation…' }).click();
  }

  /** Fills the relay address and the lead's name and presses Share (what follows is the test's to wait for). */
  async submit(relayAddress: string, yourName: string): Promise<void> {
    await this.dialog.getByLabel('Relay address (wss://…)').fill(relayAddress);
    await this.dialog.getByLabel('Your name, as the delegation sees it').fill(yourName);
    await this.dialog.getByRole('button', { name: 'Share' }).click();
  }

  /** Shares the briefing through the relay and waits until the dialog says this profile leads it. */
  async shareAsLead(relayAddress: string, yourName: string): Promise<void> {
    await this.submit(relayAddress, yourName);
    await this.dialog.getByText('You are the lead.').waitFor();
  }

  /** Creates an invitation for `name` in `role` (as the role list names it) and returns its code. */
  async invite(name: string, role: string): Promise<string> {
    await this.dialog.getByLabel('Name', { exact: true }).fill(name);
    await this.dialog.locator('.invite-form select').selectOption({ label: role });
    await this.dialog.getByRole('button', { name: 'Create invitation' }).click();
    await this.dialog.getByText(`Invitation for ${name} (${role})`).waitFor();
    const code = await this.dialog.getByLabel('Invitation code').inputValue();
    assert.match(code, /^ADB-INVITE-1\./);
    return code;
  }

  /** A member's row in the members list. */
  member(name: string): Locator {
    return this.dialog.locator(`tr[data-member="${name}"]`);
  }

  async refresh(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Refresh', exact: true }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).first().click();
  }
}

/**
 * Where a field's text has got to, hop by hop, for a failure message: what each profile shows
 * and has stored (its `sections` rows), and what the relay's copy of the document holds. A wait
 * that times out then says which hop lost the change (the relay, the other profile's store, or
 * its view) instead of only "the field is empty".
 */
export async function fieldTrail(relay: TestRelay, profiles: Record<string, Page>, field: 'objectives' = 'objectives'): Promise<string> {
  const lines: string[] = [];
  for (const [name, page] of Object.entries(profiles)) {
    const answered = page
      .evaluate(async (key) => {
        const relayState = document.querySelector('[data-relay-state]')?.getAttribute('data-relay-state') ?? 'none';
        const saveState = document.querySelector('[data-save-state]')?.getAttribute('data-save-state') ?? 'none';
        const stored = await new Promise<string[]>((resolve) => {
          const open = indexedDB.open('asean-delegate');
          open.onerror = () => resolve([`(cannot open: ${String(open.error)})`]);
          open.onsuccess = () => {
            const request = open.result.transaction('sections').objectStore('sections').getAll();
            request.onsuccess = () => {
              open.result.close();
              resolve((request.result as Record<string, unknown>[]).filter((row) => row[key]).map((row) => `${String(row.agendaItemId)}=${JSON.stringify(row[key])}`));
            };
            request.onerror = () => resolve([`(cannot read: ${String(request.error)})`]);
          };
        });
        return { relayState, saveState, stored };
      }, field)
      .catch((error: Error) => ({ relayState: '?', saveState: '?', stored: [`(page unreadable: ${error.message})`] }));
    // A page whose main thread is stuck never answers: say so rather than wait with it.
    const state = await Promise.race([answered, new Promise<{ relayState: string; saveState: string; stored: string[] }>((resolve) => setTimeout(() => resolve({ relayState: '?', saveState: '?', stored: ['(no answer in 5 s: the page is busy or stuck)'] }), 5000).unref())]);
    lines.push(`${name}: relay ${state.relayState}, save ${state.saveState}, stored ${state.stored.join('; ') || 'nothing'}`);
  }
  for (const document of relay.current.hocuspocus.documents.values()) {
    if (parseRelayDocumentName(document.name)?.kind !== 'content') continue;
    const held = readBriefingDoc(document).sections.filter((s) => (s as unknown as Record<string, unknown>)[field]).map((s) => `${s.agendaItemId}=${JSON.stringify((s as unknown as Record<string, unknown>)[field])}`);
    const on = document.getConnections().map((c) => {
      const who = c.context as { name?: string; role?: string } | undefined;
      return `${who?.name ?? '?'} (${who?.role ?? '?'}${c.readOnly ? ', read-only' : ''})`;
    });
    lines.push(`relay ${document.name.slice(0, 12)}…: ${held.join('; ') || 'nothing'}; connected: ${on.join(', ') || 'nobody'}`);
  }
  lines.push(...relayLog.slice(-40).map((line) => `relay log: ${line}`));
  return lines.join('\n');
}
