import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type Key, type KeyboardEvent, type ReactNode } from 'react';
import { mark } from '../app/perf';

export interface VirtualListProps {
  count: number;
  /**
   * Row height in pixels; rows of a list are all the same height so that 100k rows cost nothing
   * to measure. With `measureRows`, the estimate before a row is drawn and measured.
   */
  rowHeight: number;
  /** Rows of varying height (wrapped titles): each is measured as it is drawn. */
  measureRows?: boolean;
  renderRow: (index: number) => ReactNode;
  /** The list's accessible name (a list inside a labelled landmark may go without). */
  label?: string;
  /** Called with the range of rows on screen (plus overscan) so their records can be loaded. */
  onRangeChange?: (start: number, end: number) => void;
  className?: string;
  overscan?: number;
  /** Roles for an ARIA tree (the bodies hierarchy) instead of a list. */
  role?: 'list' | 'tree';
  /** Remembers the scroll position under this key, so going back to the list returns to the same rows. */
  restoreKey?: string;
  /**
   * Scrolls with the nearest ancestor matching this selector instead of a scroller of its own:
   * the rows sit in that ancestor's flow, after whatever precedes them there (a brief's outline).
   */
  scrollParent?: string;
  /** The list as `ul` and `li` elements (inside a page's own list styles) instead of `div`s with roles. */
  asListElements?: boolean;
  /** A stable key per row (default: its index). */
  rowKey?: (index: number) => Key;
  rowClassName?: (index: number) => string | undefined;
  /** A row to bring into view (centred) whenever it changes: the open entry. */
  scrollToRow?: number;
}

/** Scroll positions of lists the delegate has left, for the back button. */
const savedOffsets = new Map<string, number>();

const FOCUSABLE = 'a[href], button, [tabindex="0"]';

/**
 * A list that only puts the rows on screen into the DOM. Arrow keys, Home, End,
 * Page Up and Page Down move the focus from row to row, scrolling as they go.
 */
export function VirtualList({
  count,
  rowHeight,
  measureRows = false,
  renderRow,
  label,
  onRangeChange,
  className,
  overscan = 8,
  role = 'list',
  restoreKey,
  scrollParent,
  asListElements = false,
  rowKey,
  rowClassName,
  scrollToRow,
}: VirtualListProps) {
  const own = useRef<HTMLDivElement>(null);
  const rows = useRef<HTMLElement | null>(null);
  // With a scroll parent: that element, and where the rows start inside it (below what precedes them).
  const [parent, setParent] = useState<{ element: HTMLElement | null; margin: number }>({ element: null, margin: 0 });
  useLayoutEffect(() => {
    if (!scrollParent) return;
    const list = rows.current;
    const element = list?.parentElement?.closest<HTMLElement>(scrollParent) ?? null;
    const margin = list && element ? list.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop : 0;
    setParent({ element, margin });
  }, [scrollParent]);
  const scroller = (): HTMLElement | null => (scrollParent ? parent.element : own.current);
  const margin = scrollParent ? parent.margin : 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: scroller,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: margin,
    initialRect: { width: 800, height: 600 },
    initialOffset: () => (restoreKey ? (savedOffsets.get(restoreKey) ?? 0) : 0),
    ...(rowKey ? { getItemKey: rowKey } : {}),
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

  const hasScroller = scrollParent ? parent.element !== null : true;
  useEffect(() => {
    if (scrollToRow !== undefined && scrollToRow >= 0 && hasScroller) virtualizer.scrollToIndex(scrollToRow, { align: 'center' });
  }, [scrollToRow, hasScroller, virtualizer]);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(count - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The row may be drawn only after the scroll (and, measured, after a second pass): try again on the next frames.
      const tryFocus = (attempt: number) => {
        const row = rows.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
        const focusable = row?.querySelector<HTMLElement>(FOCUSABLE);
        if (focusable) focusable.focus();
        else if (attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      tryFocus(0);
    },
    [count, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || !rows.current?.contains(row)) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scroller()?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
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

  const listRole = asListElements ? undefined : role;
  const rowRole = asListElements ? undefined : role === 'list' ? 'listitem' : 'none';
  const Row = asListElements ? 'li' : 'div';
  const rowElements = items.map((item) => {
    const style: CSSProperties = { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - margin}px)` };
    // A measured row is drawn even off screen (no content-visibility skipping): its height is what is measured.
    if (measureRows) style.contentVisibility = 'visible';
    else style.height = rowHeight;
    return (
      <Row
        key={item.key}
        ref={measureRows ? virtualizer.measureElement : undefined}
        data-index={item.index}
        role={rowRole}
        aria-setsize={role === 'list' ? count : undefined}
        aria-posinset={role === 'list' ? item.index + 1 : undefined}
        className={[asListElements ? undefined : 'virtual-row', rowClassName?.(item.index)].filter(Boolean).join(' ') || undefined}
        style={style}
      >
        {renderRow(item.index)}
      </Row>
    );
  });
  const sized: CSSProperties = { height: virtualizer.getTotalSize(), position: 'relative', width: '100%' };
  const setRows = (element: HTMLElement | null) => {
    rows.current = element;
  };
  const body = asListElements ? (
    <ul ref={setRows} style={sized} className={scrollParent ? className : undefined}>
      {rowElements}
    </ul>
  ) : (
    <div ref={setRows} style={sized} role={scrollParent ? listRole : undefined} aria-label={scrollParent ? label : undefined} className={scrollParent ? className : undefined}>
      {rowElements}
    </div>
  );
  if (scrollParent) return <div onKeyDown={onKeyDown}>{body}</div>;
  return (
    <div ref={own} className={`virtual-list ${className ?? ''}`} role={listRole} aria-label={label} onKeyDown={onKeyDown} data-row-count={count}>
      {body}
    </div>
  );
}
