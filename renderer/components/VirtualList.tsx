import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { mark } from '../app/perf';

export interface VirtualListProps {
  count: number;
  /** Row height in pixels; rows of a list are all the same height so that 100k rows cost nothing to measure. */
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  label: string;
  /** Called with the range of rows on screen (plus overscan) so their records can be loaded. */
  onRangeChange?: (start: number, end: number) => void;
  className?: string;
  overscan?: number;
  /** Roles for an ARIA tree (the bodies hierarchy) instead of a list. */
  role?: 'list' | 'tree';
  /** Remembers the scroll position under this key, so going back to the list returns to the same rows. */
  restoreKey?: string;
}

/** Scroll positions of lists the delegate has left, for the back button. */
const savedOffsets = new Map<string, number>();

const FOCUSABLE = 'a[href], button, [tabindex="0"]';

/**
 * A list that only puts the rows on screen into the DOM. Arrow keys, Home, End,
 * Page Up and Page Down move the focus from row to row, scrolling as they go.
 */
export function VirtualList({ count, rowHeight, renderRow, label, onRangeChange, className, overscan = 8, role = 'list', restoreKey }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 800, height: 600 },
    initialOffset: () => (restoreKey ? (savedOffsets.get(restoreKey) ?? 0) : 0),
    onChange: (instance) => {
      if (restoreKey && instance.scrollOffset !== null) savedOffsets.set(restoreKey, instance.scrollOffset);
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const reported = useRef<string>('');
  // Reported after the render that shows the range (never during it: the caller sets state).
  useEffect(() => {
    const rangeKey = `${first}:${last}:${count}`;
    if (!onRangeChange || reported.current === rangeKey) return;
    reported.current = rangeKey;
    onRangeChange(first, last);
  }, [first, last, count, onRangeChange]);

  useEffect(() => mark('list:mounted'), []);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const tryFocus = (attempt: number) => {
        const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
        const focusable = row?.querySelector<HTMLElement>(FOCUSABLE);
        if (focusable) focusable.focus();
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      requestAnimationFrame(() => tryFocus(0));
    },
    [count, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div
      ref={scroller}
      className={`virtual-list ${className ?? ''}`}
      role={role}
      aria-label={label}
      onKeyDown={onKeyDown}
      data-row-count={count}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            role={role === 'list' ? 'listitem' : 'none'}
            aria-setsize={role === 'list' ? count : undefined}
            aria-posinset={role === 'list' ? item.index + 1 : undefined}
            className="virtual-row"
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: rowHeight, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
