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

const VIEWS = ['/', '/bodies', '/bodies/asoen', '/meetings?when=past', '/meetings/asoen-36', '/targets', '/frameworks/admm-2025-deliverables', '/sources', '/search?q=asoen', '/calendar?month=2025-07', '/calendar?month=2025-07&view=list', '/settings', '/briefings', '/briefings/new?meeting=asoen-36', '/backup'];

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
});
