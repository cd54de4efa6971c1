import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PageErrorBoundary } from '../../renderer/app/PageErrorBoundary';

/*
 * A page that throws while rendering (a query on an index a schema dropped did exactly that:
 * every meeting page, and with it the whole window, went blank) takes only itself down.
 */

let broken = false;
function FlakyMeetingPage() {
  if (broken) {
    const error = new Error('KeyPath sha256 on object store paperVersions is not indexed');
    error.name = 'SchemaError';
    throw error;
  }
  return <h1>ASOEN-36</h1>;
}

function app(path: string) {
  const memory = memoryLocation({ path, record: true });
  render(
    <Router hook={memory.hook}>
      <nav aria-label="Main">
        <a href="/bodies">Bodies</a>
      </nav>
      <PageErrorBoundary>
        <Switch>
          <Route path="/meetings/asoen-36" component={FlakyMeetingPage} />
          <Route path="/bodies">
            <h1>Bodies</h1>
          </Route>
        </Switch>
      </PageErrorBoundary>
    </Router>,
  );
  return memory;
}

describe('a page that fails to render', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows what happened in place of the page, keeps the navigation, and renders afresh on Try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    app('/meetings/asoen-36');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This page could not be shown');
    expect(alert.textContent).toContain('SchemaError: KeyPath sha256 on object store paperVersions is not indexed');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'ASOEN-36' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is over once the delegate goes to another page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    const memory = app('/meetings/asoen-36');
    await screen.findByRole('alert');
    act(() => memory.navigate('/bodies'));
    expect(await screen.findByRole('heading', { name: 'Bodies' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
