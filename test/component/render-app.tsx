import { render, screen } from '@testing-library/react';
import { App } from '../../renderer/app/App';

/** Renders the whole app at an address and waits until its dataset is installed. */
export async function renderAppAt(path: string) {
  window.history.replaceState(null, '', path);
  const result = render(<App />);
  await screen.findByRole('navigation', { name: 'Main' });
  await waitForReady();
  return result;
}

async function waitForReady() {
  const started = Date.now();
  while (document.documentElement.dataset.appReady !== 'true') {
    if (Date.now() - started > 10_000) throw new Error('app did not become ready');
    await new Promise((r) => setTimeout(r, 10));
  }
}
