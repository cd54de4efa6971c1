import { memo, useMemo } from 'react';
import { Link } from 'wouter';
import type { Briefing, Section } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { SectionMarks } from '../comments/SectionMarks';
import { VirtualList } from '../../components/VirtualList';

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
 * entries re-render only when one of those changes, not on every keystroke. A long outline is the
 * app's VirtualList scrolling with the outline (entries measured as they are drawn): the arrow
 * keys, Page Up/Down, Home and End move the focus through every entry, scrolling as they go, and
 * the open section's entry is scrolled to.
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
  const entry = (s: OutlineEntry) => (
    <OutlineEntryLink
      briefingId={briefing.id}
      entry={s}
      href={href(s.agendaItemId)}
      current={currentId === s.id}
      detached={agendaIds !== undefined && !agendaIds.has(s.agendaItemId)}
      flagged={flagged?.has(s.id) ?? false}
    />
  );
  const detached = (s: OutlineEntry) => (agendaIds !== undefined && !agendaIds.has(s.agendaItemId) ? 'detached' : undefined);
  const currentIndex = virtual && currentId ? shown.findIndex((s) => s.id === currentId) : -1;
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
        {!virtual &&
          shown.map((s) => (
            <li key={s.id} className={detached(s)}>
              {entry(s)}
            </li>
          ))}
      </ul>
      {virtual && (
        <VirtualList
          count={shown.length}
          rowHeight={ENTRY_ESTIMATE_PX}
          measureRows
          overscan={12}
          scrollParent=".outline"
          asListElements
          rowKey={(index) => shown[index]!.id}
          rowClassName={(index) => detached(shown[index]!)}
          scrollToRow={currentIndex}
          renderRow={(index) => entry(shown[index]!)}
        />
      )}
    </>
  );
}

/** One entry's link: its title and flags (memoised: the outline's entries stay as they are while a section is typed in). */
const OutlineEntryLink = memo(function OutlineEntryLink({
  briefingId,
  entry,
  href,
  current,
  detached,
  flagged,
}: {
  briefingId: string;
  entry: OutlineEntry;
  href: string;
  current: boolean;
  detached: boolean;
  flagged: boolean;
}) {
  const t = useT();
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {entry.agendaTitle}
      {detached && <span className="badge"> {t('briefings.section.detachedShort')}</span>}
      {!detached && flagged && <span className="badge"> {t('briefings.section.updatedShort')}</span>}
      {entry.reviewCount > 0 && <span className="review-count"> · {t('briefings.reviewCount', { count: entry.reviewCount })}</span>}
      <SectionMarks briefingId={briefingId} sectionId={entry.id} />
    </Link>
  );
});
