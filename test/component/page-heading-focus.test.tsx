import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { Page } from '../../renderer/components/Page';

/*
 * A record page focuses its heading when the delegate arrives, so keyboard and screen-reader
 * users start at the new content; after that, focus is theirs. Titles are elements made anew
 * on each render (a code and a localized name), so "arrival" cannot be "the title changed".
 */

function MeetingLike() {
  const [loaded, setLoaded] = useState(0);
  return (
    <Page
      title={
        <>
          <span className="code">ASOEN-36</span> Thirty-sixth meeting
        </>
      }
    >
      <button type="button" onClick={() => setLoaded((n) => n + 1)}>
        Attach a paper… {loaded}
      </button>
    </Page>
  );
}

describe('a page’s heading focus', () => {
  it('is on the heading on arrival, stays where the delegate moved it when the page re-renders, and moves again on the next address', async () => {
    const memory = memoryLocation({ path: '/meetings/asoen-36' });
    render(
      <Router hook={memory.hook}>
        <MeetingLike />
      </Router>,
    );
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(document.activeElement).toBe(heading);
    expect(document.title).toMatch(/^ASOEN-36 Thirty-sixth meeting · /);

    const button = screen.getByRole('button', { name: /Attach a paper/ });
    button.focus();
    // A re-render with a new title element (what the programme arriving from the database does).
    fireEvent.click(button);
    await screen.findByRole('button', { name: 'Attach a paper… 1' });
    expect(document.activeElement).toBe(button);

    act(() => memory.navigate('/meetings/asoen-37'));
    expect(document.activeElement).toBe(heading);
  });
});
