import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { freshPage } from './support/browser';
import { useWebApp } from './support/harness';
import { AppPage } from './pages/app-page';

const app = useWebApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const VIEWS = ['/', '/bodies', '/bodies/asoen', '/meetings?when=past', '/meetings/asoen-36', '/targets', '/frameworks/admm-2025-deliverables', '/sources', '/search?q=asoen', '/search?q=asoen%20zzqqxx', '/search?q=langkawwwwi', '/calendar?month=2025-07', '/calendar?month=2025-07&view=list', '/settings', '/briefings', '/briefings/new?meeting=asoen-36', '/backup'];

describe('accessibility of the main views (axe-core)', () => {
  // Light and dark follow the system: both schemes must read well.
  for (const [view, colorScheme] of [...VIEWS.map((v) => [v, 'light'] as const), ...['/', '/meetings/asoen-36', '/briefings', '/search?q=asoen', '/calendar?month=2025-07'].map((v) => [v, 'dark'] as const)]) {
    it(`${view} (${colorScheme}) has no serious or critical violations`, async () => {
      // axe is injected by the test, so this context lets it past the app's script policy.
      const { context, page } = await freshPage(app.browser, { bypassCSP: true, colorScheme });
      const ui = new AppPage(page, app.url);
      await ui.open(view);
      await ui.heading().waitFor();
      await page.waitForLoadState('networkidle');
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run(document)).violations;
      })) as AxeViolation[];
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(
        bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
      await context.close();
    });
  }

  // WCAG 2.2: the focus ring reaches 3:1 against what surrounds it, on the page and on the header.
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the focus ring has 3:1 contrast against the page and the header (${colorScheme})`, async () => {
      const { context, page } = await freshPage(app.browser, { colorScheme });
      const ui = new AppPage(page, app.url);
      await ui.open('/search?q=asoen');
      await page.getByRole('region', { name: /Bodies/ }).waitFor();
      const ratios = await page.evaluate(() => {
        const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
        };
        const ratio = (a: string, b: string) => {
          const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
          return (x! + 0.05) / (y! + 0.05);
        };
        const ringOn = (el: HTMLElement, around: Element) => {
          el.focus({ focusVisible: true } as FocusOptions);
          return ratio(getComputedStyle(el).outlineColor, getComputedStyle(around).backgroundColor);
        };
        const link = document.querySelector<HTMLElement>('main .hit-link')!;
        const headerButton = document.querySelector<HTMLElement>('.app-header .search-button')!;
        return { page: ringOn(link, document.documentElement), surface: ringOn(link, link.closest('.panel')!), header: ringOn(headerButton, document.querySelector('.app-header')!) };
      });
      for (const [where, value] of Object.entries(ratios)) assert.ok(value >= 3, `${where}: ${value.toFixed(2)}:1`);
      await context.close();
    });
  }
});

