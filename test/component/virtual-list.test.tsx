import { render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '../../renderer/components/VirtualList';

/** A list whose rows show what the range report loaded, as the app's lists do. */
function LoadingList({ count, onRange }: { count: number; onRange: (start: number, end: number) => void }) {
  const [loaded, setLoaded] = useState<[number, number]>([0, -1]);
  return (
    <VirtualList
      count={count}
      rowHeight={30}
      label="Rows"
      overscan={2}
      onRangeChange={(start, end) => {
        onRange(start, end);
        setLoaded([start, end]);
      }}
      renderRow={(index) => <span>{index >= loaded[0] && index <= loaded[1] ? `row ${index}` : 'pending'}</span>}
    />
  );
}

describe('VirtualList', () => {
  // jsdom lays nothing out: give the scrolling element the size a window would.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('virtual-list') ? 600 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('virtual-list') ? 800 : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('reports the rows on screen once after rendering them, and again when the list changes', async () => {
    const onRange = vi.fn();
    const { rerender } = render(<LoadingList count={1000} onRange={onRange} />);
    // 600 px of 30 px rows, plus two rows of overscan.
    expect(await screen.findByText('row 0')).toBeTruthy();
    expect(onRange.mock.calls).toEqual([[0, 21]]);
    expect(screen.queryByText('pending')).toBeNull();

    rerender(<LoadingList count={1000} onRange={onRange} />);
    expect(onRange).toHaveBeenCalledTimes(1);

    rerender(<LoadingList count={5} onRange={onRange} />);
    expect(onRange.mock.calls.at(-1)).toEqual([0, 4]);
  });
});
