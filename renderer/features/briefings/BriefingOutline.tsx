import { memo, useMemo } from 'react';
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

/**
 * The outline of a brief's agenda items. Typing in a field gives the draft new section objects on
 * every keystroke; the outline is keyed on what it shows (title, review count, flags), so its 300
 * entries re-render only when one of those changes, not on every keystroke.
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
  return (
    <ul>
      <li>
        <Link href={href()} aria-current={!currentId ? 'page' : undefined}>
          {t('briefings.general')}
          {briefing.review.length > 0 && <span className="review-count"> · {t('briefings.reviewCount', { count: briefing.review.length })}</span>}
          <SectionMarks briefingId={briefing.id} sectionId="general" />
        </Link>
      </li>
      {entries
        .filter((s) => !matching || matching.has(s.id))
        .map((s) => (
          <OutlineItem
            key={s.id}
            briefingId={briefing.id}
            entry={s}
            href={href(s.agendaItemId)}
            current={currentId === s.id}
            detached={agendaIds !== undefined && !agendaIds.has(s.agendaItemId)}
            flagged={flagged?.has(s.id) ?? false}
          />
        ))}
    </ul>
  );
}

const OutlineItem = memo(function OutlineItem({ briefingId, entry, href, current, detached, flagged }: { briefingId: string; entry: OutlineEntry; href: string; current: boolean; detached: boolean; flagged: boolean }) {
  const t = useT();
  return (
    <li className={detached ? 'detached' : undefined}>
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
