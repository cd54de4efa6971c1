import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';

/*
 * In the desktop app the CSP allows the configured relays only (electron/relay-csp.ts). Before
 * the first connection to a relay, main is told every relay the shared briefings use plus the
 * new one; a CSP is fixed when the page loads, so if the list changed the window reloads and
 * the screen that asked keeps what the delegate typed (sessionStorage) to try again.
 */

const PENDING = 'sharing.pending';

export async function allowRelay(url: string): Promise<'ok' | 'reload'> {
  const api = desktopApi();
  if (!api) return 'ok'; // web mode: the page's own CSP applies
  const rows = await db.settings.where('key').startsWith('relay.target:').toArray();
  const urls = new Set(rows.map((row) => (row.value as { url?: unknown } | undefined)?.url).filter((u): u is string => typeof u === 'string'));
  urls.add(url);
  const result = await api.setRelayOrigins([...urls]);
  return result.ok && result.value.changed ? 'reload' : 'ok';
}

/** Keeps the form's input over the reload that applies a new CSP. */
export function reloadKeeping(form: string, value: Record<string, string>): void {
  sessionStorage.setItem(PENDING, JSON.stringify({ form, value }));
  window.location.reload();
}

export function takePending(form: string): Record<string, string> | undefined {
  const text = sessionStorage.getItem(PENDING);
  if (!text) return undefined;
  try {
    const pending = JSON.parse(text) as { form?: string; value?: Record<string, string> };
    if (pending.form !== form) return undefined;
    sessionStorage.removeItem(PENDING);
    return pending.value;
  } catch {
    sessionStorage.removeItem(PENDING);
    return undefined;
  }
}
