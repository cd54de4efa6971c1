import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { Briefing, Section } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { SectionMarks } from '../comments/SectionMarks';

/** What one outline entry shows: a section's title and flags, nothing of its text. */
interface OutlineEntry {
  id: string;
  agendaItemId: string;
  agendaTitle: string;
  reviewCount: number;
}

/** From this many entries the outline puts only those near the screen into the DOM. */
export const VIRTUAL_OUTLINE_FROM = 60;
/** An entry's height before it is measured (one line of title); long titles wrap and are measured. */
const ENTRY_ESTIMATE_PX = 34;

/**
 * The outline of a brief's agenda items. Typing in a field gives the draft new section objects on
 * every keystroke; the outline is keyed on what it shows (title, review count, flags), so its 300
 * entries re-render only when one of those changes, not on every keystroke. A long outline is
 * virtualised (entries measured as they are drawn): the arrow keys, Home and End move the focus
 * through every entry, scrolling as they go, and the open section's entry is scrolled to.
 */
export function BriefingOutline({
  briefing,
  sections,
  matching,
  currentId,
  agendaIds,
  flagged,
  href,
}: {
  briefing: Briefing;
  sections: readonly Section[];
  matching: ReadonlySet<string> | undefined;
  currentId: string | undefined;
  agendaIds: ReadonlySet<string> | undefined;
  flagged: ReadonlySet<string> | undefined;
  href: (item?: string) => string;
}) {
  const t = useT();
  const signature = sections.map((s) => `${s.id}\u0001${s.agendaItemId}\u0001${s.agendaTitle}\u0001${s.review.length}`).join('\u0002');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the outline shows (the signature), not on the section objects
  const entries = useMemo<OutlineEntry[]>(() => sections.map((s) => ({ id: s.id, agendaItemId: s.agendaItemId, agendaTitle: s.agendaTitle, reviewCount: s.review.length })), [signature]);
  const shown = useMemo(() => (matching ? entries.filter((s) => matching.has(s.id)) : entries), [entries, matching]);
  const virtual = shown.length >= VIRTUAL_OUTLINE_FROM;
  const item = (s: OutlineEntry, index: number, style?: CSSProperties, measure?: (el: HTMLLIElement | null) => void) => (
    <OutlineItem
      key={s.id}
      briefingId={briefing.id}
      entry={s}
      href={href(s.agendaItemId)}
      current={currentId === s.id}
      detached={agendaIds !== undefined && !agendaIds.has(s.agendaItemId)}
      flagged={flagged?.has(s.id) ?? false}
      index={index}
      count={virtual ? shown.length : undefined}
      style={style}
      measure={measure}
    />
  );
  return (
    <>
      <ul>
        <li>
          <Link href={href()} aria-current={!currentId ? 'page' : undefined}>
            {t('briefings.general')}
            {briefing.review.length > 0 && <span className="review-count"> · {t('briefings.reviewCount', { count: briefing.review.length })}</span>}
            <SectionMarks briefingId={briefing.id} sectionId="general" />
          </Link>
        </li>
        {!virtual && shown.map((s, i) => item(s, i))}
      </ul>
      {virtual && <VirtualEntries shown={shown} currentId={currentId} render={item} />}
    </>
  );
}

const FOCUSABLE = 'a[href]';

/** The entries of a long outline, only those near the screen in the DOM; the outline (`nav.outline`) scrolls. */
function VirtualEntries({
  shown,
  currentId,
  render,
}: {
  shown: readonly OutlineEntry[];
  currentId: string | undefined;
  render: (s: OutlineEntry, index: number, style: CSSProperties, measure: (el: HTMLLIElement | null) => void) => ReactNode;
}) {
  const list = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const el = list.current;
    const outline = el?.closest<HTMLElement>('.outline') ?? null;
    setScroller(outline);
    // Where the entries start inside the scrolling outline (below the find box and the general part).
    if (el && outline) setMargin(el.getBoundingClientRect().top - outline.getBoundingClientRect().top + outline.scrollTop);
  }, []);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller,
    estimateSize: () => ENTRY_ESTIMATE_PX,
    overscan: 12,
    scrollMargin: margin,
    initialRect: { width: 300, height: 800 },
    getItemKey: (index) => shown[index]!.id,
  });
  const items = virtualizer.getVirtualItems();

  // The open section's entry is brought into view (opened by a link, a find, or the address).
  const currentIndex = currentId ? shown.findIndex((s) => s.id === currentId) : -1;
  useEffect(() => {
    if (currentIndex >= 0 && scroller) virtualizer.scrollToIndex(currentIndex, { align: 'center' });
  }, [currentIndex, scroller, virtualizer]);

  const focusEntry = (index: number) => {
    const target = Math.max(0, Math.min(shown.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The entry may be drawn only after the scroll: try again on the next frames.
    const tryFocus = (attempt: number) => {
      const link = list.current?.querySelector<HTMLElement>(`[data-index="${target}"] ${FOCUSABLE}`);
      if (link) link.focus();
      else if (attempt < 10) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    tryFocus(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scroller?.clientHeight ?? ENTRY_ESTIMATE_PX * 10) / ENTRY_ESTIMATE_PX) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: shown.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusEntry(next);
  };

  return (
    <ul ref={list} className="outline-entries" onKeyDown={onKeyDown} style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
      {items.map((v) =>
        render(shown[v.index]!, v.index, { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start - margin}px)`, contentVisibility: 'visible' }, virtualizer.measureElement),
      )}
    </ul>
  );
}

const OutlineItem = memo(function OutlineItem({
  briefingId,
  entry,
  href,
  current,
  detached,
  flagged,
  index,
  count,
  style,
  measure,
}: {
  briefingId: string;
  entry: OutlineEntry;
  href: string;
  current: boolean;
  detached: boolean;
  flagged: boolean;
  index: number;
  /** In a virtualised outline: how many entries there are (only some are in the DOM). */
  count: number | undefined;
  style?: CSSProperties;
  measure?: (el: HTMLLIElement | null) => void;
}) {
  const t = useT();
  return (
    <li ref={measure} data-index={index} aria-setsize={count} aria-posinset={count === undefined ? undefined : index + 1} className={detached ? 'detached' : undefined} style={style}>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {entry.agendaTitle}
        {detached && <span className="badge"> {t('briefings.section.detachedShort')}</span>}
        {!detached && flagged && <span className="badge"> {t('briefings.section.updatedShort')}</span>}
        {entry.reviewCount > 0 && <span className="review-count"> · {t('briefings.reviewCount', { count: entry.reviewCount })}</span>}
        <SectionMarks briefingId={briefingId} sectionId={entry.id} />
      </Link>
    </li>
  );
});
